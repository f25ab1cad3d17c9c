//! One frame of a theme, drawn and described for theme authors (`union
//! plasma-frame`).

use crate::theme::{PlasmaTheme, Variant};
use serde_json::{Value as Json, json};
use union_ksvg::{Borders, ColorScheme, Edges, FrameInfo, SvgDocument, render_frame};

/// What `union plasma-frame --json` prints.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameReport {
    /// The SVG file used.
    pub file: String,
    /// The frame's prefix and metrics.
    pub info: FrameInfo,
    /// Every fallback taken (file from another theme or variant, missing
    /// prefix), worded for the theme author.
    pub fallbacks: Vec<String>,
}

fn edges(e: &Edges) -> Json {
    json!({ "left": e.left, "top": e.top, "right": e.right, "bottom": e.bottom })
}

impl FrameReport {
    /// `{"prefix_found", "margins", "fixed_margins", "insets", "file",
    /// "fallbacks"}`.
    pub fn to_json(&self) -> Json {
        json!({
            "prefix_found": self.info.prefix_found,
            "margins": edges(&self.info.margins),
            "fixed_margins": edges(&self.info.fixed_margins),
            "insets": self.info.insets.as_ref().map_or(Json::Null, edges),
            "file": self.file,
            "fallbacks": self.fallbacks,
        })
    }
}

/// Draws `image`'s frame `prefix` of `theme` at `size` (logical px) and
/// `scale` with every border, as libplasma's `FrameSvg` would, and
/// describes it. libplasma draws at whole device pixel ratios only (1.5
/// is drawn at 1, for an upscaling compositor), so this does too; Union's
/// own renderer draws fractional scales at full resolution. The pixmap is
/// `None` when the frame has no pieces (libplasma draws nothing then).
pub fn frame_report(
    theme: &PlasmaTheme,
    image: &str,
    prefix: &str,
    variant: Variant,
    size: (f32, f32),
    scale: f32,
) -> Result<(Option<tiny_skia::Pixmap>, FrameReport), String> {
    let file = theme
        .image(image, variant)
        .ok_or_else(|| format!("{image}: not in {} nor in the default theme", theme.name))?;
    let svg = SvgDocument::load(&file.path, &ColorScheme::new(theme.palette.clone()))
        .map_err(|e| e.to_string())?;
    let info = FrameInfo::new(&svg, prefix, Borders::ALL);
    let mut fallbacks: Vec<String> = file.fallback.into_iter().collect();
    if !info.prefix_found {
        let instead = if svg.has_element("center") {
            "libplasma draws the frame without a prefix"
        } else {
            "libplasma draws nothing"
        };
        fallbacks.push(format!(
            "{image}: no frame {prefix:?} (no `{prefix}-center` element): {instead}"
        ));
    }
    let pixmap = render_frame(&svg, &info, size, scale.floor().max(1.0));
    Ok((
        pixmap,
        FrameReport {
            file: file.path.display().to_string(),
            info,
            fallbacks,
        },
    ))
}

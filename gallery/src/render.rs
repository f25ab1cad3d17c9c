//! `union render`: one element into a PNG through an output (the
//! tiny-skia reference by default).

#![allow(
    clippy::print_stderr,
    reason = "the command reports diagnostics and what it wrote on stderr"
)]

use crate::cells::{Backend, BackendName, backend};
use crate::themes;
use std::path::PathBuf;
use union_model::scene::SceneRequest;
use union_model::{Context, Query, Styler, chain};
use union_skia::{Fonts, Images, Renderer};

/// Arguments of `union render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The theme (a path or a name).
    #[arg(long)]
    pub theme: String,
    /// Root-first chain: `Window > ToolBar > ToolButton.flat:hover@2/5`;
    /// a chain not rooted at `Window` is drawn inside one, as applications
    /// show controls.
    #[arg(long)]
    pub element: String,
    /// Query context: `dir=ltr|rtl,scheme=light|dark,form=desktop|touch,window=active|inactive`.
    #[arg(long, default_value = "")]
    pub context: String,
    /// Border-box size `WxH` in logical px (default: the element's implicit size).
    #[arg(long)]
    pub size: Option<String>,
    /// Device pixels per logical pixel.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Transparent room around the box, logical px (shadows, outlines).
    #[arg(long, default_value_t = 8.0)]
    pub margin: f32,
    /// The control's text (default: a sample label).
    #[arg(long)]
    pub text: Option<String>,
    /// Value of range controls (sliders, progress and scroll bars), 0 to 1.
    #[arg(long, default_value_t = 0.5)]
    pub value: f32,
    /// Use only the bundled fonts and icons (what snapshot tests see), not
    /// the machine's icon themes.
    #[arg(long)]
    pub reproducible: bool,
    /// The PNG to write.
    #[arg(long)]
    pub out: PathBuf,
    /// The output that draws.
    #[arg(long, value_enum, default_value_t = BackendName::Skia)]
    pub backend: BackendName,
}

/// Largest `--scale`.
pub const MAX_SCALE: f32 = 8.0;

/// Parses `WxH` (logical px, each 0 to 10000).
pub fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("`{text}`: expected WxH, such as 120x32"))?;
    let number = |v: &str| -> Result<f32, String> {
        let n: f32 = v
            .trim()
            .parse()
            .map_err(|_| format!("`{text}`: `{v}` is not a number"))?;
        if n.is_finite() && (0.0..=10_000.0).contains(&n) {
            Ok(n)
        } else {
            Err(format!("`{text}`: sizes go from 0 to 10000"))
        }
    };
    Ok((number(w)?, number(h)?))
}

/// The bundled fallback icons, unpacked from the binary.
pub fn bundled_icon_dirs() -> Vec<PathBuf> {
    themes::bundled_icon_dirs()
}

/// Refuses an output file whose name promises another format than PNG
/// (`sheet.jpg` would hold PNG bytes); a name without an extension is fine.
///
/// # Errors
/// When the extension is not `.png`.
pub fn check_png_name(out: &std::path::Path) -> Result<(), String> {
    match out.extension().and_then(|e| e.to_str()) {
        Some(ext) if !ext.eq_ignore_ascii_case("png") => Err(format!(
            "{}: only PNG is written; give the file a .png name",
            out.display()
        )),
        _ => Ok(()),
    }
}

/// `chain` as applications show controls: inside a `Window` (where themes
/// such as Breeze define their colours and variables), unless it already
/// starts with one.
pub fn in_window(mut chain: Vec<union_model::Element>) -> Vec<union_model::Element> {
    if chain
        .first()
        .is_none_or(|root| !root.type_name().eq_ignore_ascii_case("Window"))
    {
        chain.insert(0, union_model::Element::new("Window"));
    }
    chain
}

/// The tiny-skia reference renderer with the fixed font set; icons from
/// the bundled fallbacks only (`reproducible`) or the machine's icon
/// themes first.
///
/// # Errors
/// When the fonts are missing.
pub fn reference_renderer(reproducible: bool) -> Result<Renderer, String> {
    let fonts = Fonts::deterministic()?;
    let images = if reproducible {
        Images::with_fallback(bundled_icon_dirs())
    } else {
        Images::with_system_icons(bundled_icon_dirs())
    };
    Ok(Renderer::new(fonts, images))
}

/// Runs `union render`.
pub fn run(
    args: &RenderArgs,
    parse_context: fn(&str) -> Result<Context, String>,
) -> Result<(), String> {
    check_png_name(&args.out)?;
    let chain = in_window(chain::parse_chain(&args.element)?);
    let context = parse_context(&args.context)?;
    let size = args.size.as_deref().map(parse_size).transpose()?;
    if !(args.scale.is_finite() && args.scale > 0.0 && args.scale <= MAX_SCALE) {
        return Err(format!("--scale must be above 0 and at most {MAX_SCALE}"));
    }
    if !(args.margin.is_finite() && (0.0..=1000.0).contains(&args.margin)) {
        return Err("--margin must be from 0 to 1000".to_owned());
    }
    let registry = themes::registry();
    let loaded = themes::load(&registry, &args.theme).map_err(|e| themes::explain(&e))?;
    for diagnostic in &loaded.diagnostics {
        eprintln!("{diagnostic}");
    }
    let mut renderer = reference_renderer(args.reproducible)?;
    let mut other = backend(args.backend, args.reproducible)?;
    let backend: &mut dyn Backend = match other.as_deref_mut() {
        Some(backend) => backend,
        None => &mut renderer,
    };
    let query = Query::new(chain, context);
    let styler = Styler::new(std::sync::Arc::clone(&loaded.theme));
    let request = SceneRequest {
        size,
        scale: args.scale,
        text: args.text.as_deref(),
        value: args.value,
        ..SceneRequest::new(&query)
    };
    let scene = backend.scene(&styler, &request)?;
    let rendered = backend.paint(&scene, loaded.theme.palette(), args.scale, args.margin)?;
    rendered
        .pixmap
        .save_png(&args.out)
        .map_err(|e| format!("{}: cannot write: {e}", args.out.display()))?;
    eprintln!(
        "{}: {}×{} logical px at {}×, {}×{} pixels",
        args.out.display(),
        rendered.size.0,
        rendered.size.1,
        args.scale,
        rendered.pixmap.width(),
        rendered.pixmap.height()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_bad_ones_say_why() {
        assert_eq!(parse_size("120x32"), Ok((120.0, 32.0)));
        assert_eq!(parse_size("10.5×4"), Ok((10.5, 4.0)));
        assert!(parse_size("120").unwrap_err().contains("expected WxH"));
        assert!(parse_size("ax3").unwrap_err().contains("not a number"));
        assert!(parse_size("1e9x3").unwrap_err().contains("from 0 to 10000"));
        assert!(parse_size("-1x3").unwrap_err().contains("from 0 to 10000"));
    }
}

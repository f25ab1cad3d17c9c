//! Text: shaped and laid out with parley, rasterised with swash.
//!
//! Slint shapes with parley too, so sizes measured here agree with what the
//! Slint output draws. Fonts come from an explicit [`Fonts`] set, never from
//! whatever the machine has installed, so renders are reproducible: the
//! default set is `DejaVu` (Debian's `fonts-dejavu-core`), with `sans-serif`,
//! `serif` and `monospace` mapped to its families. A family a theme names
//! that the set lacks falls back to `sans-serif`, as a browser would.

use parley::fontique::{Blob, Collection, CollectionOptions, FamilyId, GenericFamily, SourceCache};
use parley::{
    Alignment, AlignmentOptions, FontContext, FontFamily, FontStyle, FontWeight, Layout,
    LayoutContext, OverflowWrap, StyleProperty, TextWrapMode,
};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tiny_skia::Pixmap;
use union_model::values::{Elide, Rgba};
use union_model::{Style, values};

/// Where the default font set is read from, unless `UNION_FONT_DIR` says otherwise.
pub const DEFAULT_FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";

/// Font size when the style sets none: the platform's (logical px; 10pt).
pub const DEFAULT_FONT_SIZE: f32 = union_model::Context::DEFAULT_FONT_SIZE;

/// Most layouts and glyph images remembered; when full, caches start over.
const MAX_CACHED: usize = 4096;

/// What a layout depends on besides its text and font families: the
/// style's numbers, the width and the scale (floats by their bits, so equal
/// inputs give exactly the same layout).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct LayoutParams {
    numbers: [u32; 4],
    flags: [bool; 3],
    elide: Elide,
    align: values::Align,
}

/// A remembered layout with everything it was made from, found by the hash
/// of those inputs so that a lookup allocates nothing.
struct CachedLayout {
    text: String,
    families: String,
    params: LayoutParams,
    laid: TextLayout,
}

/// A fixed set of fonts and the scratch space to lay text out with them.
///
/// Layouts and glyph images are remembered (up to a bound), as toolkits'
/// text caches do, so drawing the same labels again is cheap.
pub struct Fonts {
    fonts: FontContext,
    layouts: LayoutContext<()>,
    laid_out: FxHashMap<u64, CachedLayout>,
    glyphs: crate::glyphs::Glyphs,
    instance: crate::instance::Instance,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").finish_non_exhaustive()
    }
}

/// How a text part is drawn: resolved from a style.
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    /// CSS family list (`"Noto Sans", sans-serif`).
    pub families: String,
    /// Logical px.
    pub size: f32,
    /// 1 to 1000.
    pub weight: f32,
    /// Italic or oblique.
    pub italic: bool,
    /// Wraps at the available width.
    pub wrap: bool,
    /// Breaks inside words when a word does not fit.
    pub break_words: bool,
    /// Where overflowing text is elided.
    pub elide: Elide,
    /// Horizontal alignment of lines.
    pub align: values::Align,
}

impl TextStyle {
    /// The text style of a computed style (lengths resolved).
    pub fn of(style: &Style) -> TextStyle {
        let text = &style.text;
        let mut families = String::new();
        for name in text.font_family.value().iter().flat_map(|f| f.0.iter()) {
            push_css_family(&mut families, name);
            families.push_str(", ");
        }
        families.push_str("sans-serif");
        TextStyle {
            families,
            size: text
                .font_size
                .value()
                .and_then(|l| l.px())
                .filter(|s| s.is_finite() && *s > 0.0)
                .map_or(DEFAULT_FONT_SIZE, |s| s.min(1000.0)),
            weight: f32::from(text.font_weight.value().map_or(400, |w| w.0)),
            italic: matches!(
                text.font_style.value(),
                Some(values::FontStyle::Italic | values::FontStyle::Oblique)
            ),
            wrap: text.wrap.value() == Some(&values::TextWrapMode::Wrap),
            break_words: matches!(
                text.overflow_wrap.value(),
                Some(values::OverflowWrap::Anywhere | values::OverflowWrap::BreakWord)
            ),
            elide: *text.elide.value_or(&Elide::None),
            align: *text.alignment.horizontal.value_or(&values::Align::Start),
        }
    }
}

/// Appends `name` as a CSS family: generic names as they are, others
/// quoted (without quotes or backslashes of their own).
fn push_css_family(out: &mut String, name: &str) {
    match name {
        "sans-serif" | "serif" | "monospace" | "system-ui" => out.push_str(name),
        _ => {
            out.push('"');
            out.extend(name.chars().filter(|c| !matches!(c, '"' | '\\')));
            out.push('"');
        }
    }
}

/// Text laid out for drawing at one scale (cheap to clone).
#[derive(Clone)]
pub struct TextLayout {
    layout: Arc<Layout<()>>,
    scale: f32,
}

impl std::fmt::Debug for TextLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (width, height) = self.size();
        f.debug_struct("TextLayout")
            .field("width", &width)
            .field("height", &height)
            .finish_non_exhaustive()
    }
}

impl TextLayout {
    /// Width and height in logical px.
    pub fn size(&self) -> (f32, f32) {
        (
            self.layout.width() / self.scale,
            self.layout.height() / self.scale,
        )
    }
}

impl Fonts {
    /// Which fonts these are: text measured with other fonts is not reused
    /// with these.
    pub(crate) fn instance(&self) -> crate::instance::Instance {
        self.instance
    }

    /// The default set: every font file in `UNION_FONT_DIR`, else in
    /// [`DEFAULT_FONT_DIR`].
    pub fn deterministic() -> Result<Fonts, String> {
        let dir = std::env::var_os("UNION_FONT_DIR")
            .map_or_else(|| PathBuf::from(DEFAULT_FONT_DIR), PathBuf::from);
        Fonts::from_dir(&dir)
    }

    /// Every `.ttf`, `.otf` and `.ttc` file in `dir` (no system fonts).
    pub fn from_dir(dir: &Path) -> Result<Fonts, String> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: cannot read the font folder: {e}", dir.display()))?;
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc")
                })
            })
            .collect();
        files.sort();
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        for file in &files {
            let data = std::fs::read(file)
                .map_err(|e| format!("{}: cannot read the font: {e}", file.display()))?;
            collection.register_fonts(Blob::from(data), None);
        }
        let mut first = |names: &[&str]| -> Vec<FamilyId> {
            names
                .iter()
                .filter_map(|n| collection.family_id(n))
                .take(1)
                .collect()
        };
        let sans = first(&["DejaVu Sans", "Noto Sans", "Liberation Sans"]);
        let serif = first(&["DejaVu Serif", "Noto Serif", "Liberation Serif"]);
        let mono = first(&["DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono"]);
        if sans.is_empty() {
            return Err(format!(
                "{}: no sans-serif font (DejaVu Sans, Noto Sans or Liberation Sans) among {} font files",
                dir.display(),
                files.len()
            ));
        }
        collection.set_generic_families(GenericFamily::SansSerif, sans.iter().copied());
        collection.set_generic_families(GenericFamily::SystemUi, sans.iter().copied());
        let or_sans = |ids: Vec<FamilyId>| if ids.is_empty() { sans.clone() } else { ids };
        collection.set_generic_families(GenericFamily::Serif, or_sans(serif).into_iter());
        collection.set_generic_families(GenericFamily::Monospace, or_sans(mono).into_iter());
        Ok(Fonts {
            fonts: FontContext {
                collection,
                source_cache: SourceCache::default(),
            },
            layouts: LayoutContext::new(),
            laid_out: FxHashMap::default(),
            glyphs: crate::glyphs::Glyphs::default(),
            instance: crate::instance::Instance::default(),
        })
    }

    /// Lays `text` out at `scale` device pixels per logical pixel, wrapping
    /// (when the style wraps) and eliding (when it elides) at `max_width`
    /// logical px.
    pub fn layout(
        &mut self,
        text: &str,
        style: &TextStyle,
        max_width: Option<f32>,
        scale: f32,
    ) -> TextLayout {
        let params = LayoutParams {
            numbers: [
                style.size.to_bits(),
                style.weight.to_bits(),
                max_width.map_or(u32::MAX, f32::to_bits),
                scale.to_bits(),
            ],
            flags: [style.italic, style.wrap, style.break_words],
            elide: style.elide,
            align: style.align,
        };
        let key = FxBuildHasher.hash_one((text, style.families.as_str(), params));
        if let Some(cached) = self.laid_out.get(&key)
            && cached.text == text
            && cached.families == style.families
            && cached.params == params
        {
            return cached.laid.clone();
        }
        let laid = self.layout_uncached(text, style, max_width, scale);
        if self.laid_out.len() >= MAX_CACHED {
            self.laid_out.clear();
        }
        // A different layout with the same hash is replaced.
        let cached = CachedLayout {
            text: text.to_owned(),
            families: style.families.clone(),
            params,
            laid: laid.clone(),
        };
        self.laid_out.insert(key, cached);
        laid
    }

    fn layout_uncached(
        &mut self,
        text: &str,
        style: &TextStyle,
        max_width: Option<f32>,
        scale: f32,
    ) -> TextLayout {
        let laid = self.shape(text, style, max_width, scale);
        let Some(limit) = max_width.filter(|_| style.elide != Elide::None && !style.wrap) else {
            return laid;
        };
        if laid.size().0 <= limit + 0.01 {
            return laid;
        }
        // The longest elision that fits: binary search over kept characters.
        let chars: Vec<char> = text.chars().collect();
        let (mut low, mut high) = (0usize, chars.len());
        let mut best = self.shape("…", style, None, scale);
        while low < high {
            let keep = (low + high).div_ceil(2);
            let candidate = self.shape(&elided(&chars, keep, style.elide), style, None, scale);
            if candidate.size().0 <= limit + 0.01 {
                best = candidate;
                low = keep;
            } else {
                high = keep - 1;
            }
        }
        best
    }

    fn shape(
        &mut self,
        text: &str,
        style: &TextStyle,
        max_width: Option<f32>,
        scale: f32,
    ) -> TextLayout {
        let mut builder = self
            .layouts
            .ranged_builder(&mut self.fonts, text, scale, true);
        builder.push_default(StyleProperty::FontFamily(FontFamily::Source(
            style.families.as_str().into(),
        )));
        builder.push_default(StyleProperty::FontSize(style.size));
        builder.push_default(StyleProperty::FontWeight(FontWeight::new(style.weight)));
        if style.italic {
            builder.push_default(StyleProperty::FontStyle(FontStyle::Italic));
        }
        builder.push_default(StyleProperty::TextWrapMode(if style.wrap {
            TextWrapMode::Wrap
        } else {
            TextWrapMode::NoWrap
        }));
        if style.break_words {
            builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
        }
        let mut layout: Layout<()> = builder.build(text);
        let width = max_width.filter(|_| style.wrap).map(|w| w * scale);
        layout.break_all_lines(width);
        let alignment = match style.align {
            values::Align::End => Alignment::End,
            values::Align::Center | values::Align::StackCenter => Alignment::Center,
            values::Align::Fill | values::Align::StackFill => Alignment::Justify,
            values::Align::Start => Alignment::Start,
        };
        layout.align(alignment, AlignmentOptions::default());
        TextLayout {
            layout: Arc::new(layout),
            scale,
        }
    }

    /// Draws `text` with its top-left at (`x`, `y`) device pixels in `color`.
    pub fn draw(&mut self, pixmap: &mut Pixmap, text: &TextLayout, x: f32, y: f32, color: Rgba) {
        self.glyphs.draw(pixmap, &text.layout, x, y, color);
    }
}

/// `chars` with only `keep` of them left and an ellipsis where the rest were.
fn elided(chars: &[char], keep: usize, elide: Elide) -> String {
    let keep = keep.min(chars.len());
    let cut = chars.len() - keep;
    let mut out = String::new();
    match elide {
        Elide::Start => {
            out.push('…');
            out.extend(&chars[cut..]);
        }
        Elide::Middle => {
            let head = keep.div_ceil(2);
            out.extend(&chars[..head]);
            out.push('…');
            out.extend(&chars[chars.len() - (keep - head)..]);
        }
        Elide::End | Elide::None => {
            out.extend(&chars[..keep]);
            out.push('…');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elision_keeps_the_requested_side() {
        let chars: Vec<char> = "abcdef".chars().collect();
        assert_eq!(elided(&chars, 3, Elide::End), "abc…");
        assert_eq!(elided(&chars, 3, Elide::Start), "…def");
        assert_eq!(elided(&chars, 3, Elide::Middle), "ab…f");
        assert_eq!(elided(&chars, 0, Elide::Middle), "…");
    }
}

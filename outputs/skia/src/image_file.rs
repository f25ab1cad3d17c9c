//! One decoded image file (SVG, SVGZ or PNG) and the ways it is drawn:
//! fitted into a box like an icon, sized into a box like a browser draws a
//! CSS image, or cut into pieces for a 9-patch.
//!
//! SVGs stay vectors until they are drawn, so a stretched 9-patch edge is as
//! crisp as the browser's (which also draws each piece from the vector).

use crate::geometry::Rect;
use std::path::Path;
use tiny_skia::{
    BlendMode, FilterQuality, IntRect, Paint, Pattern, Pixmap, PixmapPaint, Rect as SkRect,
    SpreadMode, Transform,
};

/// Largest image file read (bytes).
pub const MAX_IMAGE_FILE: u64 = 8 << 20;

/// How an image is sized into a box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Fit {
    /// Aspect ratio kept, centred (icons).
    Contain,
    /// As a browser draws a CSS image sized to the box: an SVG follows its
    /// own `preserveAspectRatio` (`xMidYMid meet` unless it says `none`), a
    /// raster stretches.
    Css,
}

/// An SVG root's `preserveAspectRatio`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Aspect {
    /// `none`: stretch.
    stretch: bool,
    /// Where the picture goes in the spare room: 0 (min), 0.5 (mid), 1 (max).
    align: (f32, f32),
    /// `slice` (cover) instead of `meet` (contain).
    slice: bool,
}

impl Aspect {
    fn parse(value: Option<&str>) -> Aspect {
        let mut aspect = Aspect {
            stretch: false,
            align: (0.5, 0.5),
            slice: false,
        };
        let Some(value) = value else { return aspect };
        for word in value.split_whitespace() {
            match word {
                "none" => aspect.stretch = true,
                "slice" => aspect.slice = true,
                "meet" | "defer" => {}
                _ if word.len() == 8 && word.starts_with('x') => {
                    let part = |p: Option<&str>| match p {
                        Some("Min") => 0.0,
                        Some("Max") => 1.0,
                        _ => 0.5,
                    };
                    aspect.align = (part(word.get(1..4)), part(word.get(5..8)));
                }
                _ => {}
            }
        }
        aspect
    }
}

enum Kind {
    Svg {
        tree: Box<usvg::Tree>,
        aspect: Aspect,
    },
    Raster(Pixmap),
}

/// A decoded image file.
pub struct ImageFile {
    kind: Kind,
}

impl std::fmt::Debug for ImageFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImageFile")
            .field("natural", &self.natural())
            .finish()
    }
}

/// Scale and offset that fit `sw`×`sh` into `w`×`h` at `align`, aspect kept;
/// covering the box when `cover`.
fn fit(sw: f32, sh: f32, w: f32, h: f32, align: (f32, f32), cover: bool) -> (f32, f32, f32) {
    if sw <= 0.0 || sh <= 0.0 {
        return (1.0, 0.0, 0.0);
    }
    let scale = if cover {
        (w / sw).max(h / sh)
    } else {
        (w / sw).min(h / sh)
    };
    (
        scale,
        (w - sw * scale) * align.0,
        (h - sh * scale) * align.1,
    )
}

impl ImageFile {
    /// Reads and decodes `path` (at most [`MAX_IMAGE_FILE`] bytes).
    pub fn read(path: &Path) -> Result<ImageFile, String> {
        let is_svg = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("svg" | "svgz")
        );
        if !is_svg {
            // Regular files only, at most the limit whatever the metadata says.
            let bytes = union_model::files::read_regular(path, MAX_IMAGE_FILE)
                .map_err(|e| e.to_string())?;
            let pixmap = Pixmap::decode_png(&bytes).map_err(|e| e.to_string())?;
            return Ok(ImageFile {
                kind: Kind::Raster(pixmap),
            });
        }
        // `.svgz` inflates within a bound (a small file can inflate to
        // gigabytes).
        let text = union_ksvg::read_svg_text(path).map_err(|e| e.message)?;
        let text = text.as_str();
        let document = usvg::roxmltree::Document::parse_with_options(
            text,
            usvg::roxmltree::ParsingOptions {
                allow_dtd: true,
                ..usvg::roxmltree::ParsingOptions::default()
            },
        )
        .map_err(|e| e.to_string())?;
        let aspect = Aspect::parse(document.root_element().attribute("preserveAspectRatio"));
        let options = usvg::Options {
            resources_dir: path.parent().map(Path::to_path_buf),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_xmltree(&document, &options).map_err(|e| e.to_string())?;
        Ok(ImageFile {
            kind: Kind::Svg {
                tree: Box::new(tree),
                aspect,
            },
        })
    }

    /// The image's own size in CSS pixels.
    pub fn natural(&self) -> (f32, f32) {
        match &self.kind {
            Kind::Svg { tree, .. } => (tree.size().width(), tree.size().height()),
            Kind::Raster(pixmap) => (pixmap.width() as f32, pixmap.height() as f32),
        }
    }

    /// The image drawn into a `width` × `height` pixmap.
    pub(crate) fn rasterise(&self, width: u32, height: u32, how: Fit) -> Option<Pixmap> {
        let mut out = Pixmap::new(width.max(1), height.max(1))?;
        let (sw, sh) = self.natural();
        let (w, h) = (width as f32, height as f32);
        let stretch = match &self.kind {
            Kind::Svg { aspect, .. } => how == Fit::Css && aspect.stretch,
            Kind::Raster(_) => how == Fit::Css,
        };
        let transform = if stretch {
            if sw > 0.0 && sh > 0.0 {
                Transform::from_scale(w / sw, h / sh)
            } else {
                Transform::identity()
            }
        } else {
            let (align, cover) = match &self.kind {
                Kind::Svg { aspect, .. } if how == Fit::Css => (aspect.align, aspect.slice),
                _ => ((0.5, 0.5), false),
            };
            let (scale, dx, dy) = fit(sw, sh, w, h, align, cover);
            Transform::from_row(scale, 0.0, 0.0, scale, dx, dy)
        };
        match &self.kind {
            Kind::Svg { tree, .. } => resvg::render(tree, transform, &mut out.as_mut()),
            Kind::Raster(image) => {
                let paint = PixmapPaint {
                    quality: FilterQuality::Bicubic,
                    ..PixmapPaint::default()
                };
                out.draw_pixmap(0, 0, image.as_ref(), &paint, transform, None);
            }
        }
        Some(out)
    }

    /// The part `source` of the image (x, y, width, height in CSS px) on
    /// its own, for drawing onto tiles: an SVG part rendered at `width` ×
    /// `height` device pixels (rounded, so that its edges are pixel edges
    /// and nothing of the neighbouring parts shows), a raster part cut out
    /// at its own resolution.
    pub(crate) fn part(&self, source: [f32; 4], width: f32, height: f32) -> Option<Pixmap> {
        let [x, y, w, h] = source;
        if !(w > 0.0 && h > 0.0) {
            return None;
        }
        match &self.kind {
            Kind::Svg { tree, .. } => {
                let (pw, ph) = (width.round().max(1.0), height.round().max(1.0));
                if pw > MAX_PART_SIDE || ph > MAX_PART_SIDE {
                    return None;
                }
                let mut out = Pixmap::new(pw as u32, ph as u32)?;
                let (kx, ky) = (pw / w, ph / h);
                resvg::render(
                    tree,
                    Transform::from_row(kx, 0.0, 0.0, ky, -x * kx, -y * ky),
                    &mut out.as_mut(),
                );
                Some(out)
            }
            Kind::Raster(image) => IntRect::from_xywh(
                x.round() as i32,
                y.round() as i32,
                w.round().max(1.0) as u32,
                h.round().max(1.0) as u32,
            )
            .and_then(|r| image.clone_rect(r)),
        }
    }
}

/// Largest part rendered for tiling, per side (device px).
const MAX_PART_SIDE: f32 = 8192.0;

/// Adds `part` scaled onto `tile` to `layer` inside `clip` (device px),
/// bilinear, with [`BlendMode::Plus`]. Tile edges inside pixels are
/// antialiased by coverage, so on an empty layer two tiles sharing an edge
/// sum to the whole pixel: tiles join without seams at any fractional
/// position.
pub(crate) fn add_tile(layer: &mut Pixmap, part: &Pixmap, tile: Rect, clip: Rect) {
    let left = tile.x.max(clip.x);
    let top = tile.y.max(clip.y);
    let right = (tile.x + tile.width).min(clip.x + clip.width);
    let bottom = (tile.y + tile.height).min(clip.y + clip.height);
    let (Some(visible), Some(mut piece)) = (
        SkRect::from_ltrb(left, top, right, bottom),
        Pixmap::new(layer.width(), layer.height()),
    ) else {
        return;
    };
    let (cw, ch) = (part.width() as f32, part.height() as f32);
    let (kx, ky) = (tile.width / cw, tile.height / ch);
    // tiny-skia samples the nearest pixel whenever a pattern is only
    // translated, even by a fraction of a pixel; a scale a millionth off 1
    // keeps the bilinear blend at sub-pixel offsets.
    let phase = tile.x.fract() != 0.0 || tile.y.fract() != 0.0;
    let kx = if phase && kx == 1.0 && ky == 1.0 {
        1.0 + 1.0e-6
    } else {
        kx
    };
    let paint = Paint {
        shader: Pattern::new(
            part.as_ref(),
            SpreadMode::Pad,
            FilterQuality::Bilinear,
            1.0,
            Transform::from_row(kx, 0.0, 0.0, ky, tile.x, tile.y),
        ),
        anti_alias: true,
        ..Paint::default()
    };
    piece.fill_rect(visible, &paint, Transform::identity(), None);
    layer.draw_pixmap(
        0,
        0,
        piece.as_ref(),
        &PixmapPaint {
            blend_mode: BlendMode::Plus,
            ..PixmapPaint::default()
        },
        Transform::identity(),
        None,
    );
}

/// Averages each `k` × `k` block of `large` into one pixel of `small`.
pub(crate) fn downsample(large: &Pixmap, small: &mut Pixmap, k: u32) {
    let (w, stride) = (small.width() as usize, large.width() as usize);
    let k = k as usize;
    let source = large.data();
    for (i, out) in small.data_mut().chunks_exact_mut(4).enumerate() {
        let (x, y) = (i % w, i / w);
        let mut sum = [0u32; 4];
        for row in y * k..(y + 1) * k {
            let start = (row * stride + x * k) * 4;
            for pixel in source[start..start + k * 4].chunks_exact(4) {
                for (s, v) in sum.iter_mut().zip(pixel) {
                    *s += u32::from(*v);
                }
            }
        }
        let n = (k * k) as u32;
        for (o, s) in out.iter_mut().zip(sum) {
            *o = ((s + n / 2) / n) as u8;
        }
    }
}

/// Keeps the alpha, replaces the colour (premultiplied).
pub(crate) fn recolour(pixmap: &mut Pixmap, tint: union_model::values::Rgba) {
    for pixel in pixmap.data_mut().chunks_exact_mut(4) {
        let coverage = f32::from(pixel[3]) / 255.0;
        pixel.copy_from_slice(&crate::paint::premultiplied(tint, coverage));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_keeps_the_aspect_and_aligns() {
        let mid = (0.5, 0.5);
        assert_eq!(fit(16.0, 8.0, 32.0, 32.0, mid, false), (2.0, 0.0, 8.0));
        assert_eq!(
            fit(16.0, 8.0, 32.0, 32.0, (0.0, 1.0), false),
            (2.0, 0.0, 16.0)
        );
        assert_eq!(fit(16.0, 8.0, 32.0, 32.0, mid, true), (4.0, -16.0, 0.0));
        assert_eq!(fit(0.0, 8.0, 32.0, 32.0, mid, false), (1.0, 0.0, 0.0));
    }

    #[test]
    fn preserve_aspect_ratio_is_read_like_svg() {
        // (attribute, stretch, align, slice)
        let cases = [
            (None, false, (0.5, 0.5), false),
            (Some("none"), true, (0.5, 0.5), false),
            (Some("xMinYMax slice"), false, (0.0, 1.0), true),
            (Some("xMaxYMid meet"), false, (1.0, 0.5), false),
            (Some("bogus"), false, (0.5, 0.5), false),
            (Some("xMé€YMax"), false, (0.5, 0.5), false),
        ];
        for (value, stretch, align, slice) in cases {
            assert_eq!(
                Aspect::parse(value),
                Aspect {
                    stretch,
                    align,
                    slice
                },
                "{value:?}"
            );
        }
    }
}

//! Glyphs rasterised with swash and drawn as one coverage mask per laid-out
//! text: each glyph image is made once (per font, size, synthesis and
//! sub-pixel offset), a text's glyphs are combined into one mask for its
//! sub-pixel position, and drawing the text again is one masked blit per
//! row instead of one per glyph row.
//!
//! Where two glyphs' images overlap, the mask holds their union
//! (`a + b − a·b`), which is what drawing one over the other in the same
//! colour gives.

use crate::blend::scale;
use parley::{Layout, PositionedLayoutItem};
use rustc_hash::FxHashMap;
use std::sync::Arc;
use swash::scale::{Render, ScaleContext, Source, StrikeWith, image::Content};
use swash::zeno::{Format, Vector};
use tiny_skia::Pixmap;
use union_model::values::Rgba;

/// Most glyph images remembered; when full, the cache starts over.
const MAX_GLYPHS: usize = 4096;

/// Most text masks remembered; when full, the cache starts over.
const MAX_MASKS: usize = 1024;

/// What a glyph image depends on: font, glyph, size, synthesis and the
/// sub-pixel offset.
type GlyphKey = (u64, u32, u16, [u32; 4], bool);

/// A text mask is found by its layout's address (the mask keeps the layout
/// alive, so the address stays its own) and sub-pixel offset.
type MaskKey = (usize, u32, u32);

/// A glyph's coverage and where it goes relative to its pen position.
struct GlyphImage {
    left: i32,
    top: i32,
    width: u32,
    coverage: Vec<u8>,
}

/// A whole text's coverage, placed relative to its whole-pixel origin.
struct TextMask {
    /// The layout the mask was made from, kept so that its address is not
    /// reused while the mask is cached.
    _layout: Arc<Layout<()>>,
    left: i32,
    top: i32,
    width: usize,
    coverage: Vec<u8>,
}

/// Glyph images and text masks, with the scaler that makes them.
#[derive(Default)]
pub(crate) struct Glyphs {
    scaler: ScaleContext,
    images: FxHashMap<GlyphKey, Option<GlyphImage>>,
    masks: FxHashMap<MaskKey, TextMask>,
}

impl Glyphs {
    /// Draws `layout` with its top-left at (`x`, `y`) device pixels in
    /// `color`.
    pub(crate) fn draw(
        &mut self,
        pixmap: &mut Pixmap,
        layout: &Arc<Layout<()>>,
        x: f32,
        y: f32,
        color: Rgba,
    ) {
        let (ox, oy) = (x.floor(), y.floor());
        let (fx, fy) = (x - ox, y - oy);
        let key = (Arc::as_ptr(layout).addr(), fx.to_bits(), fy.to_bits());
        if !self.masks.contains_key(&key) {
            let mask = self.compose(layout, fx, fy);
            if self.masks.len() >= MAX_MASKS {
                self.masks.clear();
            }
            self.masks.insert(key, mask);
        }
        if let Some(mask) = self.masks.get(&key) {
            mask.draw(pixmap, ox as i32, oy as i32, color);
        }
    }

    /// The mask of `layout` with its origin at (`fx`, `fy`) (each in 0..1).
    fn compose(&mut self, layout: &Arc<Layout<()>>, fx: f32, fy: f32) -> TextMask {
        // Each glyph image and where its top-left goes.
        let mut placed: Vec<(GlyphKey, i32, i32)> = Vec::new();
        for line in layout.lines() {
            for item in line.items() {
                let PositionedLayoutItem::GlyphRun(glyphs) = item else {
                    continue;
                };
                let run = glyphs.run();
                let font = run.font();
                let synthesis = run.synthesis();
                let size = run.font_size();
                let skew = synthesis.skew();
                // Built on the run's first glyph that is not cached yet.
                let mut scaler = None;
                for glyph in glyphs.positioned_glyphs() {
                    let gx = fx + glyph.x;
                    let gy = fy + glyph.y;
                    let Ok(id) = u16::try_from(glyph.id) else {
                        continue;
                    };
                    let key = (
                        font.data.id(),
                        font.index,
                        id,
                        [
                            size.to_bits(),
                            skew.unwrap_or(0.0).to_bits(),
                            gx.fract().to_bits(),
                            gy.fract().to_bits(),
                        ],
                        synthesis.embolden(),
                    );
                    if !self.images.contains_key(&key) {
                        if scaler.is_none() {
                            let Some(font_ref) =
                                swash::FontRef::from_index(font.data.as_ref(), font.index as usize)
                            else {
                                continue;
                            };
                            scaler = Some(
                                self.scaler
                                    .builder(font_ref)
                                    .size(size)
                                    .hint(false)
                                    .normalized_coords(
                                        run.normalized_coords().iter().map(|c| c.to_bits()),
                                    )
                                    .build(),
                            );
                        }
                        let Some(scaler) = scaler.as_mut() else {
                            continue;
                        };
                        let mut render = Render::new(&[
                            Source::ColorOutline(0),
                            Source::ColorBitmap(StrikeWith::BestFit),
                            Source::Outline,
                        ]);
                        render
                            .format(Format::Alpha)
                            .offset(Vector::new(gx.fract(), gy.fract()));
                        if synthesis.embolden() {
                            render.embolden(size / 24.0);
                        }
                        if let Some(angle) = skew {
                            render.transform(Some(swash::zeno::Transform::skew(
                                swash::zeno::Angle::from_degrees(angle),
                                swash::zeno::Angle::ZERO,
                            )));
                        }
                        let image = render
                            .render(scaler, id)
                            .filter(|i| {
                                i.placement.width > 0
                                    && i.placement.height > 0
                                    && i.content == Content::Mask
                            })
                            .map(|i| GlyphImage {
                                left: i.placement.left,
                                top: i.placement.top,
                                width: i.placement.width,
                                coverage: i.data,
                            });
                        if self.images.len() >= MAX_GLYPHS {
                            self.images.clear();
                        }
                        self.images.insert(key, image);
                    }
                    if let Some(Some(image)) = self.images.get(&key) {
                        let left = gx.floor() as i32 + image.left;
                        let top = gy.floor() as i32 - image.top;
                        placed.push((key, left, top));
                    }
                }
            }
        }
        self.combine(layout, &placed)
    }

    /// One mask holding every placed glyph image.
    fn combine(&self, layout: &Arc<Layout<()>>, placed: &[(GlyphKey, i32, i32)]) -> TextMask {
        let images: Vec<(&GlyphImage, i32, i32)> = placed
            .iter()
            .filter_map(|(key, left, top)| Some((self.images.get(key)?.as_ref()?, *left, *top)))
            .collect();
        let height = |image: &GlyphImage| (image.coverage.len() / image.width as usize) as i32;
        let left = images.iter().map(|(_, l, _)| *l).min().unwrap_or(0);
        let top = images.iter().map(|(_, _, t)| *t).min().unwrap_or(0);
        let right = images
            .iter()
            .map(|(i, l, _)| l + i.width as i32)
            .max()
            .unwrap_or(left);
        let bottom = images
            .iter()
            .map(|(i, _, t)| t + height(i))
            .max()
            .unwrap_or(top);
        let width = (right - left) as usize;
        let mut coverage = vec![0u8; width * (bottom - top) as usize];
        for (image, l, t) in images {
            let columns = image.width as usize;
            for (row, source) in image.coverage.chunks_exact(columns).enumerate() {
                let at = (t - top) as usize + row;
                let start = at * width + (l - left) as usize;
                for (d, s) in coverage[start..start + columns].iter_mut().zip(source) {
                    // The union of two coverages: s + d − s·d.
                    *d = s.saturating_add(*d - scale(*d, *s));
                }
            }
        }
        TextMask {
            _layout: Arc::clone(layout),
            left,
            top,
            width,
            coverage,
        }
    }
}

impl TextMask {
    /// Draws `color` through the mask with the text's origin at whole pixel
    /// (`x`, `y`): source-over in premultiplied RGBA, clipped to `pixmap`.
    fn draw(&self, pixmap: &mut Pixmap, x: i32, y: i32, color: Rgba) {
        if self.width == 0 {
            return;
        }
        let (pw, ph) = (pixmap.width() as i32, pixmap.height() as i32);
        let (left, top) = (x + self.left, y + self.top);
        let (x0, x1) = (left.max(0), (left + self.width as i32).min(pw));
        if x0 >= x1 {
            return;
        }
        let full = crate::paint::premultiplied(color, 1.0);
        let data = pixmap.data_mut();
        let columns = (x0 - left) as usize..(x1 - left) as usize;
        for (row, coverage) in self.coverage.chunks_exact(self.width).enumerate() {
            let y = top + row as i32;
            if (0..ph).contains(&y) {
                // In usize: a tall, wide pixmap overflows i32 offsets.
                let at = (y as usize * pw as usize + x0 as usize) * 4;
                let pixels = &mut data[at..at + (x1 - x0) as usize * 4];
                crate::blit::masked(pixels, full, &coverage[columns.clone()]);
            }
        }
    }
}

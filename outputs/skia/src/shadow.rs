//! Box shadows: the shape's alpha blurred as a gaussian (σ = blur / 2),
//! clipped outside the border box (outer shadows) or inside the padding box
//! (inset shadows), in the shadow's colour.
//!
//! Each shadow is worked out only over the pixels it can reach: the shape's
//! bounds grown by the blur's reach, so a small shadow in a large pixmap
//! costs what the shadow covers, not the pixmap.

use crate::blur;
use crate::geometry::{Radii, Rect, rounded_rect};
use crate::paint::premultiplied;
use tiny_skia::{FillRule, Mask, Path, Pixmap, Transform};
use union_model::values::{Color, LengthContext, Rgba, Shadow};

/// Most shadows remembered; when full, the cache starts over.
const MAX_CACHED: usize = 256;

/// Numbers in a shadow's key: the blur, the drawn area's size and the
/// colour (7), then the shape and the clip (12 each).
const KEY_NUMBERS: usize = 7 + 2 * 12;

/// What a shadow's pixels depend on: inset, then the blur, the drawn area's
/// size, the colour, and the shape and clip relative to the drawn area
/// (floats by their bits).
type Key = (bool, [u32; KEY_NUMBERS]);

/// Shadows drawn before, by what their pixels depend on: a control redrawn
/// at the same size reuses its blurred shadow, as browsers do.
#[derive(Default)]
pub(crate) struct Cache {
    layers: rustc_hash::FxHashMap<Key, Layer>,
}

/// Clear pixels between two inked stretches of a row that are still
/// drawn as one stretch (testing them costs less than a second stretch).
const GAP: usize = 16;

/// A drawn shadow and where its pixels are not clear: an outer shadow is
/// a ring around the box, clear over the box itself.
struct Layer {
    pixmap: Pixmap,
    /// Row, first and end pixel of each stretch with ink.
    inked: Vec<(u32, u32, u32)>,
}

impl Layer {
    fn new(pixmap: Pixmap) -> Layer {
        let width = pixmap.width() as usize;
        let mut inked = Vec::new();
        for (y, row) in pixmap.data().chunks_exact(width * 4).enumerate() {
            let mut open: Option<(usize, usize)> = None;
            for (x, pixel) in row.chunks_exact(4).enumerate() {
                if pixel[3] == 0 {
                    continue;
                }
                open = match open {
                    Some((start, end)) if x - end <= GAP => Some((start, x + 1)),
                    Some((start, end)) => {
                        inked.push((y as u32, start as u32, end as u32));
                        Some((x, x + 1))
                    }
                    None => Some((x, x + 1)),
                };
            }
            if let Some((start, end)) = open {
                inked.push((y as u32, start as u32, end as u32));
            }
        }
        Layer { pixmap, inked }
    }

    /// Draws the inked stretches over `target` with the layer's top-left
    /// at (`left`, `top`), which puts it wholly inside `target`.
    fn draw(&self, target: &mut Pixmap, left: usize, top: usize) {
        let (target_width, width) = (target.width() as usize, self.pixmap.width() as usize);
        let (data, source) = (target.data_mut(), self.pixmap.data());
        for &(y, x0, x1) in &self.inked {
            let (y, x0, x1) = (y as usize, x0 as usize, x1 as usize);
            let at = ((top + y) * target_width + left) * 4;
            let from = y * width * 4;
            if let (Some(row), Some(ink)) = (
                data.get_mut(at + x0 * 4..at + x1 * 4),
                source.get(from + x0 * 4..from + x1 * 4),
            ) {
                crate::blend::over_row(row, ink, 255);
            }
        }
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("shadows", &self.layers.len())
            .finish()
    }
}

/// A box and its radii relative to `origin`, as twelve numbers.
fn bits(b: Rect, r: &Radii, origin: (i32, i32)) -> [u32; 12] {
    let mut out = [0; 12];
    out[..4].copy_from_slice(&[
        (b.x - origin.0 as f32).to_bits(),
        (b.y - origin.1 as f32).to_bits(),
        b.width.to_bits(),
        b.height.to_bits(),
    ]);
    for (slot, (x, y)) in out[4..].chunks_exact_mut(2).zip(r.0) {
        slot.copy_from_slice(&[x.to_bits(), y.to_bits()]);
    }
    out
}

/// The box a shadow belongs to, in device pixels.
pub(crate) struct BoxShape {
    pub border_box: Rect,
    pub radii: Radii,
    pub padding_box: Rect,
    pub inner_radii: Radii,
}

/// Largest shadow offset, spread or blur σ honoured, device px: beyond it
/// a shadow cannot show more than it does at this size.
const MAX_SHADOW_EXTENT: f32 = 1.0e5;

/// Most pixels a shadow's blur works over (16 MiB of alpha): around a
/// small canvas, a blur σ of about 300 device px.
const MAX_BLUR_PIXELS: f32 = (1 << 22) as f32;

fn finite_clamped(v: f32, limit: f32) -> f32 {
    if v.is_finite() {
        v.clamp(-limit, limit)
    } else {
        0.0
    }
}

/// `sigma`, lowered when its blur would work over more than
/// [`MAX_BLUR_PIXELS`] around a `canvas` of device pixels: a blur needs no
/// more than about 3σ beyond what shows, and the visible part of such a
/// shadow is nearly flat.
fn bounded_sigma(sigma: f32, (w, h): (f32, f32)) -> f32 {
    // (w + 2r)(h + 2r) <= max, with r ≈ 3σ.
    let r = ((w + h) * (w + h) + 4.0 * (MAX_BLUR_PIXELS - w * h))
        .max(0.0)
        .sqrt()
        / 4.0
        - (w + h) / 4.0;
    sigma.min((r / 3.0).max(0.0))
}

/// Whole-pixel rectangle: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Area {
    x: i32,
    y: i32,
    w: u32,
    h: u32,
}

impl Area {
    fn around(b: Rect, grow: f32) -> Area {
        let x0 = (b.x - grow).floor();
        let y0 = (b.y - grow).floor();
        let x1 = (b.x + b.width + grow).ceil();
        let y1 = (b.y + b.height + grow).ceil();
        Area {
            x: x0 as i32,
            y: y0 as i32,
            w: (x1 - x0).max(0.0) as u32,
            h: (y1 - y0).max(0.0) as u32,
        }
    }

    fn intersect(self, other: Area) -> Option<Area> {
        let x0 = self.x.max(other.x);
        let y0 = self.y.max(other.y);
        let x1 = (self.x + self.w as i32).min(other.x + other.w as i32);
        let y1 = (self.y + self.h as i32).min(other.y + other.h as i32);
        (x1 > x0 && y1 > y0).then(|| Area {
            x: x0,
            y: y0,
            w: (x1 - x0) as u32,
            h: (y1 - y0) as u32,
        })
    }

    /// `path` rasterised as coverage over this area.
    fn coverage(&self, path: Option<&Path>) -> Option<Mask> {
        let mut mask = Mask::new(self.w, self.h)?;
        if let Some(path) = path {
            mask.fill_path(
                path,
                FillRule::Winding,
                true,
                Transform::from_translate(-self.x as f32, -self.y as f32),
            );
        }
        Some(mask)
    }
}

/// Paints the outer (`inset == false`) or inset shadows of `list` around
/// `shape`, the last first (the first shadow is on top).
pub(crate) fn paint(
    pixmap: &mut Pixmap,
    cache: &mut Cache,
    list: &[Shadow],
    inset: bool,
    shape: &BoxShape,
    scale: f32,
    color_of: &dyn Fn(&Color) -> Rgba,
) {
    let context = LengthContext {
        font_size: 16.0,
        root_font_size: 16.0,
    };
    for shadow in list.iter().rev().filter(|s| s.inset == inset) {
        let (dx, dy) = (
            shadow.x.to_px(&context) * scale,
            shadow.y.to_px(&context) * scale,
        );
        let spread = finite_clamped(shadow.spread.to_px(&context) * scale, MAX_SHADOW_EXTENT);
        let (dx, dy) = (
            finite_clamped(dx, MAX_SHADOW_EXTENT),
            finite_clamped(dy, MAX_SHADOW_EXTENT),
        );
        let sigma = finite_clamped(
            shadow.blur.to_px(&context).max(0.0) * scale / 2.0,
            MAX_SHADOW_EXTENT,
        );
        let (body, body_radii, clip, clip_radii) = if inset {
            (
                shape
                    .padding_box
                    .outset(-spread, -spread, -spread, -spread)
                    .offset(dx, dy),
                shape.inner_radii.outer(-spread),
                shape.padding_box,
                shape.inner_radii,
            )
        } else {
            (
                shape
                    .border_box
                    .outset(spread, spread, spread, spread)
                    .offset(dx, dy),
                shape.radii.outer(spread),
                shape.border_box,
                shape.radii,
            )
        };
        // Where the shadow may show: around the shape for outer shadows,
        // inside the padding box for inset ones; the blur works over that
        // plus its reach, so nothing outside changes the pixels drawn.
        let shows = if inset { clip } else { body };
        let color = color_of(&shadow.color);
        // A blur so wide that the shape's ink spreads below half a colour
        // level everywhere shows nothing: skip it (its work area would be
        // enormous).
        if !inset && sigma > 0.0 {
            let area = body.width.max(0.0) * body.height.max(0.0);
            let peak = (area / (std::f32::consts::TAU * sigma * sigma)).min(1.0);
            if peak * color.a * 255.0 < 0.5 {
                continue;
            }
        }
        let canvas = (pixmap.width() as f32, pixmap.height() as f32);
        let sigma = bounded_sigma(sigma, canvas);
        let reach = blur::reach(sigma) as f32 + 1.0;
        let Some(visible) = Area::around(shows, reach).intersect(Area {
            x: 0,
            y: 0,
            w: pixmap.width(),
            h: pixmap.height(),
        }) else {
            continue;
        };
        let mut numbers = [0; KEY_NUMBERS];
        numbers[..7].copy_from_slice(&[
            sigma.to_bits(),
            visible.w,
            visible.h,
            color.r.to_bits(),
            color.g.to_bits(),
            color.b.to_bits(),
            color.a.to_bits(),
        ]);
        numbers[7..19].copy_from_slice(&bits(body, &body_radii, (visible.x, visible.y)));
        numbers[19..].copy_from_slice(&bits(clip, &clip_radii, (visible.x, visible.y)));
        let key = (inset, numbers);
        if !cache.layers.contains_key(&key) {
            let Some(layer) = draw_layer(
                visible,
                reach,
                (body, body_radii),
                (clip, clip_radii),
                inset,
                sigma,
                color,
            ) else {
                continue;
            };
            if cache.layers.len() >= MAX_CACHED {
                cache.layers.clear();
            }
            cache.layers.insert(key, Layer::new(layer));
        }
        if let Some(layer) = cache.layers.get(&key) {
            // `visible` lies within the pixmap.
            layer.draw(pixmap, visible.x.max(0) as usize, visible.y.max(0) as usize);
        }
    }
}

/// The shadow's pixels over `visible`: the `body` shape's alpha (inverted
/// for inset shadows) blurred with `sigma` over `visible` plus `reach`,
/// kept inside (inset) or outside (outer) `clip`, in `color`.
fn draw_layer(
    visible: Area,
    reach: f32,
    (body, body_radii): (Rect, Radii),
    (clip, clip_radii): (Rect, Radii),
    inset: bool,
    sigma: f32,
    color: Rgba,
) -> Option<Pixmap> {
    let work = Area::around(
        Rect {
            x: visible.x as f32,
            y: visible.y as f32,
            width: visible.w as f32,
            height: visible.h as f32,
        },
        reach,
    );
    let shape_mask = work.coverage(rounded_rect(body, body_radii).as_ref())?;
    let mut alpha: Vec<f32> = shape_mask
        .data()
        .iter()
        .map(|a| {
            let a = f32::from(*a) / 255.0;
            // An inset shadow is everything outside the hole.
            if inset { 1.0 - a } else { a }
        })
        .collect();
    blur::gaussian(&mut alpha, work.w as usize, work.h as usize, sigma);
    let clip_mask = visible.coverage(rounded_rect(clip, clip_radii).as_ref())?;
    let mut layer = Pixmap::new(visible.w, visible.h)?;
    let (ox, oy) = ((visible.x - work.x) as usize, (visible.y - work.y) as usize);
    let work_w = work.w as usize;
    for (i, (pixel, clip)) in layer
        .data_mut()
        .chunks_exact_mut(4)
        .zip(clip_mask.data())
        .enumerate()
    {
        let (x, y) = (i % visible.w as usize, i / visible.w as usize);
        let a = alpha[(y + oy) * work_w + x + ox];
        let c = f32::from(*clip) / 255.0;
        // Outer shadows are never drawn under the box itself.
        let c = if inset { c } else { 1.0 - c };
        pixel.copy_from_slice(&premultiplied(color, a * c));
    }
    Some(layer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layer_draws_its_inked_stretches_as_placing_it_whole_would() {
        // 40 × 3: row 0 inked in two stretches far apart, row 1 in two
        // close enough to draw as one, row 2 clear.
        let mut pixmap = Pixmap::new(40, 3).unwrap_or_else(|| panic!("pixmap"));
        for (x, y) in [(0, 0), (1, 0), (30, 0), (39, 0), (5, 1), (5 + GAP + 1, 1)] {
            let at = (y * 40 + x) * 4;
            pixmap.data_mut()[at..at + 4].copy_from_slice(&[10, 20, 30, 128]);
        }
        let layer = Layer::new(pixmap.clone());
        assert_eq!(
            layer.inked,
            vec![(0, 0, 2), (0, 30, 40), (1, 5, 5 + GAP as u32 + 2)]
        );
        let mut target = Pixmap::new(50, 6).unwrap_or_else(|| panic!("pixmap"));
        target.fill(tiny_skia::Color::from_rgba8(200, 100, 50, 255));
        let mut whole = target.clone();
        crate::blend::over_at(&mut whole, 7, 2, pixmap.as_ref());
        layer.draw(&mut target, 7, 2);
        assert_eq!(target.data(), whole.data());
    }
}

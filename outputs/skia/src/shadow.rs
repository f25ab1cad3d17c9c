//! Box shadows: the shape's alpha blurred as a gaussian (σ = blur / 2),
//! clipped outside the border box (outer shadows) or inside the padding box
//! (inset shadows), in the shadow's colour.
//!
//! Each shadow is worked out only over the pixels it can reach: the shape's
//! bounds grown by the blur's reach, so a small shadow in a large pixmap
//! costs what the shadow covers, not the pixmap.

use crate::blur;
use crate::geometry::{Box2, Radii, rounded_rect};
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
    layers: rustc_hash::FxHashMap<Key, Pixmap>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("shadows", &self.layers.len())
            .finish()
    }
}

/// A box and its radii relative to `origin`, as twelve numbers.
fn bits(b: Box2, r: &Radii, origin: (i32, i32)) -> [u32; 12] {
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
    pub border_box: Box2,
    pub radii: Radii,
    pub padding_box: Box2,
    pub inner_radii: Radii,
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
    fn around(b: Box2, grow: f32) -> Area {
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
        let spread = shadow.spread.to_px(&context) * scale;
        let sigma = shadow.blur.to_px(&context).max(0.0) * scale / 2.0;
        let reach = blur::reach(sigma) as f32 + 1.0;
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
        let Some(visible) = Area::around(shows, reach).intersect(Area {
            x: 0,
            y: 0,
            w: pixmap.width(),
            h: pixmap.height(),
        }) else {
            continue;
        };
        let color = color_of(&shadow.color);
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
            cache.layers.insert(key, layer);
        }
        if let Some(layer) = cache.layers.get(&key) {
            union_ksvg::blend::over_at(pixmap, visible.x, visible.y, layer.as_ref());
        }
    }
}

/// The shadow's pixels over `visible`: the `body` shape's alpha (inverted
/// for inset shadows) blurred with `sigma` over `visible` plus `reach`,
/// kept inside (inset) or outside (outer) `clip`, in `color`.
fn draw_layer(
    visible: Area,
    reach: f32,
    (body, body_radii): (Box2, Radii),
    (clip, clip_radii): (Box2, Radii),
    inset: bool,
    sigma: f32,
    color: Rgba,
) -> Option<Pixmap> {
    let work = Area::around(
        Box2 {
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

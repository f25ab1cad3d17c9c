//! Exact-area antialiasing for the two shapes most boxes are made of: a
//! rounded rectangle (a background) and the ring between two nested rounded
//! rectangles (a border or an outline of one colour), filled with one solid
//! colour.
//!
//! tiny-skia fills any path by supersampling it four times in each
//! direction; for these shapes the covered area of each pixel can be
//! computed directly, row by row. A row is a constant *core* (whole pixels
//! inside the shape, covered by the row's vertical overlap with it) between
//! two narrow *edges*, whose pixels are integrated over four sub-rows where
//! a corner's arc crosses the row and over the exact horizontal overlap;
//! whole rows of the straight part are computed once per shape. The
//! core is written as a run (a plain copy for an opaque colour), so a box
//! costs about what filling its rectangle costs.
//!
//! Corners are true quarter ellipses; the path tiny-skia would fill uses
//! cubic Béziers, which differ from them by under 0.03 % of the radius.
//! Shapes with dashes, per-side colours, gradients or images are filled by
//! tiny-skia as before.

use crate::geometry::{Box2, Radii};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use tiny_skia::Pixmap;
use union_ksvg::blend::{over_bytes, scale};

/// Sub-rows integrated in a row crossed by a corner's arc. Horizontal
/// coverage is exact, so four sub-rows already match Chromium's analytic
/// edges as closely as sixteen do (`tests/render`'s browser comparison).
const SUBROWS: u32 = 4;

/// A rounded rectangle in device pixels, radii clamped like CSS.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RoundedBox {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
    /// Top-left, top-right, bottom-right, bottom-left; `(0, 0)` for a
    /// square corner.
    radii: [(f32, f32); 4],
}

impl RoundedBox {
    /// The rounded rectangle, or `None` when it is empty or not finite.
    pub(crate) fn new(rect: Box2, radii: Radii) -> Option<RoundedBox> {
        let finite = [rect.x, rect.y, rect.width, rect.height]
            .iter()
            .chain(radii.0.iter().flat_map(|(x, y)| [x, y]))
            .all(|v| v.is_finite());
        if !finite || rect.width <= 0.0 || rect.height <= 0.0 {
            return None;
        }
        let radii = radii.clamped(rect).0.map(|(x, y)| {
            if x > 0.0 && y > 0.0 {
                (x, y)
            } else {
                (0.0, 0.0)
            }
        });
        Some(RoundedBox {
            left: rect.x,
            top: rect.y,
            right: rect.x + rect.width,
            bottom: rect.y + rect.height,
            radii,
        })
    }

    /// The rounded rectangle when it lies within `pixmap` (to a pixel), so
    /// that its rows are bounded by the pixmap's; `None` otherwise (tiny-skia
    /// clips larger shapes) or when it is empty.
    pub(crate) fn within(rect: Box2, radii: Radii, pixmap: &Pixmap) -> Option<RoundedBox> {
        let shape = RoundedBox::new(rect, radii)?;
        let (w, h) = (pixmap.width() as f32, pixmap.height() as f32);
        (shape.left >= -1.0
            && shape.top >= -1.0
            && shape.right <= w + 1.0
            && shape.bottom <= h + 1.0)
            .then_some(shape)
    }

    /// Whether an arc of a corner lies somewhere in `y0..y1`.
    fn arcs_within(&self, y0: f32, y1: f32) -> bool {
        let [tl, tr, br, bl] = self.radii;
        let top_arcs = self.top + tl.1.max(tr.1);
        let bottom_arcs = self.bottom - br.1.max(bl.1);
        y0 < top_arcs || y1 > bottom_arcs
    }

    /// The shape's left and right edges at height `y` (inside the box).
    fn extent(&self, y: f32) -> (f32, f32) {
        let [tl, tr, br, bl] = self.radii;
        // How far a corner's arc is inset from the side at `y`, for a corner
        // whose arc spans `dy` (0 at the straight side, 1 at the far end).
        let inset = |(rx, ry): (f32, f32), from_side: f32| {
            if ry <= 0.0 || from_side >= ry {
                return 0.0;
            }
            let d = (ry - from_side.max(0.0)) / ry;
            rx * (1.0 - (1.0 - d * d).max(0.0).sqrt())
        };
        let from_top = y - self.top;
        let from_bottom = self.bottom - y;
        let left = self.left + inset(tl, from_top).max(inset(bl, from_bottom));
        let right = self.right - inset(tr, from_top).max(inset(br, from_bottom));
        (left, right.max(left))
    }
}

/// One pixel row of a shape's coverage: `left` per-pixel values from
/// `edge_start`, then `core` over `core_start..core_end`, then `right`
/// per-pixel values up to `edge_end`; zero elsewhere.
#[derive(Debug, Default)]
struct Row {
    edge_start: i32,
    core_start: i32,
    core_end: i32,
    edge_end: i32,
    core: f32,
    left: Vec<f32>,
    right: Vec<f32>,
    /// (left, right, weight) per sub-row.
    samples: Vec<(f32, f32, f32)>,
    /// Whether the row holds a whole row of the straight part, which every
    /// other such row of the shape equals.
    whole_straight: bool,
}

impl Row {
    /// Fills the row `y` of `shape`; false when the shape misses it.
    fn compute(&mut self, shape: &RoundedBox, y: i32) -> bool {
        let (row_top, row_bottom) = (y as f32, y as f32 + 1.0);
        let (a, b) = (row_top.max(shape.top), row_bottom.min(shape.bottom));
        if a >= b {
            return false;
        }
        let arcs = shape.arcs_within(a, b);
        let whole_straight = !arcs && a == row_top && b == row_bottom;
        if whole_straight && self.whole_straight {
            return true;
        }
        self.whole_straight = whole_straight;
        self.samples.clear();
        if arcs {
            let step = 1.0 / SUBROWS as f32;
            for k in 0..SUBROWS {
                let s0 = (row_top + k as f32 * step).max(a);
                let s1 = (row_top + (k + 1) as f32 * step).min(b);
                if s1 > s0 {
                    let (l, r) = shape.extent((s0 + s1) * 0.5);
                    self.samples.push((l, r, s1 - s0));
                }
            }
        } else {
            let (l, r) = shape.extent((a + b) * 0.5);
            self.samples.push((l, r, b - a));
        }
        let (mut min_l, mut max_l) = (f32::MAX, f32::MIN);
        let (mut min_r, mut max_r) = (f32::MAX, f32::MIN);
        self.core = 0.0;
        for &(l, r, w) in &self.samples {
            min_l = min_l.min(l);
            max_l = max_l.max(l);
            min_r = min_r.min(r);
            max_r = max_r.max(r);
            self.core += w;
        }
        self.edge_start = floor(min_l);
        self.edge_end = ceil(max_r);
        self.core_start = ceil(max_l);
        self.core_end = floor(min_r);
        if self.core_start >= self.core_end {
            self.core_start = self.edge_end;
            self.core_end = self.edge_end;
        }
        let (samples, left, right) = (&self.samples, &mut self.left, &mut self.right);
        integrate(samples, self.edge_start, self.core_start, left);
        integrate(samples, self.core_end, self.edge_end, right);
        true
    }

    /// Coverage of pixel `x`.
    fn at(&self, x: i32) -> f32 {
        if x < self.edge_start || x >= self.edge_end {
            0.0
        } else if x < self.core_start {
            self.left[(x - self.edge_start) as usize]
        } else if x < self.core_end {
            self.core
        } else {
            self.right[(x - self.core_end) as usize]
        }
    }

    /// Whether the coverage is one value over `x0..x1`, and which.
    fn constant(&self, x0: i32, x1: i32) -> Option<f32> {
        if x1 <= self.edge_start || x0 >= self.edge_end {
            Some(0.0)
        } else if x0 >= self.core_start && x1 <= self.core_end {
            Some(self.core)
        } else {
            None
        }
    }

    fn breaks(&self) -> [i32; 4] {
        [
            self.edge_start,
            self.core_start,
            self.core_end,
            self.edge_end,
        ]
    }
}

/// Covered area of each pixel in `x0..x1` by the sub-row spans: each span
/// adds its partly covered end pixels directly and its whole pixels as a
/// running sum, so the cost is one step per span plus one per pixel.
fn integrate(samples: &[(f32, f32, f32)], x0: i32, x1: i32, out: &mut Vec<f32>) {
    out.clear();
    if x1 <= x0 {
        return;
    }
    let n = (x1 - x0) as usize;
    // out[..n]: direct areas; out[n..]: changes of the running sum.
    out.resize(2 * n + 1, 0.0);
    let (direct, running) = out.split_at_mut(n);
    for &(l, r, w) in samples {
        if r <= l {
            continue;
        }
        let (first, last) = (floor(l), floor(r));
        let (fl, fr) = (first as f32, last as f32);
        let (first, last) = (first - x0, last - x0);
        if first == last {
            if (0..n as i32).contains(&first) {
                direct[first as usize] += (r - l) * w;
            }
            continue;
        }
        // Whole pixels from `full_from` up to (not including) `last`.
        let full_from = if first >= 0 {
            if (first as usize) < n {
                direct[first as usize] += (fl + 1.0 - l) * w;
            }
            first + 1
        } else {
            0
        };
        let full_to = last.min(n as i32);
        if full_from < full_to {
            running[full_from as usize] += w;
            running[full_to as usize] -= w;
        }
        if (0..n as i32).contains(&last) {
            direct[last as usize] += (r - fr) * w;
        }
    }
    let mut sum = 0.0;
    for (d, change) in direct.iter_mut().zip(running.iter()) {
        sum += change;
        *d += sum;
    }
    out.truncate(n);
}

/// Fills `outer` minus `inner` (when given, and nested in `outer`) with
/// `color`, source-over, antialiased by exact area.
pub(crate) fn fill(
    pixmap: &mut Pixmap,
    outer: &RoundedBox,
    inner: Option<&RoundedBox>,
    color: [u8; 4],
) {
    if color[3] == 0 {
        return;
    }
    let (width, height) = (pixmap.width() as i32, pixmap.height() as i32);
    let (outer, ox, oy) = Profile::of(outer);
    let inner = inner.map(Profile::of);
    let paint = Solid::new(color);
    let pixels = pixmap.data_mut();
    let stride = width as usize * 4;
    let first = oy.max(0);
    let last = (oy + outer.rows.len() as i32).min(height);
    for y in first..last {
        let Some(o) = outer.row(y - oy) else {
            continue;
        };
        let i = inner
            .as_ref()
            .and_then(|(profile, _, iy)| profile.row(y - iy));
        let ix = inner.as_ref().map_or(0, |(_, ix, _)| *ix);
        let mut breaks = [0; 8];
        breaks[..4].copy_from_slice(&o.breaks().map(|b| b + ox));
        let count = match i {
            Some(i) => {
                breaks[4..].copy_from_slice(&i.breaks().map(|b| b + ix));
                8
            }
            None => 4,
        };
        let breaks = &mut breaks[..count];
        breaks.iter_mut().for_each(|b| *b = (*b).clamp(0, width));
        breaks.sort_unstable();
        let row = &mut pixels[y as usize * stride..(y as usize + 1) * stride];
        for pair in breaks.windows(2).filter(|pair| pair[0] < pair[1]) {
            let (x0, x1) = (pair[0], pair[1]);
            let span = &mut row[x0 as usize * 4..x1 as usize * 4];
            let inner_constant = match i {
                Some(i) => i.constant(x0 - ix, x1 - ix),
                None => Some(0.0),
            };
            match (o.constant(x0 - ox, x1 - ox), inner_constant) {
                (Some(a), Some(b)) => paint.run(span, a - b),
                _ => {
                    for (x, pixel) in (x0..x1).zip(span.chunks_exact_mut(4)) {
                        let c = o.at(x - ox) - i.map_or(0.0, |i| i.at(x - ix));
                        paint.pixel(pixel, c);
                    }
                }
            }
        }
    }
}

/// Most shape profiles kept per thread; all are dropped when it is full.
const MAX_PROFILES: usize = 512;

thread_local! {
    /// Profiles of the shapes drawn so far: a theme draws few distinct
    /// shapes (a size and a radius per control), so most boxes reuse one.
    static PROFILES: RefCell<HashMap<[u32; 12], Rc<Profile>>> = RefCell::new(HashMap::new());
}

/// The rows of a shape placed with its top-left pixel at (0, 0): rows of
/// the straight part share one entry.
#[derive(Debug)]
struct Profile {
    /// Index into `unique` per pixel row; `None` where the shape misses it.
    rows: Vec<Option<u32>>,
    unique: Vec<Row>,
}

impl Profile {
    /// The profile of `shape` and the whole-pixel offset to draw it at.
    fn of(shape: &RoundedBox) -> (Rc<Profile>, i32, i32) {
        let (dx, dy) = (floor(shape.left), floor(shape.top));
        let placed = RoundedBox {
            left: shape.left - dx as f32,
            top: shape.top - dy as f32,
            right: shape.right - dx as f32,
            bottom: shape.bottom - dy as f32,
            radii: shape.radii,
        };
        let mut key = [0; 12];
        key[..4].copy_from_slice(
            &[placed.left, placed.top, placed.right, placed.bottom].map(f32::to_bits),
        );
        for (slot, (x, y)) in key[4..].chunks_exact_mut(2).zip(placed.radii) {
            slot.copy_from_slice(&[x.to_bits(), y.to_bits()]);
        }
        let profile = PROFILES.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(found) = cache.get(&key) {
                return Rc::clone(found);
            }
            if cache.len() >= MAX_PROFILES {
                cache.clear();
            }
            let made = Rc::new(Profile::compute(&placed));
            cache.insert(key, Rc::clone(&made));
            made
        });
        (profile, dx, dy)
    }

    fn compute(shape: &RoundedBox) -> Profile {
        let mut profile = Profile {
            rows: Vec::new(),
            unique: Vec::new(),
        };
        let mut row = Row::default();
        let mut straight = None;
        for y in 0..ceil(shape.bottom) {
            if !row.compute(shape, y) {
                profile.rows.push(None);
                continue;
            }
            if row.whole_straight && straight.is_some() {
                profile.rows.push(straight);
                continue;
            }
            let index = profile.unique.len() as u32;
            if row.whole_straight {
                straight = Some(index);
            }
            profile.unique.push(Row {
                samples: Vec::new(),
                left: row.left.clone(),
                right: row.right.clone(),
                ..row
            });
            profile.rows.push(Some(index));
        }
        profile
    }

    fn row(&self, y: i32) -> Option<&Row> {
        let index = (*usize::try_from(y).ok().and_then(|y| self.rows.get(y))?)?;
        self.unique.get(index as usize)
    }
}

/// A premultiplied colour and how to draw it over pixels.
struct Solid {
    color: [u8; 4],
}

impl Solid {
    fn new(color: [u8; 4]) -> Solid {
        Solid { color }
    }

    /// 0 to 255 from a coverage of 0 to 1.
    fn alpha(coverage: f32) -> u8 {
        (coverage.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
    }

    /// Covers every pixel of `span` (RGBA bytes) by `coverage`.
    fn run(&self, span: &mut [u8], coverage: f32) {
        match Self::alpha(coverage) {
            0 => {}
            255 if self.color[3] == 255 => {
                for pixel in span.chunks_exact_mut(4) {
                    pixel.copy_from_slice(&self.color);
                }
            }
            alpha => {
                let source = self.scaled(alpha);
                let keep = 255 - source[3];
                for pixel in span.chunks_exact_mut(4) {
                    for (d, s) in pixel.iter_mut().zip(source) {
                        // s + d × keep ≤ 255: both are premultiplied by
                        // complementary alphas.
                        *d = s.saturating_add(scale(*d, keep));
                    }
                }
            }
        }
    }

    fn pixel(&self, pixel: &mut [u8], coverage: f32) {
        let alpha = Self::alpha(coverage);
        if alpha > 0 {
            let source = self.scaled(alpha);
            over_bytes(pixel, &source);
        }
    }

    /// The colour at `alpha` of 255.
    fn scaled(&self, alpha: u8) -> [u8; 4] {
        self.color.map(|c| scale(c, alpha))
    }
}

/// The largest integer not above `v` (`v` is finite and well within `i32`:
/// shapes are bounded by the pixmap), without a libm call.
fn floor(v: f32) -> i32 {
    let t = v as i32;
    if (t as f32) > v { t - 1 } else { t }
}

/// The smallest integer not below `v` (as for [`floor`]).
fn ceil(v: f32) -> i32 {
    let t = v as i32;
    if (t as f32) < v { t + 1 } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::rounded_rect;
    use tiny_skia::{FillRule, Paint, Transform};

    fn exact(rect: Box2, radii: Radii) -> Pixmap {
        let mut pixmap = Pixmap::new(48, 40).unwrap_or_else(|| panic!("pixmap"));
        if let Some(shape) = RoundedBox::new(rect, radii) {
            fill(&mut pixmap, &shape, None, [40, 120, 200, 255]);
        }
        pixmap
    }

    fn supersampled(rect: Box2, radii: Radii) -> Pixmap {
        let mut pixmap = Pixmap::new(48, 40).unwrap_or_else(|| panic!("pixmap"));
        if let Some(path) = rounded_rect(rect, radii) {
            let mut paint = Paint::default();
            paint.set_color_rgba8(40, 120, 200, 255);
            pixmap.fill_path(
                &path,
                &paint,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
        pixmap
    }

    fn max_alpha_difference(a: &Pixmap, b: &Pixmap) -> u8 {
        a.pixels()
            .iter()
            .zip(b.pixels())
            .map(|(p, q)| p.alpha().abs_diff(q.alpha()))
            .max()
            .unwrap_or(0)
    }

    fn total_alpha(p: &Pixmap) -> f32 {
        p.pixels()
            .iter()
            .map(|p| f32::from(p.alpha()) / 255.0)
            .sum()
    }

    #[test]
    fn covered_area_is_the_shapes_area() {
        // (rect, radii, exact area)
        let quarter = |r: f32| r * r * (1.0 - std::f32::consts::PI / 4.0);
        let cases = [
            (
                Box2 {
                    x: 4.0,
                    y: 4.0,
                    width: 30.0,
                    height: 20.0,
                },
                0.0,
                600.0,
            ),
            (
                Box2 {
                    x: 4.5,
                    y: 4.25,
                    width: 30.0,
                    height: 20.0,
                },
                0.0,
                600.0,
            ),
            (
                Box2 {
                    x: 4.3,
                    y: 3.7,
                    width: 30.0,
                    height: 20.0,
                },
                6.0,
                600.0 - 4.0 * quarter(6.0),
            ),
            (
                Box2 {
                    x: 2.0,
                    y: 2.0,
                    width: 36.0,
                    height: 36.0,
                },
                18.0,
                std::f32::consts::PI * 324.0,
            ),
        ];
        for (rect, r, area) in cases {
            let pixmap = exact(rect, Radii([(r, r); 4]));
            let covered = total_alpha(&pixmap);
            assert!(
                (covered - area).abs() < 0.01 * area,
                "{rect:?} r {r}: covered {covered}, area {area}"
            );
        }
    }

    #[test]
    fn agrees_with_tiny_skias_supersampling_on_edges() {
        let cases = [
            (
                Box2 {
                    x: 4.0,
                    y: 4.0,
                    width: 30.0,
                    height: 20.0,
                },
                Radii([(5.0, 5.0); 4]),
            ),
            (
                Box2 {
                    x: 3.5,
                    y: 2.5,
                    width: 40.0,
                    height: 33.0,
                },
                Radii([(12.0, 6.0), (0.0, 0.0), (3.0, 9.0), (20.0, 20.0)]),
            ),
            (
                Box2 {
                    x: 1.25,
                    y: 6.75,
                    width: 44.0,
                    height: 12.0,
                },
                Radii([(100.0, 100.0); 4]),
            ),
        ];
        for (rect, radii) in cases {
            let difference = max_alpha_difference(&exact(rect, radii), &supersampled(rect, radii));
            // 4×4 supersampling is within 1/16 of the exact area per pixel.
            assert!(
                difference <= 24,
                "{rect:?} {radii:?}: differs by {difference}"
            );
        }
    }

    #[test]
    fn a_ring_is_the_outer_shape_minus_the_inner() {
        let outer_rect = Box2 {
            x: 4.0,
            y: 4.0,
            width: 36.0,
            height: 28.0,
        };
        let inner_rect = outer_rect.outset(-2.0, -2.0, -2.0, -2.0);
        let radii = Radii([(8.0, 8.0); 4]);
        let outer = RoundedBox::new(outer_rect, radii).unwrap_or_else(|| panic!("shape"));
        let inner = RoundedBox::new(inner_rect, radii.inner(2.0, 2.0, 2.0, 2.0))
            .unwrap_or_else(|| panic!("shape"));
        let mut ring = Pixmap::new(48, 40).unwrap_or_else(|| panic!("pixmap"));
        fill(&mut ring, &outer, Some(&inner), [0, 0, 0, 255]);
        let whole = total_alpha(&exact(outer_rect, radii));
        let hole = total_alpha(&exact(inner_rect, radii.inner(2.0, 2.0, 2.0, 2.0)));
        let covered = total_alpha(&ring);
        assert!(
            (covered - (whole - hole)).abs() < 1.0,
            "{covered} vs {}",
            whole - hole
        );
        // The middle is untouched; a straight side is fully covered.
        let at = |x: u32, y: u32| ring.pixel(x, y).map_or(0, |p| p.alpha());
        assert_eq!(at(22, 18), 0);
        assert_eq!(at(22, 4), 255);
        assert_eq!(at(5, 18), 255);
    }

    #[test]
    fn translucent_colours_blend_over_what_is_there() {
        let mut pixmap = Pixmap::new(4, 4).unwrap_or_else(|| panic!("pixmap"));
        pixmap.fill(tiny_skia::Color::from_rgba8(0, 0, 255, 255));
        let shape = RoundedBox::new(
            Box2 {
                x: 0.0,
                y: 0.0,
                width: 4.0,
                height: 4.0,
            },
            Radii::default(),
        )
        .unwrap_or_else(|| panic!("shape"));
        fill(&mut pixmap, &shape, None, [128, 0, 0, 128]);
        let p = pixmap.pixel(1, 1).unwrap_or_else(|| panic!("pixel"));
        assert_eq!(
            (p.red(), p.green(), p.blue(), p.alpha()),
            (128, 0, 127, 255)
        );
    }

    #[test]
    fn shapes_outside_the_pixmap_or_degenerate_draw_nothing() {
        for rect in [
            Box2 {
                x: -100.0,
                y: 4.0,
                width: 30.0,
                height: 20.0,
            },
            Box2 {
                x: 4.0,
                y: 400.0,
                width: 30.0,
                height: 20.0,
            },
            Box2 {
                x: 4.0,
                y: 4.0,
                width: 0.0,
                height: 20.0,
            },
            Box2 {
                x: f32::NAN,
                y: 4.0,
                width: 10.0,
                height: 20.0,
            },
        ] {
            assert_eq!(
                total_alpha(&exact(rect, Radii([(4.0, 4.0); 4]))),
                0.0,
                "{rect:?}"
            );
        }
    }

    #[test]
    fn a_shape_draws_the_same_pixels_wherever_it_is_placed_and_whatever_came_before() {
        let radii = Radii([(7.0, 5.0), (2.0, 2.0), (9.0, 9.0), (0.0, 0.0)]);
        let at = |x: f32, y: f32| Box2 {
            x,
            y,
            width: 20.25,
            height: 17.5,
        };
        let forget = || PROFILES.with(|cache| cache.borrow_mut().clear());
        forget();
        let fresh = exact(at(2.25, 1.75), radii);
        // Another shape at the same place first, then this one.
        forget();
        let _ = exact(at(2.25, 1.75), Radii([(3.0, 3.0); 4]));
        assert_eq!(exact(at(2.25, 1.75), radii), fresh);
        // The same shape whole pixels away.
        let moved = exact(at(2.25 + 20.0, 1.75 + 15.0), radii);
        for y in 0..22 {
            for x in 0..24 {
                assert_eq!(
                    fresh.pixel(x, y),
                    moved.pixel(x + 20, y + 15),
                    "pixel ({x}, {y})"
                );
            }
        }
    }

    #[test]
    fn only_shapes_within_the_pixmap_are_drawn_here() {
        let pixmap = Pixmap::new(48, 40).unwrap_or_else(|| panic!("pixmap"));
        let radii = Radii([(4.0, 4.0); 4]);
        let inside = Box2 {
            x: -0.5,
            y: 0.0,
            width: 48.5,
            height: 41.0,
        };
        assert!(RoundedBox::within(inside, radii, &pixmap).is_some());
        // A huge outline: its rows would be unbounded, so tiny-skia clips it.
        let huge = inside.outset(1e6, 1e6, 1e6, 1e6);
        assert!(RoundedBox::within(huge, radii, &pixmap).is_none());
    }
}

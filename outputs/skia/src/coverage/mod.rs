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

use crate::geometry::{Radii, Rect};
use tiny_skia::Pixmap;

mod spans;
pub(crate) use spans::{Onto, fill};

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
    pub(crate) fn new(rect: Rect, radii: Radii) -> Option<RoundedBox> {
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
    pub(crate) fn within(rect: Rect, radii: Radii, pixmap: &Pixmap) -> Option<RoundedBox> {
        let shape = RoundedBox::new(rect, radii)?;
        let (w, h) = (pixmap.width() as f32, pixmap.height() as f32);
        (shape.left >= -1.0
            && shape.top >= -1.0
            && shape.right <= w + 1.0
            && shape.bottom <= h + 1.0)
            .then_some(shape)
    }

    /// The shape moved by whole pixels so that its top-left pixel is at
    /// (0, 0), and the pixel offset that undoes the move.
    fn placed(&self) -> (RoundedBox, i32, i32) {
        let (dx, dy) = (floor(self.left), floor(self.top));
        let placed = RoundedBox {
            left: self.left - dx as f32,
            top: self.top - dy as f32,
            right: self.right - dx as f32,
            bottom: self.bottom - dy as f32,
            radii: self.radii,
        };
        (placed, dx, dy)
    }

    /// The shape's edges and radii as bits: equal bits, equal pixels.
    fn bits(&self) -> [u32; 12] {
        let mut bits = [0; 12];
        bits[..4]
            .copy_from_slice(&[self.left, self.top, self.right, self.bottom].map(f32::to_bits));
        for (slot, (x, y)) in bits[4..].chunks_exact_mut(2).zip(self.radii) {
            slot.copy_from_slice(&[x.to_bits(), y.to_bits()]);
        }
        bits
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

/// The rows of a shape placed with its top-left pixel at (0, 0): rows of
/// the straight part share one entry.
#[derive(Debug)]
struct Profile {
    /// Index into `unique` per pixel row; `None` where the shape misses it.
    rows: Vec<Option<u32>>,
    unique: Vec<Row>,
}

impl Profile {
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

/// 0 to 255 from a coverage of 0 to 1.
fn alpha(coverage: f32) -> u8 {
    (coverage.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
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
mod tests;

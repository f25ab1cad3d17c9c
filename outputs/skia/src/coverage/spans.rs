//! A shape's coverage turned into spans of alpha once, then drawn many
//! times: each pixel row is a short list of segments, either a run at one
//! coverage or a slice of per-pixel coverage bytes. Rows that equal the row
//! above (the straight part of a box) share its segments, and whole shapes
//! are kept per thread, keyed by their geometry relative to the pixel grid,
//! so drawing a known shape is a walk over its rows and the blend itself;
//! rows that share segments are drawn one segment at a time down the rows.
//! Onto pixels known to be clear ([`Onto::Clear`]) the covered colour is
//! stored rather than blended.

use super::{Profile, RoundedBox, Row, alpha};
use crate::blit;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
use tiny_skia::Pixmap;

/// Pixels in one step of the blit module's vector loops.
const SHORT: i32 = 4;

/// Most shapes kept per thread; all are dropped when it is full.
const MAX_SHAPES: usize = 512;

/// Twelve numbers per rounded box (edges and radii, as bits) for the outer
/// shape and the hole, and the hole's whole-pixel offset from the outer.
type Key = [u32; 26];

thread_local! {
    /// Spans of the shapes drawn so far: a theme draws few distinct shapes
    /// (a size and a radius per control), so most boxes reuse one.
    static SHAPES: RefCell<FxHashMap<Key, Rc<Spans>>> = RefCell::new(FxHashMap::default());
}

/// How a segment covers its pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cover {
    /// All at one coverage (0 to 255).
    Run(u8),
    /// Per pixel, from this offset into [`Spans::alphas`].
    Mask(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    x0: i32,
    x1: i32,
    cover: Cover,
}

/// The coverage of a shape placed with its top-left pixel at (0, 0).
#[derive(Debug, Default)]
pub(crate) struct Spans {
    /// Per pixel row: its segments, a range of `segments`.
    rows: Vec<(u32, u32)>,
    segments: Vec<Segment>,
    alphas: Vec<u8>,
}

impl Spans {
    /// The spans of `outer` minus `inner` and the whole-pixel offset to
    /// draw them at.
    fn of(outer: &RoundedBox, inner: Option<&RoundedBox>) -> (Rc<Spans>, i32, i32) {
        let (outer, ox, oy) = outer.placed();
        let inner = inner.map(RoundedBox::placed);
        let mut key = [0; 26];
        key[..12].copy_from_slice(&outer.bits());
        if let Some((inner, ix, iy)) = &inner {
            key[12..24].copy_from_slice(&inner.bits());
            key[24] = (ix - ox).cast_unsigned();
            key[25] = (iy - oy).cast_unsigned();
        }
        let spans = SHAPES.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(found) = cache.get(&key) {
                return Rc::clone(found);
            }
            if cache.len() >= MAX_SHAPES {
                cache.clear();
            }
            let inner = inner.map(|(shape, ix, iy)| (shape, ix - ox, iy - oy));
            let made = Rc::new(Spans::compute(&outer, inner.as_ref()));
            cache.insert(key, Rc::clone(&made));
            made
        });
        (spans, ox, oy)
    }

    /// `outer` (placed at the origin) minus `inner`, placed at the given
    /// whole-pixel offset from it.
    fn compute(outer: &RoundedBox, inner: Option<&(RoundedBox, i32, i32)>) -> Spans {
        let outer_rows = Profile::compute(outer);
        let inner_rows = inner.map(|(shape, dx, dy)| (Profile::compute(shape), *dx, *dy));
        let mut spans = Spans::default();
        let mut row = Vec::new();
        for y in 0..outer_rows.rows.len() as i32 {
            row.clear();
            if let Some(o) = outer_rows.row(y) {
                let i = inner_rows
                    .as_ref()
                    .and_then(|(profile, dx, dy)| Some((profile.row(y - dy)?, *dx)));
                spans.segments_of(o, i, &mut row);
            }
            spans.push_row(&row);
        }
        spans
    }

    /// The segments of one row: the outer row minus the inner one (at its
    /// horizontal offset), split where either changes from constant to
    /// per-pixel coverage; per-pixel coverage goes to `alphas`.
    fn segments_of(&mut self, o: &Row, i: Option<(&Row, i32)>, out: &mut Vec<Segment>) {
        let mut breaks = [0; 8];
        breaks[..4].copy_from_slice(&o.breaks());
        let count = match i {
            Some((i, dx)) => {
                breaks[4..].copy_from_slice(&i.breaks().map(|b| b + dx));
                8
            }
            None => 4,
        };
        let breaks = &mut breaks[..count];
        breaks.sort_unstable();
        let (from, to) = (o.breaks()[0], o.breaks()[3]);
        for pair in breaks.windows(2) {
            let (x0, x1) = (pair[0].max(from), pair[1].min(to));
            if x0 >= x1 {
                continue;
            }
            let inner_constant = match i {
                Some((i, dx)) => i.constant(x0 - dx, x1 - dx),
                None => Some(0.0),
            };
            let cover = match (o.constant(x0, x1), inner_constant) {
                (Some(a), Some(b)) => match alpha(a - b) {
                    0 => continue,
                    alpha => Cover::Run(alpha),
                },
                _ => {
                    let start = self.alphas.len();
                    self.alphas.extend(
                        (x0..x1).map(|x| alpha(o.at(x) - i.map_or(0.0, |(i, dx)| i.at(x - dx)))),
                    );
                    Cover::Mask(start as u32)
                }
            };
            out.push(Segment { x0, x1, cover });
        }
    }

    /// Adds a row, sharing the previous row's segments when it is the same.
    fn push_row(&mut self, row: &[Segment]) {
        if let Some(&(start, end)) = self.rows.last()
            && self.same(&self.segments[start as usize..end as usize], row)
        {
            // The new row's mask bytes (if any) are not needed.
            let used = row.iter().find_map(|s| match s.cover {
                Cover::Mask(at) => Some(at as usize),
                Cover::Run(_) => None,
            });
            if let Some(at) = used {
                self.alphas.truncate(at);
            }
            self.rows.push((start, end));
            return;
        }
        let start = self.segments.len() as u32;
        self.segments.extend_from_slice(row);
        self.rows.push((start, self.segments.len() as u32));
    }

    /// Whether two rows cover the same pixels by the same amounts.
    fn same(&self, a: &[Segment], b: &[Segment]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(a, b)| {
                a.x0 == b.x0
                    && a.x1 == b.x1
                    && match (a.cover, b.cover) {
                        (Cover::Run(p), Cover::Run(q)) => p == q,
                        (Cover::Mask(p), Cover::Mask(q)) => {
                            let n = (a.x1 - a.x0) as usize;
                            let (p, q) = (p as usize, q as usize);
                            self.alphas.get(p..p + n) == self.alphas.get(q..q + n)
                        }
                        _ => false,
                    }
            })
    }
}

/// What a fill finds under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Onto {
    /// Pixels that may hold paint: the colour is blended source-over.
    Paint,
    /// Pixels known to be clear (a fresh pixmap or layer): the covered
    /// colour is stored, which is what source-over onto clear gives,
    /// without reading the pixels.
    Clear,
}

/// Fills `outer` minus `inner` (when given, and nested in `outer`) with
/// `color`, source-over, antialiased by exact area.
pub(crate) fn fill(
    pixmap: &mut Pixmap,
    outer: &RoundedBox,
    inner: Option<&RoundedBox>,
    color: [u8; 4],
    onto: Onto,
) {
    if color[3] == 0 {
        return;
    }
    let (width, height) = (pixmap.width() as i32, pixmap.height() as i32);
    let (spans, ox, oy) = Spans::of(outer, inner);
    let stride = width as usize * 4;
    let data = pixmap.data_mut();
    let first = oy.max(0);
    let last = (oy + spans.rows.len() as i32).min(height);
    let mut y = first;
    while y < last {
        let Some(&(start, end)) = spans.rows.get((y - oy) as usize) else {
            break;
        };
        // Rows that share their segments (the straight part of a shape)
        // are drawn segment by segment, down the rows.
        let mut below = y + 1;
        while below < last && spans.rows.get((below - oy) as usize) == Some(&(start, end)) {
            below += 1;
        }
        let rows = y as usize..below as usize;
        y = below;
        for segment in &spans.segments[start as usize..end as usize] {
            let (x0, x1) = ((segment.x0 + ox).max(0), (segment.x1 + ox).min(width));
            if x0 >= x1 {
                continue;
            }
            let alphas = match segment.cover {
                Cover::Mask(at) => {
                    let from = at as usize + (x0 - segment.x0 - ox) as usize;
                    spans.alphas.get(from..from + (x1 - x0) as usize)
                }
                Cover::Run(_) => None,
            };
            // Segments narrower than one vector step (the arcs of round
            // corners, a pixel or two a row) are blended in place: a call
            // would cost more than the pixels.
            let short = x1 - x0 < SHORT;
            // Each way of drawing loops down the rows on its own.
            let mut area = Area {
                data: &mut *data,
                rows: rows.clone(),
                stride,
                columns: x0 as usize * 4..x1 as usize * 4,
            };
            match (segment.cover, alphas) {
                (Cover::Run(255), _) if color[3] == 255 => {
                    area.each(move |p| blit::opaque(p, color));
                }
                (Cover::Run(alpha), _) if onto == Onto::Clear => {
                    let source = blit::scaled(color, alpha);
                    area.each(move |p| blit::opaque(p, source));
                }
                (Cover::Run(alpha), _) if short => {
                    let source = blit::scaled(color, alpha);
                    area.each(move |p| blit::run_pixels(p, source));
                }
                (Cover::Run(alpha), _) => area.each(move |p| blit::run(p, color, alpha)),
                (Cover::Mask(_), Some(alphas)) if onto == Onto::Clear => {
                    area.each(move |p| blit::covered(p, color, alphas));
                }
                (Cover::Mask(_), Some(alphas)) if short => {
                    area.each(move |p| blit::masked_pixels(p, color, alphas));
                }
                (Cover::Mask(_), Some(alphas)) => {
                    area.each(move |p| blit::masked(p, color, alphas));
                }
                (Cover::Mask(_), None) => {}
            }
        }
    }
}

/// One segment's columns (byte offsets) down a run of rows that share it.
struct Area<'a> {
    data: &'a mut [u8],
    rows: std::ops::Range<usize>,
    stride: usize,
    columns: std::ops::Range<usize>,
}

impl Area<'_> {
    /// `draw` on the segment's pixels in each row.
    #[inline]
    fn each(&mut self, mut draw: impl FnMut(&mut [u8])) {
        for row in self.rows.clone() {
            let at = row * self.stride;
            if let Some(pixels) = self
                .data
                .get_mut(at + self.columns.start..at + self.columns.end)
            {
                draw(pixels);
            }
        }
    }
}

/// Drops every kept shape (tests: a shape computed afresh must draw what
/// its kept spans draw).
#[cfg(test)]
pub(super) fn forget() {
    SHAPES.with(|cache| cache.borrow_mut().clear());
}

//! 9-patch images (CSS `border-image`): the image is cut along four slicing
//! lines into corners, edges and a centre, and each piece is drawn into its
//! region of the border-image area, edges stretched or tiled.
//!
//! The geometry follows CSS Backgrounds and Borders 3 §6: widths that
//! overflow the area are scaled down together, corners are scaled to their
//! region, edges are scaled to the region's thickness and then stretched,
//! repeated (centred), rounded (a whole number of tiles) or spaced, and the
//! centre (`fill`) takes the scale of the top and left edges. Regions are
//! snapped to device pixels and each pixel belongs to exactly one piece, so
//! there are no seams or overlaps at fractional scales.

use crate::geometry::Rect;
use crate::image_file::{ImageFile, add_tile, downsample};
use tiny_skia::Pixmap;
use union_model::values::{
    EdgeWidth, EdgeWidths, LengthContext, LengthPercentage, NinePatchSlice, RepeatAxes, RepeatMode,
    SliceOffset,
};

/// Most tiles drawn along one edge; beyond it the edge is stretched instead.
const MAX_TILES: usize = 256;

/// What is needed to lay out a 9-patch, in device pixels.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NinePatch {
    /// The image's own size in CSS pixels.
    pub natural: (f32, f32),
    /// Slicing offsets, top, right, bottom, left.
    pub slice: NinePatchSlice,
    /// Edge widths of the drawn border image.
    pub widths: EdgeWidths,
    /// How far the image extends beyond the border box.
    pub outset: EdgeWidths,
    /// Edge repetition.
    pub repeat: RepeatAxes,
    /// Centre repetition.
    pub center_repeat: RepeatAxes,
    /// The border widths (device px): what number widths multiply.
    pub border: [f32; 4],
    /// Device pixels per CSS pixel.
    pub scale: f32,
}

/// One piece placed: the source rectangle in image pixels (CSS px, before
/// scaling) and where its tiles go, in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    /// Source rectangle in the image, CSS px: x, y, width, height.
    pub source: [f32; 4],
    /// The region the piece fills (device px, integer).
    pub region: Rect,
    /// The tiles, each the whole scaled source piece (device px); they may
    /// extend beyond the region and are clipped to it.
    pub tiles: Vec<Rect>,
}

fn edge(value: EdgeWidth, border: f32, reference: f32, slice: f32, scale: f32) -> f32 {
    let context = LengthContext {
        font_size: 16.0,
        root_font_size: 16.0,
    };
    match value {
        EdgeWidth::Length(LengthPercentage::Length(l)) => l.to_px(&context) * scale,
        EdgeWidth::Length(LengthPercentage::Percent(p)) => p / 100.0 * reference,
        EdgeWidth::Number(n) => n * border,
        EdgeWidth::Auto => slice * scale,
    }
    .max(0.0)
}

/// Tile boxes along one axis: `(start, length)` of each tile, for a region
/// from `start` of length `length` and a tile of natural length `tile`.
fn tiles_along(mode: RepeatMode, start: f32, length: f32, tile: f32) -> Vec<(f32, f32)> {
    if length <= 0.0 {
        return Vec::new();
    }
    if mode == RepeatMode::Stretch || tile <= 0.0 || !tile.is_finite() {
        return vec![(start, length)];
    }
    let count = (length / tile).ceil() as usize;
    if count > MAX_TILES {
        return vec![(start, length)];
    }
    match mode {
        RepeatMode::Stretch => vec![(start, length)],
        RepeatMode::Repeat => {
            // Centred: one tile sits in the middle, the others are clipped at
            // both ends.
            let middle = start + (length - tile) / 2.0;
            let before = ((middle - start) / tile).ceil() as i64;
            let first = middle - before as f32 * tile;
            let mut out = Vec::new();
            let mut x = first;
            while x < start + length && out.len() <= MAX_TILES {
                out.push((x, tile));
                x += tile;
            }
            out
        }
        RepeatMode::Round => {
            let n = (length / tile).round().max(1.0) as usize;
            let size = length / n as f32;
            (0..n).map(|i| (start + i as f32 * size, size)).collect()
        }
        RepeatMode::Space => {
            let n = (length / tile).floor() as usize;
            if n == 0 {
                return Vec::new();
            }
            let gap = (length - n as f32 * tile) / (n + 1) as f32;
            (0..n)
                .map(|i| (start + gap + i as f32 * (tile + gap), tile))
                .collect()
        }
    }
}

impl NinePatch {
    /// The pieces for a border box at `border_box` (device px).
    pub fn pieces(&self, border_box: Rect) -> Vec<Piece> {
        let (iw, ih) = self.natural;
        if iw <= 0.0 || ih <= 0.0 {
            return Vec::new();
        }
        let s = self.scale;
        // Slicing offsets in image px, clamped to the image.
        let slice = |i: usize, reference: f32| {
            match self.slice.offsets[i] {
                SliceOffset::Number(n) => n,
                SliceOffset::Percent(p) => p / 100.0 * reference,
            }
            .clamp(0.0, reference)
        };
        let sl = [slice(0, ih), slice(1, iw), slice(2, ih), slice(3, iw)];

        let o =
            |i: usize, reference: f32| edge(self.outset.0[i], self.border[i], reference, 0.0, s);
        let area = border_box.outset(
            o(0, border_box.height),
            o(1, border_box.width),
            o(2, border_box.height),
            o(3, border_box.width),
        );
        let w =
            |i: usize, reference: f32| edge(self.widths.0[i], self.border[i], reference, sl[i], s);
        let mut widths = [
            w(0, area.height),
            w(1, area.width),
            w(2, area.height),
            w(3, area.width),
        ];
        // Overflowing widths shrink together (CSS "border-image-width").
        let fit = (area.width / (widths[1] + widths[3])).min(area.height / (widths[0] + widths[2]));
        if fit < 1.0 {
            for width in &mut widths {
                *width *= fit;
            }
        }
        // Region boundaries, snapped to device pixels.
        let xs = [
            area.x.round(),
            (area.x + widths[3]).round(),
            (area.x + area.width - widths[1]).round(),
            (area.x + area.width).round(),
        ];
        let ys = [
            area.y.round(),
            (area.y + widths[0]).round(),
            (area.y + area.height - widths[2]).round(),
            (area.y + area.height).round(),
        ];
        let src_x = [0.0, sl[3], iw - sl[1], iw];
        let src_y = [0.0, sl[0], ih - sl[2], ih];
        // The scale of an edge piece: its region thickness over its slice.
        let factor = |region: f32, source: f32| {
            let f = region / source;
            (f.is_finite() && f > 0.0).then_some(f)
        };
        let top = factor(ys[1] - ys[0], sl[0]);
        let bottom = factor(ys[3] - ys[2], sl[2]);
        let left = factor(xs[1] - xs[0], sl[3]);
        let right = factor(xs[3] - xs[2], sl[1]);
        let center_x = top.or(bottom).unwrap_or(s);
        let center_y = left.or(right).unwrap_or(s);

        let mut pieces = Vec::new();
        for row in 0..3 {
            for col in 0..3 {
                if row == 1 && col == 1 && !self.slice.fill {
                    continue;
                }
                let source = [
                    src_x[col],
                    src_y[row],
                    src_x[col + 1] - src_x[col],
                    src_y[row + 1] - src_y[row],
                ];
                let region = Rect {
                    x: xs[col],
                    y: ys[row],
                    width: xs[col + 1] - xs[col],
                    height: ys[row + 1] - ys[row],
                };
                if source[2] <= 0.0
                    || source[3] <= 0.0
                    || region.width <= 0.0
                    || region.height <= 0.0
                {
                    continue;
                }
                let center = row == 1 && col == 1;
                let repeat = if center {
                    self.center_repeat
                } else {
                    self.repeat
                };
                // Corners stretch; an edge tiles along its length at the scale
                // its thickness gives; the centre uses the edges' scales.
                let (mode_x, tile_w) = match (row, col) {
                    (1, 1) => (repeat.horizontal, source[2] * center_x),
                    (_, 1) => (
                        repeat.horizontal,
                        source[2] * if row == 0 { top } else { bottom }.unwrap_or(s),
                    ),
                    _ => (RepeatMode::Stretch, region.width),
                };
                let (mode_y, tile_h) = match (row, col) {
                    (1, 1) => (repeat.vertical, source[3] * center_y),
                    (1, _) => (
                        repeat.vertical,
                        source[3] * if col == 0 { left } else { right }.unwrap_or(s),
                    ),
                    _ => (RepeatMode::Stretch, region.height),
                };
                let columns = tiles_along(mode_x, region.x, region.width, tile_w);
                let rows = tiles_along(mode_y, region.y, region.height, tile_h);
                if columns.len() * rows.len() > MAX_TILES * 4 {
                    // Only a centre of tiny tiles gets here: skip it rather
                    // than spend seconds on it.
                    continue;
                }
                let tiles = rows
                    .iter()
                    .flat_map(|&(y, height)| {
                        columns.iter().map(move |&(x, width)| Rect {
                            x,
                            y,
                            width,
                            height,
                        })
                    })
                    .collect();
                pieces.push(Piece {
                    source,
                    region,
                    tiles,
                });
            }
        }
        pieces
    }
}

/// How many times larger (per axis) tiled pieces are composed before they
/// are averaged down: parts are rendered with whole-pixel edges at that
/// size, so a tile edge inside a device pixel shows nothing of the
/// neighbouring part and blurs by at most 1/`SUPERSAMPLE` pixel.
const SUPERSAMPLE: u32 = 4;

/// Draws `pieces` of `image`. A piece stretched over its region is the part
/// rendered at the region's size; tiles are composed in a layer at
/// [`SUPERSAMPLE`] times the size, averaged down and drawn.
pub(crate) fn draw(pixmap: &mut Pixmap, image: &ImageFile, pieces: &[Piece]) {
    for piece in pieces {
        let region = piece.region;
        let [first, ..] = piece.tiles.as_slice() else {
            continue;
        };
        let (w, h) = (region.width as u32, region.height as u32);
        let single = piece.tiles.len() == 1 && *first == region;
        let k = if single { 1 } else { SUPERSAMPLE };
        let kf = k as f32;
        let scaled = |b: &Rect| Rect {
            x: (b.x - region.x) * kf,
            y: (b.y - region.y) * kf,
            width: b.width * kf,
            height: b.height * kf,
        };
        let Some(part) = image.part(piece.source, first.width * kf, first.height * kf) else {
            continue;
        };
        let Some(mut large) = Pixmap::new(w * k, h * k) else {
            continue;
        };
        for tile in &piece.tiles {
            add_tile(&mut large, &part, scaled(tile), scaled(&region));
        }
        let layer = if k == 1 {
            large
        } else {
            let Some(mut small) = Pixmap::new(w, h) else {
                continue;
            };
            downsample(&large, &mut small, k);
            small
        };
        crate::blend::over_at(pixmap, region.x as i32, region.y as i32, layer.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_follow_each_repeat_mode() {
        // (mode, start, length, tile) → tiles
        type Case = (RepeatMode, f32, f32, f32, Vec<(f32, f32)>);
        let cases: [Case; 6] = [
            (RepeatMode::Stretch, 10.0, 50.0, 20.0, vec![(10.0, 50.0)]),
            // 50 / 20 from 10: the middle tile at 25..45, clipped tiles
            // either side.
            (
                RepeatMode::Repeat,
                10.0,
                50.0,
                20.0,
                vec![(5.0, 20.0), (25.0, 20.0), (45.0, 20.0)],
            ),
            (
                RepeatMode::Round,
                0.0,
                45.0,
                20.0,
                vec![(0.0, 22.5), (22.5, 22.5)],
            ),
            (
                RepeatMode::Space,
                0.0,
                50.0,
                20.0,
                vec![(10.0 / 3.0, 20.0), (20.0 / 3.0 + 20.0, 20.0)],
            ),
            (RepeatMode::Space, 0.0, 10.0, 20.0, vec![]),
            (RepeatMode::Round, 0.0, 10.0, 20.0, vec![(0.0, 10.0)]),
        ];
        for (mode, start, length, tile, expected) in cases {
            let got = tiles_along(mode, start, length, tile);
            assert_eq!(got.len(), expected.len(), "{mode:?}: {got:?}");
            for (a, b) in got.iter().zip(&expected) {
                assert!(
                    (a.0 - b.0).abs() < 1e-4 && (a.1 - b.1).abs() < 1e-4,
                    "{mode:?}: {got:?} != {expected:?}"
                );
            }
        }
    }

    #[test]
    fn tiny_tiles_are_bounded() {
        assert_eq!(
            tiles_along(RepeatMode::Repeat, 0.0, 1.0e6, 0.01),
            vec![(0.0, 1.0e6)]
        );
    }

    fn patch(slice: f32, width: EdgeWidth, fill: bool) -> NinePatch {
        NinePatch {
            natural: (30.0, 30.0),
            slice: NinePatchSlice {
                offsets: [SliceOffset::Number(slice); 4],
                fill,
            },
            widths: EdgeWidths([width; 4]),
            outset: EdgeWidths([EdgeWidth::Number(0.0); 4]),
            repeat: RepeatAxes::both(RepeatMode::Stretch),
            center_repeat: RepeatAxes::both(RepeatMode::Stretch),
            border: [10.0; 4],
            scale: 1.0,
        }
    }

    fn boxed(x: f32, y: f32, width: f32, height: f32) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    #[test]
    fn nine_regions_tile_the_area_without_gaps() {
        let pieces = patch(10.0, EdgeWidth::Number(1.0), true).pieces(boxed(5.0, 5.0, 100.0, 40.0));
        assert_eq!(pieces.len(), 9);
        let area: f32 = pieces
            .iter()
            .map(|p| p.region.width * p.region.height)
            .sum();
        assert_eq!(area, 100.0 * 40.0);
        assert_eq!(pieces[0].region, boxed(5.0, 5.0, 10.0, 10.0));
        assert_eq!(pieces[4].region, boxed(15.0, 15.0, 80.0, 20.0));
        assert_eq!(pieces[8].source, [20.0, 20.0, 10.0, 10.0]);
        // Without `fill` the centre is not drawn.
        assert_eq!(
            patch(10.0, EdgeWidth::Number(1.0), false)
                .pieces(boxed(0.0, 0.0, 100.0, 40.0))
                .len(),
            8
        );
    }

    #[test]
    fn overflowing_widths_shrink_together() {
        // 30 px edges in a 40 px tall box: scaled by 40/60.
        let pieces = patch(10.0, EdgeWidth::Number(3.0), true).pieces(boxed(0.0, 0.0, 100.0, 40.0));
        // The middle row has no height left: six pieces, all 20 px tall.
        assert_eq!(pieces.len(), 6);
        assert_eq!(pieces[0].region, boxed(0.0, 0.0, 20.0, 20.0));
        assert!(pieces.iter().all(|p| p.region.height == 20.0));
    }

    #[test]
    fn auto_widths_take_the_slice_size_at_the_scale() {
        let mut nine = patch(10.0, EdgeWidth::Auto, true);
        nine.scale = 1.5;
        let pieces = nine.pieces(boxed(0.0, 0.0, 90.0, 60.0));
        assert_eq!(pieces[0].region, boxed(0.0, 0.0, 15.0, 15.0));
    }
}

//! Frame pieces drawn once and reused at every frame size.
//!
//! A frame drawn at a new size needs its pieces at new sizes too: the
//! centre at the new content size, stretched sides at their new length.
//! Most pieces are flat colours or gradients across the direction they are
//! stretched in — every row of a button's centre is one colour — and such
//! a piece draws the same rows at any width. So when a piece drawn at least
//! [`MIN_UNIFORM_SPAN`] pixels wide turns out to have constant rows, it is
//! kept as one colour per row and reused for every width at that height
//! (and likewise constant columns for every height at that width), instead
//! of being drawn again with resvg.
//!
//! Pieces are put into a frame by copying pixels: the frame starts
//! transparent and its sections do not overlap, so a copy is exactly what
//! source-over drawing would produce.

use std::collections::HashMap;
use std::sync::Arc;
use tiny_skia::{Pixmap, PremultipliedColorU8};

/// A piece must be drawn at least this many pixels along an axis before
/// constant rows (or columns) are trusted to mean "does not change along
/// that axis": narrower samples could hide a shallow gradient.
pub const MIN_UNIFORM_SPAN: u32 = 8;

/// An element drawn at a whole-pixel size.
#[derive(Clone, Debug)]
pub enum Piece {
    /// The element's pixels.
    Pixels(Arc<Pixmap>),
    /// Every row one colour, `colors[y]`: the element does not change
    /// along x.
    Rows {
        /// The width asked for.
        width: u32,
        /// One colour per row.
        colors: Arc<[PremultipliedColorU8]>,
    },
    /// Every column one colour, `colors[x]`: the element does not change
    /// along y.
    Columns {
        /// The height asked for.
        height: u32,
        /// One colour per column.
        colors: Arc<[PremultipliedColorU8]>,
    },
}

impl Piece {
    /// Width in pixels.
    pub fn width(&self) -> u32 {
        match self {
            Piece::Pixels(pixmap) => pixmap.width(),
            Piece::Rows { width, .. } => *width,
            Piece::Columns { colors, .. } => colors.len() as u32,
        }
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        match self {
            Piece::Pixels(pixmap) => pixmap.height(),
            Piece::Rows { colors, .. } => colors.len() as u32,
            Piece::Columns { height, .. } => *height,
        }
    }

    /// Whether each of the piece's rows is one colour.
    pub fn rows_constant(&self) -> bool {
        match self {
            Piece::Rows { .. } => true,
            Piece::Columns { colors, .. } => colors.windows(2).all(|pair| pair[0] == pair[1]),
            Piece::Pixels(pixmap) => pixmap
                .pixels()
                .chunks_exact(pixmap.width().max(1) as usize)
                .all(|row| row.iter().all(|p| *p == row[0])),
        }
    }

    /// The piece as a pixmap.
    pub fn to_pixmap(&self) -> Option<Pixmap> {
        if let Piece::Pixels(pixmap) = self {
            return Some((**pixmap).clone());
        }
        let mut pixmap = Pixmap::new(self.width(), self.height())?;
        self.copy_to(&mut pixmap, 0, 0, self.width(), self.height());
        Some(pixmap)
    }

    /// Draws the piece's top-left `w` × `h` pixels over (`x`, `y`) of
    /// `target` (source-over); parts outside either are skipped.
    pub fn draw_over(&self, target: &mut Pixmap, x: i32, y: i32, w: u32, h: u32) {
        let (w, h) = (w.min(self.width()), h.min(self.height()));
        let materialised;
        let source: &Pixmap = match self {
            Piece::Pixels(pixmap) => pixmap,
            _ => {
                let Some(mut part) = Pixmap::new(w, h) else {
                    return;
                };
                self.copy_to(&mut part, 0, 0, w, h);
                materialised = part;
                &materialised
            }
        };
        let Some(area) = tiny_skia::Rect::from_xywh(x as f32, y as f32, w as f32, h as f32) else {
            return;
        };
        let paint = tiny_skia::Paint {
            shader: tiny_skia::Pattern::new(
                source.as_ref(),
                tiny_skia::SpreadMode::Pad,
                tiny_skia::FilterQuality::Nearest,
                1.0,
                tiny_skia::Transform::from_translate(x as f32, y as f32),
            ),
            anti_alias: false,
            ..tiny_skia::Paint::default()
        };
        target.fill_rect(area, &paint, tiny_skia::Transform::identity(), None);
    }

    /// Copies the piece's top-left `w` × `h` pixels to (`x`, `y`) of
    /// `target`, replacing what is there; parts outside either are skipped.
    pub fn copy_to(&self, target: &mut Pixmap, x: i32, y: i32, w: u32, h: u32) {
        let (w, h) = (w.min(self.width()), h.min(self.height()));
        let Some((rows, columns)) = clip(target, x, y, w, h) else {
            return;
        };
        let (sy0, sy1) = (rows.start, rows.end);
        let (sx0, sx1) = (columns.start, columns.end);
        let stride = target.width() as usize;
        let pixels = target.pixels_mut();
        for sy in sy0..sy1 {
            let start = (y + sy as i32) as usize * stride + (x + sx0 as i32) as usize;
            let Some(row) = pixels.get_mut(start..start + (sx1 - sx0)) else {
                return;
            };
            match self {
                Piece::Pixels(pixmap) => {
                    let from = sy * pixmap.width() as usize;
                    if let Some(source) = pixmap.pixels().get(from + sx0..from + sx1) {
                        row.copy_from_slice(source);
                    }
                }
                Piece::Rows { colors, .. } => {
                    if let Some(color) = colors.get(sy) {
                        row.fill(*color);
                    }
                }
                Piece::Columns { colors, .. } => {
                    if let Some(source) = colors.get(sx0..sx1) {
                        row.copy_from_slice(source);
                    }
                }
            }
        }
    }
}

/// The colour of each row when every row is one colour.
fn row_colors(pixmap: &Pixmap) -> Option<Arc<[PremultipliedColorU8]>> {
    if pixmap.width() < MIN_UNIFORM_SPAN {
        return None;
    }
    let width = pixmap.width() as usize;
    pixmap
        .pixels()
        .chunks_exact(width)
        .map(|row| {
            let first = row[0];
            row.iter().all(|p| *p == first).then_some(first)
        })
        .collect()
}

/// The colour of each column when every column is one colour.
fn column_colors(pixmap: &Pixmap) -> Option<Arc<[PremultipliedColorU8]>> {
    if pixmap.height() < MIN_UNIFORM_SPAN {
        return None;
    }
    let width = pixmap.width() as usize;
    let mut rows = pixmap.pixels().chunks_exact(width);
    let first = rows.next()?;
    rows.all(|row| row == first).then(|| Arc::from(first))
}

/// The piece rows and columns of a `w` × `h` piece at (`x`, `y`) that lie
/// inside `target`.
fn clip(
    target: &Pixmap,
    x: i32,
    y: i32,
    w: u32,
    h: u32,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let (tw, th) = (i64::from(target.width()), i64::from(target.height()));
    let (x, y) = (i64::from(x), i64::from(y));
    let (sx0, sy0) = ((-x).max(0), (-y).max(0));
    let (sx1, sy1) = (i64::from(w).min(tw - x), i64::from(h).min(th - y));
    (sx0 < sx1 && sy0 < sy1).then_some((sy0 as usize..sy1 as usize, sx0 as usize..sx1 as usize))
}

/// One element's pieces at the sizes drawn so far (`None`: draws nothing).
#[derive(Default)]
pub(crate) struct ElementPieces {
    sized: HashMap<(u32, u32), Option<Arc<Pixmap>>>,
    /// Constant-row colours by height.
    rows: HashMap<u32, Arc<[PremultipliedColorU8]>>,
    /// Constant-column colours by width.
    columns: HashMap<u32, Arc<[PremultipliedColorU8]>>,
}

impl ElementPieces {
    /// The piece at `width` × `height` if it is known: `Some(None)` when
    /// the element draws nothing.
    pub(crate) fn get(&self, width: u32, height: u32) -> Option<Option<Piece>> {
        if let Some(found) = self.sized.get(&(width, height)) {
            return Some(found.clone().map(Piece::Pixels));
        }
        if let Some(colors) = self.rows.get(&height) {
            return Some(Some(Piece::Rows {
                width,
                colors: Arc::clone(colors),
            }));
        }
        self.columns.get(&width).map(|colors| {
            Some(Piece::Columns {
                height,
                colors: Arc::clone(colors),
            })
        })
    }

    /// Keeps a piece just drawn, noting whether its rows or columns are
    /// constant; returns it.
    pub(crate) fn insert(
        &mut self,
        width: u32,
        height: u32,
        drawn: Option<Pixmap>,
    ) -> Option<Piece> {
        let drawn = drawn.map(Arc::new);
        if let Some(pixmap) = &drawn {
            if let Some(colors) = row_colors(pixmap) {
                self.rows.insert(height, colors);
            }
            if let Some(colors) = column_colors(pixmap) {
                self.columns.insert(width, colors);
            }
        }
        self.sized.insert((width, height), drawn.clone());
        drawn.map(Piece::Pixels)
    }

    /// Whether the element is known to draw rows of one colour at `height`
    /// whatever the width.
    pub(crate) fn has_constant_rows(&self, height: u32) -> bool {
        self.rows.contains_key(&height)
    }

    /// How many entries this holds (for the document's bound).
    pub(crate) fn len(&self) -> usize {
        self.sized.len() + self.rows.len() + self.columns.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::{Color, Paint, Rect, Transform};

    fn gradient_rows(width: u32, height: u32) -> Pixmap {
        let mut pixmap = Pixmap::new(width, height).unwrap_or_else(|| panic!("pixmap"));
        for y in 0..height {
            let mut paint = Paint::default();
            paint.set_color(Color::from_rgba8(10, (y * 20) as u8, 200, 255));
            let row = Rect::from_xywh(0.0, y as f32, width as f32, 1.0).unwrap_or_else(|| panic!());
            pixmap.fill_rect(row, &paint, Transform::identity(), None);
        }
        pixmap
    }

    #[test]
    fn constant_rows_are_reused_at_every_width_of_the_same_height_only() {
        let mut pieces = ElementPieces::default();
        let drawn = gradient_rows(10, 6);
        let expected = drawn.clone();
        pieces.insert(10, 6, Some(drawn));
        let Some(Some(wider)) = pieces.get(37, 6) else {
            panic!("a constant-row piece answers for a new width");
        };
        assert!(matches!(wider, Piece::Rows { .. }));
        let pixmap = wider.to_pixmap().unwrap_or_else(|| panic!("pixmap"));
        assert_eq!(pixmap.width(), 37);
        for y in 0..6 {
            assert_eq!(pixmap.pixel(36, y), expected.pixel(0, y));
        }
        assert!(pieces.get(37, 7).is_none(), "another height is drawn again");
    }

    #[test]
    fn narrow_or_varying_pieces_are_not_generalised() {
        let mut pieces = ElementPieces::default();
        pieces.insert(4, 6, Some(gradient_rows(4, 6)));
        assert!(pieces.get(30, 6).is_none(), "4 px is too narrow to tell");
        let mut varying = gradient_rows(10, 6);
        let mut paint = Paint::default();
        paint.set_color(Color::WHITE);
        let dot = Rect::from_xywh(5.0, 2.0, 1.0, 1.0).unwrap_or_else(|| panic!());
        varying.fill_rect(dot, &paint, Transform::identity(), None);
        pieces.insert(10, 6, Some(varying));
        assert!(
            pieces.get(30, 6).is_none(),
            "a row with a dot is not constant"
        );
        // Columns of the gradient differ, so new heights are drawn again.
        assert!(pieces.get(10, 9).is_none());
    }

    #[test]
    fn copies_are_clipped_to_the_target_and_the_piece() {
        let piece = Piece::Pixels(Arc::new(gradient_rows(10, 6)));
        let mut target = Pixmap::new(8, 8).unwrap_or_else(|| panic!("pixmap"));
        piece.copy_to(&mut target, -3, 5, 10, 10);
        let covered = target.pixels().iter().filter(|p| p.alpha() != 0).count();
        // Columns 3..10 of the piece land at 0..7, rows 0..3 at 5..8.
        assert_eq!(covered, 7 * 3);
        assert_eq!(target.pixel(0, 5), gradient_rows(10, 6).pixel(3, 0));
    }
}

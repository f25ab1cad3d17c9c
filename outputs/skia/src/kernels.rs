//! The hand-written raster kernels that stand in for a tiny-skia call,
//! public only so that the controls benchmark can time each one against
//! the tiny-skia call it replaces (`cargo bench -p union-render-tests
//! --bench controls`, lines `kernels/…`). A kernel that buys under 10 %
//! goes back to tiny-skia. Not a stable API.

use crate::coverage::{self, Onto, RoundedBox};
use crate::geometry::{Radii, Rect};
use tiny_skia::{Pixmap, PixmapRef};

/// A finished layer, shadow or icon put in place, source-over (replaces
/// `Pixmap::draw_pixmap` with `BlendMode::SourceOver`).
pub fn place(target: &mut Pixmap, x: i32, y: i32, source: PixmapRef<'_>) {
    crate::blend::over_at(target, x, y, source);
}

/// A layer put in place at `opacity` / 255 (replaces `draw_pixmap` with
/// `PixmapPaint::opacity`).
pub fn place_faded(target: &mut Pixmap, x: i32, y: i32, source: PixmapRef<'_>, opacity: u8) {
    crate::blend::over_at_faded(target, x, y, source, opacity);
}

/// A rounded rectangle (or the ring between two) filled with one
/// premultiplied colour, antialiased by exact area (replaces
/// `Pixmap::fill_path` with an antialiased paint).
pub fn fill_rounded(
    pixmap: &mut Pixmap,
    rect: Rect,
    radii: Radii,
    hole: Option<(Rect, Radii)>,
    color: [u8; 4],
) {
    let Some(shape) = RoundedBox::within(rect, radii, pixmap) else {
        return;
    };
    let hole = hole.and_then(|(rect, radii)| RoundedBox::new(rect, radii));
    coverage::fill(pixmap, &shape, hole.as_ref(), color, Onto::Paint);
}

/// Every pixel scaled by `opacity` / 255: an element's opacity over what
/// it drew (replaces drawing the pixmap into a fresh one at that opacity).
pub fn fade(pixmap: &mut Pixmap, opacity: u8) {
    crate::blit::fade(pixmap.data_mut(), opacity);
}

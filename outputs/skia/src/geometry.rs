//! Rounded-rectangle paths in device pixels. The rectangles and radii
//! (with CSS clamping) are the model's ([`union_model::geometry`]), in
//! device pixels here.

use tiny_skia::{Path, PathBuilder};
pub use union_model::geometry::{Radii, Rect};

/// Cubic Bézier handle length for a quarter ellipse.
const KAPPA: f32 = 0.552_284_8;

/// Appends a rounded rectangle to `builder` (clockwise).
pub fn push_rounded_rect(builder: &mut PathBuilder, rect: Rect, radii: Radii) {
    let radii = radii.clamped(rect);
    let [tl, tr, br, bl] = radii.0;
    let (l, t, r, b) = (rect.x, rect.y, rect.right(), rect.bottom());
    builder.move_to(l + tl.0, t);
    builder.line_to(r - tr.0, t);
    if tr.0 > 0.0 && tr.1 > 0.0 {
        builder.cubic_to(
            r - tr.0 + tr.0 * KAPPA,
            t,
            r,
            t + tr.1 - tr.1 * KAPPA,
            r,
            t + tr.1,
        );
    }
    builder.line_to(r, b - br.1);
    if br.0 > 0.0 && br.1 > 0.0 {
        builder.cubic_to(
            r,
            b - br.1 + br.1 * KAPPA,
            r - br.0 + br.0 * KAPPA,
            b,
            r - br.0,
            b,
        );
    }
    builder.line_to(l + bl.0, b);
    if bl.0 > 0.0 && bl.1 > 0.0 {
        builder.cubic_to(
            l + bl.0 - bl.0 * KAPPA,
            b,
            l,
            b - bl.1 + bl.1 * KAPPA,
            l,
            b - bl.1,
        );
    }
    builder.line_to(l, t + tl.1);
    if tl.0 > 0.0 && tl.1 > 0.0 {
        builder.cubic_to(
            l,
            t + tl.1 - tl.1 * KAPPA,
            l + tl.0 - tl.0 * KAPPA,
            t,
            l + tl.0,
            t,
        );
    }
    builder.close();
}

/// A rounded rectangle path (`None` when empty).
pub fn rounded_rect(rect: Rect, radii: Radii) -> Option<Path> {
    if rect.width <= 0.0 || rect.height <= 0.0 {
        return None;
    }
    let mut builder = PathBuilder::new();
    push_rounded_rect(&mut builder, rect, radii);
    builder.finish()
}

/// The ring between two rounded rectangles (fill with even-odd).
pub fn ring(outer: Rect, outer_radii: Radii, inner: Rect, inner_radii: Radii) -> Option<Path> {
    let mut builder = PathBuilder::new();
    push_rounded_rect(&mut builder, outer, outer_radii);
    if inner.width > 0.0 && inner.height > 0.0 {
        push_rounded_rect(&mut builder, inner, inner_radii);
    }
    builder.finish()
}

/// The trapezoid of one side of a border, between the outer box's corners
/// and the inner box's corners: how browsers split corner joins diagonally.
/// `side`: 0 top, 1 right, 2 bottom, 3 left.
pub fn side_region(outer: Rect, inner: Rect, side: usize) -> Option<Path> {
    let (ol, ot, or, ob) = (outer.x, outer.y, outer.right(), outer.bottom());
    let (il, it, ir, ib) = (inner.x, inner.y, inner.right(), inner.bottom());
    let points = match side {
        0 => [(ol, ot), (or, ot), (ir, it), (il, it)],
        1 => [(or, ot), (or, ob), (ir, ib), (ir, it)],
        2 => [(or, ob), (ol, ob), (il, ib), (ir, ib)],
        _ => [(ol, ob), (ol, ot), (il, it), (il, ib)],
    };
    let mut builder = PathBuilder::new();
    builder.move_to(points[0].0, points[0].1);
    for (x, y) in &points[1..] {
        builder.line_to(*x, *y);
    }
    builder.close();
    builder.finish()
}

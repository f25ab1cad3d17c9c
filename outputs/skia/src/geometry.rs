//! Box geometry in device pixels: rectangles, per-corner elliptical radii
//! with CSS clamping, and rounded-rectangle paths.

use tiny_skia::{Path, PathBuilder};
use union_model::values::{LengthContext, LengthPercentage, Radius};

/// Cubic Bézier handle length for a quarter ellipse.
const KAPPA: f32 = 0.552_284_8;

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box2 {
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Box2 {
    /// Grows (or with negative values shrinks) each side.
    pub fn outset(self, top: f32, right: f32, bottom: f32, left: f32) -> Box2 {
        Box2 {
            x: self.x - left,
            y: self.y - top,
            width: (self.width + left + right).max(0.0),
            height: (self.height + top + bottom).max(0.0),
        }
    }

    /// Moves the rectangle.
    pub fn offset(self, dx: f32, dy: f32) -> Box2 {
        Box2 {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// The box with its edges rounded to whole device pixels; `None` when
    /// it then covers less than one pixel in either direction.
    pub fn pixel_aligned(self) -> Option<Box2> {
        let (x, y) = (self.x.round(), self.y.round());
        let aligned = Box2 {
            x,
            y,
            width: self.right().round() - x,
            height: self.bottom().round() - y,
        };
        (aligned.width >= 1.0 && aligned.height >= 1.0).then_some(aligned)
    }

    fn right(&self) -> f32 {
        self.x + self.width
    }

    fn bottom(&self) -> f32 {
        self.y + self.height
    }
}

/// Horizontal and vertical radii of the four corners: top-left, top-right,
/// bottom-right, bottom-left.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Radii(pub [(f32, f32); 4]);

impl Radii {
    /// Resolves style radii against a border box, in device pixels.
    pub fn resolve(corners: [Option<&Radius>; 4], border_box: Box2, scale: f32) -> Radii {
        let context = LengthContext {
            font_size: 16.0,
            root_font_size: 16.0,
        };
        let lp = |v: LengthPercentage, reference: f32| match v {
            LengthPercentage::Percent(p) => p / 100.0 * reference,
            LengthPercentage::Length(l) => l.to_px(&context) * scale,
        };
        let mut radii = [(0.0, 0.0); 4];
        for (slot, corner) in radii.iter_mut().zip(corners) {
            if let Some(r) = corner {
                *slot = (
                    lp(r.x, border_box.width).max(0.0),
                    lp(r.y, border_box.height).max(0.0),
                );
            }
        }
        Radii(radii).clamped(border_box)
    }

    /// CSS radius clamping: when adjacent radii overflow a side, every radius
    /// is scaled down by the same factor.
    pub fn clamped(self, rect: Box2) -> Radii {
        let [tl, tr, br, bl] = self.0;
        let ratio = |length: f32, a: f32, b: f32| {
            if a + b > length && a + b > 0.0 {
                length / (a + b)
            } else {
                1.0
            }
        };
        let f = ratio(rect.width, tl.0, tr.0)
            .min(ratio(rect.width, bl.0, br.0))
            .min(ratio(rect.height, tl.1, bl.1))
            .min(ratio(rect.height, tr.1, br.1));
        if f >= 1.0 {
            return self;
        }
        Radii(self.0.map(|(x, y)| (x * f, y * f)))
    }

    /// Radii of a box inset by the given widths (the padding box inside a
    /// border): each radius shrinks by the adjacent border width, not below 0.
    pub fn inner(self, top: f32, right: f32, bottom: f32, left: f32) -> Radii {
        let [tl, tr, br, bl] = self.0;
        let s = |v: f32, d: f32| (v - d).max(0.0);
        Radii([
            (s(tl.0, left), s(tl.1, top)),
            (s(tr.0, right), s(tr.1, top)),
            (s(br.0, right), s(br.1, bottom)),
            (s(bl.0, left), s(bl.1, bottom)),
        ])
    }

    /// Radii of a box grown by `d` on every side (spread shadows, outlines).
    pub fn outer(self, d: f32) -> Radii {
        Radii(self.0.map(|(x, y)| {
            if x > 0.0 && y > 0.0 {
                ((x + d).max(0.0), (y + d).max(0.0))
            } else {
                (x, y)
            }
        }))
    }

    /// Whether every radius is zero.
    pub fn is_zero(&self) -> bool {
        self.0.iter().all(|(x, y)| *x <= 0.0 || *y <= 0.0)
    }
}

/// Appends a rounded rectangle to `builder` (clockwise).
pub fn push_rounded_rect(builder: &mut PathBuilder, rect: Box2, radii: Radii) {
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
pub fn rounded_rect(rect: Box2, radii: Radii) -> Option<Path> {
    if rect.width <= 0.0 || rect.height <= 0.0 {
        return None;
    }
    let mut builder = PathBuilder::new();
    push_rounded_rect(&mut builder, rect, radii);
    builder.finish()
}

/// The ring between two rounded rectangles (fill with even-odd).
pub fn ring(outer: Box2, outer_radii: Radii, inner: Box2, inner_radii: Radii) -> Option<Path> {
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
pub fn side_region(outer: Box2, inner: Box2, side: usize) -> Option<Path> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_aligned_rounds_edges_and_refuses_slivers() {
        let b = |x, y, width, height| Box2 {
            x,
            y,
            width,
            height,
        };
        // (box, aligned box or None)
        let cases = [
            (b(0.4, 0.6, 10.2, 4.8), Some(b(0.0, 1.0, 11.0, 4.0))),
            (b(2.5, 3.0, 1.0, 1.0), Some(b(3.0, 3.0, 1.0, 1.0))),
            (b(2.6, 3.0, 0.3, 5.0), None),
            (b(1.0, 1.0, 5.0, 0.0), None),
        ];
        for (input, expected) in cases {
            assert_eq!(input.pixel_aligned(), expected, "{input:?}");
        }
    }

    #[test]
    fn radii_clamp_like_css() {
        let rect = Box2 {
            x: 0.0,
            y: 0.0,
            width: 100.0,
            height: 40.0,
        };
        // 30 + 30 > 40 on the left and right sides: scale by 40/60.
        let radii = Radii([(30.0, 30.0); 4]).clamped(rect);
        for (x, y) in radii.0 {
            assert!((x - 20.0).abs() < 1e-4 && (y - 20.0).abs() < 1e-4);
        }
        // Fitting radii are untouched.
        assert_eq!(
            Radii([(10.0, 5.0); 4]).clamped(rect),
            Radii([(10.0, 5.0); 4])
        );
    }

    #[test]
    fn inner_radii_shrink_by_border_widths() {
        let inner = Radii([(10.0, 10.0); 4]).inner(2.0, 4.0, 20.0, 1.0);
        assert_eq!(inner.0, [(9.0, 8.0), (6.0, 8.0), (6.0, 0.0), (9.0, 0.0)]);
    }
}

//! Plain geometry shared by the layout, the control scene and every output:
//! rectangles, four-sided lengths and per-corner elliptical radii with CSS
//! clamping. No unit is implied: the layout and the scene use logical
//! pixels; outputs use the same types in device pixels.

use crate::values::{LengthContext, LengthPercentage, Radius};

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub const fn new(x: f32, y: f32, width: f32, height: f32) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Grows (or with negative values shrinks) each side; never below zero size.
    pub fn outset(self, top: f32, right: f32, bottom: f32, left: f32) -> Rect {
        Rect {
            x: self.x - left,
            y: self.y - top,
            width: (self.width + left + right).max(0.0),
            height: (self.height + top + bottom).max(0.0),
        }
    }

    /// Moves the rectangle.
    pub fn offset(self, dx: f32, dy: f32) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// The rectangle with its edges rounded to whole units; `None` when it
    /// then covers less than one unit in either direction.
    pub fn pixel_aligned(self) -> Option<Rect> {
        let (x, y) = (self.x.round(), self.y.round());
        let aligned = Rect {
            x,
            y,
            width: self.right().round() - x,
            height: self.bottom().round() - y,
        };
        (aligned.width >= 1.0 && aligned.height >= 1.0).then_some(aligned)
    }

    /// Whether `(x, y)` lies inside (left and top edges included).
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && y >= self.y && x < self.right() && y < self.bottom()
    }

    /// Whether `other` lies wholly inside, allowing `slack` on every side
    /// for rounding.
    pub fn encloses(&self, other: &Rect, slack: f32) -> bool {
        other.x >= self.x - slack
            && other.y >= self.y - slack
            && other.right() <= self.right() + slack
            && other.bottom() <= self.bottom() + slack
    }

    /// The rectangle mirrored across the vertical centre line of a
    /// container `width` wide (right-to-left layouts).
    pub fn mirrored(self, width: f32) -> Rect {
        Rect {
            x: width - self.x - self.width,
            ..self
        }
    }
}

/// Four lengths, one per side.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Edges {
    /// Top.
    pub top: f32,
    /// Right.
    pub right: f32,
    /// Bottom.
    pub bottom: f32,
    /// Left.
    pub left: f32,
}

impl Edges {
    /// The same length on every side.
    pub fn all(v: f32) -> Self {
        Self {
            top: v,
            right: v,
            bottom: v,
            left: v,
        }
    }

    /// Left plus right.
    pub fn horizontal(&self) -> f32 {
        self.left + self.right
    }

    /// Top plus bottom.
    pub fn vertical(&self) -> f32 {
        self.top + self.bottom
    }

    /// `rect` with these lengths taken off its sides.
    pub fn shrink(&self, rect: Rect) -> Rect {
        Rect {
            x: rect.x + self.left,
            y: rect.y + self.top,
            width: (rect.width - self.horizontal()).max(0.0),
            height: (rect.height - self.vertical()).max(0.0),
        }
    }
}

/// Horizontal and vertical radii of the four corners: top-left, top-right,
/// bottom-right, bottom-left.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Radii(pub [(f32, f32); 4]);

impl Radii {
    /// The corner radii `style` asks for, resolved against `border_box`
    /// (lengths multiplied by `scale`) and clamped as CSS clamps them.
    pub fn of(style: &crate::Style, border_box: Rect, scale: f32) -> Radii {
        let corners = &style.corners;
        Radii::resolve(
            [
                corners.top_left.value(),
                corners.top_right.value(),
                corners.bottom_right.value(),
                corners.bottom_left.value(),
            ],
            border_box,
            scale,
        )
    }

    /// Whether any corner's two radii differ by more than half a pixel.
    pub fn is_elliptical(&self) -> bool {
        self.0.iter().any(|(x, y)| (x - y).abs() > 0.5)
    }

    /// Resolves style radii against a border box (in the box's units;
    /// lengths are multiplied by `scale`), clamped as CSS clamps them.
    pub fn resolve(corners: [Option<&Radius>; 4], border_box: Rect, scale: f32) -> Radii {
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
    pub fn clamped(self, rect: Rect) -> Radii {
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

    /// The radii mirrored left to right (right-to-left layouts).
    pub fn mirrored(self) -> Radii {
        let [tl, tr, br, bl] = self.0;
        Radii([tr, tl, bl, br])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_aligned_rounds_edges_and_refuses_slivers() {
        let b = Rect::new;
        // (rectangle, aligned rectangle or None)
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
        let rect = Rect::new(0.0, 0.0, 100.0, 40.0);
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

    #[test]
    fn enclosing_and_mirroring() {
        let outer = Rect::new(0.0, 0.0, 100.0, 30.0);
        assert!(outer.encloses(&Rect::new(10.0, 5.0, 90.0, 25.0), 0.0));
        assert!(!outer.encloses(&Rect::new(10.0, 5.0, 91.0, 25.0), 0.0));
        assert!(outer.encloses(&Rect::new(10.0, 5.0, 91.0, 25.0), 1.0));
        assert_eq!(
            Rect::new(10.0, 5.0, 20.0, 4.0).mirrored(100.0),
            Rect::new(70.0, 5.0, 20.0, 4.0)
        );
        let radii = Radii([(1.0, 1.0), (2.0, 2.0), (3.0, 3.0), (4.0, 4.0)]);
        assert_eq!(
            radii.mirrored().0,
            [(2.0, 2.0), (1.0, 1.0), (4.0, 4.0), (3.0, 3.0)]
        );
    }
}

//! Dashed and dotted lines the way browsers fit them to a side: a dash (or
//! dot) starts at each corner, and the gaps stretch or shrink so a whole
//! number of dashes fills the side.
//!
//! Proportions follow Chromium: dashes are three line widths long with
//! two-width gaps for lines thinner than 3 px, two widths with one-width
//! gaps from 3 px on; dots are one width with one-width gaps, square below
//! 3 px and round from 3 px on. On rounded corners the dashes are laid along
//! the straight sides and clipped to the curved band (browsers bend them
//! along the curve).

use crate::geometry::Rect;
use tiny_skia::{Path, PathBuilder, Rect as SkRect};
use union_model::values::LineStyle;

/// Most dashes drawn on one side; beyond it the side is drawn solid.
const MAX_DASHES: f32 = 4096.0;

/// How many dashes of `dash` fill `length` with gaps closest to `gap`, and
/// the gap that makes them fit exactly (a dash at each end).
pub(crate) fn fit(length: f32, dash: f32, gap: f32) -> (u32, f32) {
    if length <= dash || dash <= 0.0 {
        return (1, 0.0);
    }
    let fewer = ((length + gap) / (dash + gap)).floor().max(1.0);
    let more = fewer + 1.0;
    let gap_for = |n: f32| {
        if n <= 1.0 {
            f32::INFINITY
        } else {
            (length - n * dash) / (n - 1.0)
        }
    };
    let (g_fewer, g_more) = (gap_for(fewer), gap_for(more));
    if g_more > 0.0 && (g_more - gap).abs() <= (g_fewer - gap).abs() {
        (more as u32, g_more)
    } else if fewer <= 1.0 {
        (1, 0.0)
    } else {
        (fewer as u32, g_fewer)
    }
}

/// The dashes or dots of one side of the band between `outer` and `inner`
/// (`side`: 0 top, 1 right, 2 bottom, 3 left), or `None` when the side is
/// drawn solid (too short, too many dashes, or a style without a pattern).
pub(crate) fn side_pattern(
    style: LineStyle,
    outer: Rect,
    inner: Rect,
    side: usize,
) -> Option<Path> {
    let horizontal = side.is_multiple_of(2);
    let (start, length) = if horizontal {
        (outer.x, outer.width)
    } else {
        (outer.y, outer.height)
    };
    // The band across the side: from..to on the other axis.
    let (from, to) = match side {
        0 => (outer.y, inner.y),
        1 => (inner.x + inner.width, outer.x + outer.width),
        2 => (inner.y + inner.height, outer.y + outer.height),
        _ => (outer.x, inner.x),
    };
    let width = to - from;
    if width <= 0.0 {
        return None;
    }
    let (dash, gap, round) = match style {
        LineStyle::Dashed if width >= 3.0 => (2.0 * width, width, false),
        LineStyle::Dashed => (3.0 * width, 2.0 * width, false),
        LineStyle::Dotted => (width, width, width >= 3.0),
        _ => return None,
    };
    if length / (dash + gap) > MAX_DASHES {
        return None;
    }
    let (count, gap) = fit(length, dash, gap);
    let mut builder = PathBuilder::new();
    for i in 0..count {
        let along = if count == 1 {
            start + (length - dash) / 2.0
        } else {
            start + i as f32 * (dash + gap)
        };
        let rect = if horizontal {
            SkRect::from_xywh(along, from, dash, width)
        } else {
            SkRect::from_xywh(from, along, width, dash)
        };
        let Some(rect) = rect else { continue };
        if round {
            builder.push_oval(rect);
        } else {
            builder.push_rect(rect);
        }
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_fit_with_the_gap_closest_to_nominal() {
        // (length, dash, gap) → (count, gap) — counts checked against
        // Chromium's drawings of the same sides.
        let cases = [
            ((60.0, 3.0, 2.0), (12, 24.0 / 11.0)),
            ((30.0, 3.0, 2.0), (6, 12.0 / 5.0)),
            ((80.0, 6.0, 3.0), (9, 26.0 / 8.0)),
            ((40.0, 6.0, 3.0), (5, 10.0 / 4.0)),
            ((60.0, 2.0, 2.0), (16, 28.0 / 15.0)),
            ((80.0, 5.0, 5.0), (9, 35.0 / 8.0)),
            ((4.0, 6.0, 3.0), (1, 0.0)),
            ((8.0, 6.0, 3.0), (1, 0.0)),
        ];
        for ((length, dash, gap), (count, fitted)) in cases {
            let (n, g) = fit(length, dash, gap);
            assert_eq!(n, count, "{length}/{dash}/{gap}");
            assert!((g - fitted).abs() < 1e-4, "{length}/{dash}/{gap}: {g}");
        }
    }

    #[test]
    fn solid_styles_have_no_pattern() {
        let outer = Rect {
            x: 0.0,
            y: 0.0,
            width: 60.0,
            height: 30.0,
        };
        let inner = outer.outset(-2.0, -2.0, -2.0, -2.0);
        assert!(side_pattern(LineStyle::Solid, outer, inner, 0).is_none());
        let dots = side_pattern(LineStyle::Dotted, outer, inner, 3);
        assert!(dots.is_some_and(|p| p.bounds().height() == 30.0));
    }
}

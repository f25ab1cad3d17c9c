//! Exact-area coverage against the shapes' areas and tiny-skia's supersampling.

use super::*;
use crate::geometry::rounded_rect;
use tiny_skia::{FillRule, Paint, Transform};

fn exact(rect: Rect, radii: Radii) -> Pixmap {
    let mut pixmap = Pixmap::new(48, 40).unwrap_or_else(|| panic!("pixmap"));
    if let Some(shape) = RoundedBox::new(rect, radii) {
        fill(&mut pixmap, &shape, None, [40, 120, 200, 255], Onto::Paint);
    }
    pixmap
}

fn supersampled(rect: Rect, radii: Radii) -> Pixmap {
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
            Rect {
                x: 4.0,
                y: 4.0,
                width: 30.0,
                height: 20.0,
            },
            0.0,
            600.0,
        ),
        (
            Rect {
                x: 4.5,
                y: 4.25,
                width: 30.0,
                height: 20.0,
            },
            0.0,
            600.0,
        ),
        (
            Rect {
                x: 4.3,
                y: 3.7,
                width: 30.0,
                height: 20.0,
            },
            6.0,
            600.0 - 4.0 * quarter(6.0),
        ),
        (
            Rect {
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
            Rect {
                x: 4.0,
                y: 4.0,
                width: 30.0,
                height: 20.0,
            },
            Radii([(5.0, 5.0); 4]),
        ),
        (
            Rect {
                x: 3.5,
                y: 2.5,
                width: 40.0,
                height: 33.0,
            },
            Radii([(12.0, 6.0), (0.0, 0.0), (3.0, 9.0), (20.0, 20.0)]),
        ),
        (
            Rect {
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
    let outer_rect = Rect {
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
    fill(&mut ring, &outer, Some(&inner), [0, 0, 0, 255], Onto::Paint);
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
        Rect {
            x: 0.0,
            y: 0.0,
            width: 4.0,
            height: 4.0,
        },
        Radii::default(),
    )
    .unwrap_or_else(|| panic!("shape"));
    fill(&mut pixmap, &shape, None, [128, 0, 0, 128], Onto::Paint);
    let p = pixmap.pixel(1, 1).unwrap_or_else(|| panic!("pixel"));
    assert_eq!(
        (p.red(), p.green(), p.blue(), p.alpha()),
        (128, 0, 127, 255)
    );
}

#[test]
fn shapes_outside_the_pixmap_or_degenerate_draw_nothing() {
    for rect in [
        Rect {
            x: -100.0,
            y: 4.0,
            width: 30.0,
            height: 20.0,
        },
        Rect {
            x: 4.0,
            y: 400.0,
            width: 30.0,
            height: 20.0,
        },
        Rect {
            x: 4.0,
            y: 4.0,
            width: 0.0,
            height: 20.0,
        },
        Rect {
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
    let at = |x: f32, y: f32| Rect {
        x,
        y,
        width: 20.25,
        height: 17.5,
    };
    let forget = spans::forget;
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
    let inside = Rect {
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

#[test]
fn a_fill_onto_clear_pixels_stores_what_blending_would_draw() {
    // Fractional edges and elliptical corners give runs at partial
    // coverage and per-pixel masks; clear, translucent and opaque colours.
    let rect = Rect {
        x: 3.3,
        y: 2.6,
        width: 37.1,
        height: 30.7,
    };
    let radii = Radii([(7.5, 4.0), (0.0, 0.0), (3.2, 9.0), (12.0, 12.0)]);
    let inner_rect = rect.outset(-2.5, -1.25, -2.5, -3.0);
    let inner_radii = radii.inner(2.5, 1.25, 2.5, 3.0);
    let outer = RoundedBox::new(rect, radii).unwrap_or_else(|| panic!("shape"));
    let inner = RoundedBox::new(inner_rect, inner_radii).unwrap_or_else(|| panic!("shape"));
    for hole in [None, Some(&inner)] {
        for color in [[40, 120, 200, 255], [20, 0, 51, 77], [1, 1, 1, 1]] {
            let draw = |onto| {
                let mut pixmap = Pixmap::new(48, 40).unwrap_or_else(|| panic!("pixmap"));
                fill(&mut pixmap, &outer, hole, color, onto);
                pixmap
            };
            let (stored, blended) = (draw(Onto::Clear), draw(Onto::Paint));
            assert!(total_alpha(&blended) > 0.0);
            assert_eq!(
                stored.data(),
                blended.data(),
                "{color:?}, hole {}",
                hole.is_some()
            );
        }
    }
}

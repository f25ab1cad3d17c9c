//! Palette resolution, and palette changes without re-matching.

mod common;

use common::*;
use std::sync::Arc;
use union_model::values::{Color, ColorRole as R, ColorSet as S, Rgba};
use union_model::{Element, Palette, PropertyId as P, Query, Styler, Value};

fn close(a: Rgba, b: Rgba) -> bool {
    let d = |x: f32, y: f32| (x - y).abs() < 1.0 / 255.0;
    d(a.r, b.r) && d(a.g, b.g) && d(a.b, b.b) && d(a.a, b.a)
}

#[test]
fn palette_resolution_table() {
    let mut palette = Palette::new();
    palette.set(S::Button, R::BackgroundNormal, Rgba::rgb8(10, 20, 30));
    palette.set(S::Window, R::ForegroundNormal, Rgba::rgb8(200, 0, 0));
    let current = Rgba::rgb8(0, 0, 255);
    let half_red = Rgba::new(1.0, 0.0, 0.0, 0.5);
    let table: Vec<(&str, Color, Rgba)> = vec![
        (
            "literal",
            Color::Rgba(Rgba::rgb8(1, 2, 3)),
            Rgba::rgb8(1, 2, 3),
        ),
        (
            "stored role",
            Color::palette(S::Button, R::BackgroundNormal),
            Rgba::rgb8(10, 20, 30),
        ),
        (
            "missing role falls back to the window set",
            Color::palette(S::View, R::ForegroundNormal),
            Rgba::rgb8(200, 0, 0),
        ),
        (
            "missing everywhere falls back to Breeze Light",
            Color::palette(S::Selection, R::BackgroundNormal),
            Rgba::rgb8(61, 174, 233),
        ),
        ("currentColor", Color::CurrentColor, current),
        (
            "mix halfway",
            Color::Rgba(Rgba::BLACK).mix(Color::Rgba(Rgba::WHITE), 0.5),
            Rgba::new(0.5, 0.5, 0.5, 1.0),
        ),
        (
            "mix amount 0 is the first colour",
            Color::Rgba(Rgba::BLACK).mix(Color::Rgba(Rgba::WHITE), 0.0),
            Rgba::BLACK,
        ),
        (
            "mix with transparent keeps the hue",
            Color::Rgba(Rgba::rgb8(255, 0, 0)).mix(Color::TRANSPARENT, 0.5),
            half_red,
        ),
        (
            "alpha multiplies",
            Color::Rgba(Rgba::rgb8(255, 0, 0)).with_alpha(0.5),
            half_red,
        ),
        (
            "alpha of currentColor",
            Color::CurrentColor.with_alpha(0.0),
            Rgba::new(0.0, 0.0, 1.0, 0.0),
        ),
        (
            "lighter 1 is white",
            Color::Lighter(Arc::new(Color::Rgba(Rgba::rgb8(61, 174, 233))), 1.0),
            Rgba::WHITE,
        ),
        (
            "darker 1 is black",
            Color::Darker(Arc::new(Color::Rgba(Rgba::rgb8(61, 174, 233))), 1.0),
            Rgba::BLACK,
        ),
        (
            "lighter 0 is unchanged",
            Color::Lighter(Arc::new(Color::Rgba(Rgba::rgb8(61, 174, 233))), 0.0),
            Rgba::rgb8(61, 174, 233),
        ),
        // HSL(0°, 47.6%, 58.8%) → HSL(0°, 47.6%, 29.4%): saturation is kept, so this is not an RGB halving.
        (
            "darker 0.5 halves HSL lightness",
            Color::Darker(Arc::new(Color::Rgba(Rgba::rgb8(200, 100, 100))), 0.5),
            Rgba::rgb8(111, 39, 39),
        ),
    ];
    for (name, color, expected) in table {
        let actual = palette.resolve(&color, current);
        assert!(
            close(actual, expected),
            "{name}: {color} gave {actual}, expected {expected}"
        );
    }
}

#[test]
fn deep_expressions_resolve_without_overflow() {
    let mut color = Color::Rgba(Rgba::WHITE);
    for _ in 0..10_000 {
        color = color.with_alpha(1.0);
    }
    // Past the depth bound the result is transparent, not a stack overflow.
    assert_eq!(
        Palette::new().resolve(&color, Rgba::BLACK),
        Rgba::TRANSPARENT
    );
    std::mem::forget(color); // dropping 10k nested Arcs recursively is the test's concern, not the resolver's
}

#[test]
fn overlay_replaces_only_defined_colours() {
    let base = Palette::breeze_light();
    let mut overrides = Palette::new();
    overrides.set(S::Window, R::BackgroundNormal, Rgba::rgb8(1, 1, 1));
    let merged = base.overlaid_with(&overrides);
    assert_eq!(
        merged.get(S::Window, R::BackgroundNormal),
        Some(Rgba::rgb8(1, 1, 1))
    );
    assert_eq!(
        merged.get(S::View, R::BackgroundNormal),
        base.get(S::View, R::BackgroundNormal)
    );
}

#[test]
fn changing_the_palette_needs_no_rematching() {
    let themed = theme(
        "palette",
        vec![rule(
            union_model::selectors::Selector::new(ty("Button")),
            vec![decl(
                P::BackgroundColor,
                Value::Color(Color::palette(S::Button, R::BackgroundNormal)),
            )],
        )],
    );
    let styler = Styler::new(Arc::clone(&themed));
    let query = Query::element(Element::new("Button"));
    let before = styler.query(&query);
    let light = styler.theme().palette().clone();

    let mut dark = Palette::new();
    dark.set(S::Button, R::BackgroundNormal, Rgba::rgb8(49, 54, 59));
    styler.set_theme(Arc::new(themed.with_palette(dark)));
    let after = styler.query(&query);

    // The very same cached result: no rule was matched again…
    assert!(Arc::ptr_eq(&before, &after));
    // …yet painting it gives the new colour.
    let background = after.style.background.color.value().unwrap().clone();
    let theme = styler.theme();
    assert_eq!(
        after.resolve_color(&background, theme.palette()),
        Rgba::rgb8(49, 54, 59)
    );
    assert_eq!(
        before.resolve_color(&background, &light),
        Rgba::rgb8(252, 252, 252)
    );
}

#[test]
fn current_color_is_the_elements_text_colour() {
    let themed = theme(
        "current",
        vec![rule(
            union_model::selectors::Selector::new(ty("Button")),
            vec![
                decl(P::Color, rgb(10, 20, 30)),
                decl(P::BorderTopColor, Value::Color(Color::CurrentColor)),
            ],
        )],
    );
    let styler = Styler::new(Arc::clone(&themed));
    let result = styler.query(&Query::element(Element::new("Button")));
    let border = result.style.border.top.color.value().unwrap();
    assert_eq!(
        result.resolve_color(border, themed.palette()),
        Rgba::rgb8(10, 20, 30)
    );
}

//! Pixels that follow from CSS: backgrounds, borders and their corner joins,
//! radii and their clamping, shadows, outlines, gradients, opacity, scale.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use std::sync::Arc;
use union_input_css::{SourceFile, compile_text};
use union_model::{Element, Query, Styler, Theme};
use union_skia::tiny_skia::Pixmap;
use union_skia::{RenderError, RenderOptions, render_box};

fn render(css: &str, size: (f32, f32), scale: f32, margin: f32) -> Pixmap {
    let compiled = compile_text(&SourceFile::from_text("/virtual/box.css", css));
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    let theme = Arc::new(Theme::compile(compiled.into_definition("box"), None));
    let styler = Styler::new(Arc::clone(&theme));
    let computed = styler.query(&Query::element(Element::new("Button")));
    render_box(
        &computed,
        theme.palette(),
        &RenderOptions {
            size,
            scale,
            margin,
        },
    )
    .unwrap()
}

/// (r, g, b, a), premultiplied.
fn at(pixmap: &Pixmap, x: u32, y: u32) -> (u8, u8, u8, u8) {
    let p = pixmap.pixel(x, y).unwrap();
    (p.red(), p.green(), p.blue(), p.alpha())
}

const RED: (u8, u8, u8, u8) = (255, 0, 0, 255);
const CLEAR: (u8, u8, u8, u8) = (0, 0, 0, 0);

#[test]
fn the_pixmap_is_the_box_plus_margins_times_the_scale() {
    let pixmap = render("button { background-color: red }", (100.0, 40.0), 1.5, 10.0);
    assert_eq!((pixmap.width(), pixmap.height()), (180, 90));
    assert_eq!(at(&pixmap, 14, 14), CLEAR, "the margin is transparent");
    assert_eq!(at(&pixmap, 15, 15), RED, "the box starts at margin × scale");
    assert_eq!(at(&pixmap, 164, 74), RED);
    assert_eq!(at(&pixmap, 165, 75), CLEAR);
}

#[test]
fn one_pixel_borders_are_crisp_at_integer_scales() {
    for scale in [1.0, 2.0] {
        let pixmap = render(
            "button { background-color: white; border: 1px solid #0000ff }",
            (20.0, 10.0),
            scale,
            0.0,
        );
        let s = scale as u32;
        for i in 0..s {
            assert_eq!(
                at(&pixmap, i, 5 * s),
                (0, 0, 255, 255),
                "scale {scale}: left border column {i}"
            );
            assert_eq!(
                at(&pixmap, 10 * s, i),
                (0, 0, 255, 255),
                "scale {scale}: top border row {i}"
            );
        }
        assert_eq!(
            at(&pixmap, s, 5 * s),
            (255, 255, 255, 255),
            "scale {scale}: no bleed inside"
        );
    }
}

#[test]
fn border_sides_meet_on_the_diagonal() {
    let pixmap = render(
        "button { border-style: solid; border-width: 10px; border-top-color: red; border-left-color: #00ff00; border-right-color: red; border-bottom-color: red }",
        (40.0, 40.0),
        1.0,
        0.0,
    );
    assert_eq!(at(&pixmap, 8, 2), RED, "above the diagonal: top");
    assert_eq!(
        at(&pixmap, 2, 8),
        (0, 255, 0, 255),
        "below the diagonal: left"
    );
    assert_eq!(at(&pixmap, 20, 20), CLEAR, "no background");
}

#[test]
fn a_lone_side_covers_its_edge_pixels_once() {
    // 3 px at 1.5× ends half-way through a device pixel: that row is half
    // covered, so half the colour's alpha (not a quarter, as when the
    // side's region and the ring were each antialiased along one edge).
    let pixmap = render(
        "button { border-bottom: 3px solid rgba(0, 0, 255, 0.5) }",
        (20.0, 10.0),
        1.5,
        0.0,
    );
    let column = 15;
    assert_eq!(at(&pixmap, column, 14), (0, 0, 128, 128), "whole row");
    assert_eq!(
        at(&pixmap, column, 10),
        (0, 0, 64, 64),
        "half row, premultiplied"
    );
    assert_eq!(at(&pixmap, column, 9), CLEAR, "above the side");
    // Transparent sides draw nothing, and neither do sides without a style.
    let clear = render(
        "button { border-bottom: 3px solid transparent; border-left: 2px solid red; border-left-style: none }",
        (20.0, 10.0),
        1.5,
        0.0,
    );
    assert!(clear.data().iter().all(|b| *b == 0));
}

#[test]
fn radii_round_corners_and_clamp_like_css() {
    let pixmap = render(
        "button { background-color: red; border-radius: 10px }",
        (40.0, 40.0),
        1.0,
        0.0,
    );
    assert_eq!(at(&pixmap, 0, 0), CLEAR);
    assert_eq!(at(&pixmap, 1, 1), CLEAR, "outside the quarter circle");
    assert_eq!(at(&pixmap, 20, 20), RED);
    assert_eq!(at(&pixmap, 20, 0), RED, "straight edge between corners");
    // 100px radii on a 40×20 box clamp to 10px: a pill.
    let pill = render(
        "button { background-color: red; border-radius: 100px }",
        (40.0, 20.0),
        1.0,
        0.0,
    );
    assert_eq!(at(&pill, 20, 0), RED, "the top edge survives in the middle");
    assert_eq!(at(&pill, 10, 10), RED);
    assert_eq!(at(&pill, 1, 1), CLEAR);
    assert_eq!(at(&pill, 38, 18), CLEAR);
    // Elliptical: 20px wide, 5px tall corners.
    let ellipse = render(
        "button { background-color: red; border-radius: 20px / 5px }",
        (40.0, 40.0),
        1.0,
        0.0,
    );
    assert_eq!(at(&ellipse, 4, 0), CLEAR, "still inside the wide corner");
    assert_eq!(at(&ellipse, 1, 8), RED, "already past the short corner");
}

#[test]
fn spread_shadows_surround_but_never_underlie_the_box() {
    let pixmap = render(
        "button { box-shadow: 0 0 0 5px black }",
        (20.0, 20.0),
        1.0,
        10.0,
    );
    assert_eq!(at(&pixmap, 7, 20), (0, 0, 0, 255), "inside the spread");
    assert_eq!(at(&pixmap, 3, 20), CLEAR, "beyond the spread");
    assert_eq!(at(&pixmap, 20, 20), CLEAR, "not under the box");
    let offset = render(
        "button { box-shadow: 4px 6px 0 black }",
        (20.0, 20.0),
        1.0,
        10.0,
    );
    assert_eq!(at(&offset, 32, 34), (0, 0, 0, 255), "offset right and down");
    assert_eq!(at(&offset, 12, 8), CLEAR);
}

#[test]
fn blurred_shadows_fade_like_a_gaussian() {
    let pixmap = render(
        "button { box-shadow: 0 0 10px black }",
        (40.0, 40.0),
        1.0,
        20.0,
    );
    // σ = 5: at the box edge about half the alpha remains, fading outward.
    let alphas: Vec<u8> = (0..20).map(|i| at(&pixmap, 19 - i, 40).3).collect();
    assert!(
        (100..=160).contains(&alphas[0]),
        "at the edge: {}",
        alphas[0]
    );
    assert!(
        alphas.windows(2).all(|w| w[0] >= w[1]),
        "monotonic: {alphas:?}"
    );
    assert!(alphas[15] < 5, "about 3σ out it is gone: {}", alphas[15]);
}

#[test]
fn inset_shadows_paint_inside_the_padding_box() {
    let pixmap = render(
        "button { background-color: white; box-shadow: inset 0 0 0 4px red }",
        (30.0, 30.0),
        1.0,
        0.0,
    );
    assert_eq!(at(&pixmap, 2, 15), RED);
    assert_eq!(at(&pixmap, 15, 15), (255, 255, 255, 255));
}

#[test]
fn outlines_sit_outside_beyond_their_offset() {
    let pixmap = render(
        "button { background-color: white; outline: 2px solid red; outline-offset: 2px }",
        (20.0, 20.0),
        1.0,
        10.0,
    );
    assert_eq!(at(&pixmap, 7, 20), RED, "between offset and offset + width");
    assert_eq!(at(&pixmap, 9, 20), CLEAR, "the offset gap");
    assert_eq!(at(&pixmap, 5, 20), CLEAR, "beyond the outline");
}

#[test]
fn a_negative_outline_offset_draws_inside_the_border_edge() {
    // The outline's outer edge is 4 px inside the border box, over the
    // background (CSS Basic UI: `outline-offset` may be negative).
    let pixmap = render(
        "button { background-color: white; outline: 1px solid red; outline-offset: -4px }",
        (20.0, 20.0),
        1.0,
        10.0,
    );
    let white = (255, 255, 255, 255);
    assert_eq!(
        at(&pixmap, 13, 20),
        RED,
        "the outline, 3 px in from the edge"
    );
    assert_eq!(
        at(&pixmap, 12, 20),
        white,
        "between the edge and the outline"
    );
    assert_eq!(at(&pixmap, 14, 20), white, "inside the outline");
    assert_eq!(at(&pixmap, 9, 20), CLEAR, "nothing outside the box");
}

#[test]
fn hostile_shadows_draw_what_can_show_without_exhausting_memory() {
    // (css, what the box's own pixel is): huge blurs, spreads and offsets,
    // outer and inset, draw quickly; the box itself is intact.
    let cases = [
        "box-shadow: 0 0 100000px red",
        "box-shadow: 0 0 2px 1000000px red",
        "box-shadow: inset 0 0 100000px red",
        "box-shadow: inset 0 0 2px 1000000px red",
        "box-shadow: 1000000px 1000000px 3000px red",
        "box-shadow: 0 0 3000px red, inset 0 0 3000px blue",
    ];
    for shadow in cases {
        let pixmap = render(
            &format!("button {{ background-color: white; {shadow} }}"),
            (61.0, 31.0),
            1.0,
            8.0,
        );
        assert_eq!((pixmap.width(), pixmap.height()), (77, 47), "{shadow}");
        let centre = at(&pixmap, 38, 23);
        assert_eq!(centre.3, 255, "{shadow}: the box is drawn: {centre:?}");
    }
    // A huge spread covers the whole margin in the shadow's colour.
    let pixmap = render(
        "button { background-color: white; box-shadow: 0 0 0 1000000px red }",
        (20.0, 20.0),
        1.0,
        4.0,
    );
    assert_eq!(at(&pixmap, 1, 1), RED);
}

#[test]
fn gradients_follow_css_geometry() {
    let pixmap = render(
        "button { background-image: linear-gradient(to right, red, blue) }",
        (100.0, 10.0),
        1.0,
        0.0,
    );
    let left = at(&pixmap, 0, 5);
    let right = at(&pixmap, 99, 5);
    let middle = at(&pixmap, 50, 5);
    assert!(left.0 > 250 && left.2 < 5, "{left:?}");
    assert!(right.2 > 250 && right.0 < 5, "{right:?}");
    assert!(
        (middle.0 as i32 - 127).abs() < 4 && (middle.2 as i32 - 127).abs() < 4,
        "{middle:?}"
    );
    let radial = render(
        "button { background-image: radial-gradient(circle 10px at 50% 50%, red, blue) }",
        (40.0, 40.0),
        1.0,
        0.0,
    );
    // Pixel (20, 20) is centred 0.707 px from the centre: 7% of the way to blue.
    let centre = at(&radial, 20, 20);
    assert!(
        (centre.0 as i32 - 237).abs() <= 2 && (centre.2 as i32 - 18).abs() <= 2,
        "{centre:?}"
    );
    // Pixel (10, 20) is centred 9.5 px out: 95% blue.
    let near_edge = at(&radial, 10, 20);
    assert!((near_edge.0 as i32 - 13).abs() <= 2, "{near_edge:?}");
    assert_eq!(at(&radial, 0, 0), (0, 0, 255, 255), "blue past the radius");
}

#[test]
fn opacity_fades_the_whole_element_and_palette_colours_resolve() {
    let pixmap = render(
        "@palette button { background-normal: #ff0000; }\nbutton { background-color: palette(button, background-normal); opacity: 0.5 }",
        (10.0, 10.0),
        1.0,
        0.0,
    );
    assert_eq!(at(&pixmap, 5, 5), (128, 0, 0, 128));
    let hidden = render(
        "button { background-color: red; visibility: hidden }",
        (10.0, 10.0),
        1.0,
        0.0,
    );
    assert_eq!(at(&hidden, 5, 5), CLEAR);
}

#[test]
fn bad_sizes_are_errors_not_panics() {
    let computed = union_model::ComputedStyle::default();
    let palette = union_model::Palette::new();
    let options = |size, scale| RenderOptions {
        size,
        scale,
        margin: 0.0,
    };
    assert_eq!(
        render_box(&computed, &palette, &options((f32::NAN, 1.0), 1.0)).unwrap_err(),
        RenderError::InvalidSize
    );
    assert_eq!(
        render_box(&computed, &palette, &options((1.0, 1.0), 0.0)).unwrap_err(),
        RenderError::InvalidSize
    );
    assert!(matches!(
        render_box(&computed, &palette, &options((1e6, 1.0), 1.0)),
        Err(RenderError::TooLarge(..))
    ));
    assert!(
        render_box(&computed, &palette, &options((0.0, 0.0), 1.0)).is_ok(),
        "an empty box draws nothing"
    );
}

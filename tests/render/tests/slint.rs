//! The Slint output against the tiny-skia reference: every catalogue
//! control in every state, in Breeze and Breeze Dark, drawn by both from
//! the same request and compared pixel by pixel.
//!
//! Boxes and icons: the cases carry no text, because Slint sets text in
//! its own fonts with its own rasteriser. Per capability, the tolerance
//! and its reason:
//!
//! - **boxes** (fills, borders, circular corners, outlines): a channel may
//!   differ by up to 48/255 on at most 2.5 % of the pixels — Slint's
//!   software renderer antialiases rounded corners with its own coverage
//!   (a distance field), so edge pixels of curves differ;
//! - **icons**: resvg rasterises them for both, at the same device size;
//!   Slint scales the image once more, so they fall under the boxes'
//!   tolerance;
//! - **gaps** the output reports (shadows, which the software renderer
//!   does not draw; elliptical corners; frames; images; inset shadows;
//!   per-side borders with radii): listed, not compared.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "a test reports its agreement table"
)]

use std::sync::Arc;
use union_gallery::pages::control_matrix;
use union_model::scene::SceneRequest;
use union_model::{Context, Query, Styler};
use union_render_tests::{bundled_theme, root};
use union_skia::tiny_skia::IntSize;
use union_skia::{Fonts, Images, Renderer};
use union_test_support::image::{compare, write_diff_image};

const PER_CHANNEL: u8 = 48;
const BOX_SHARE: f32 = 0.025;
/// Curves: Slint's software renderer covers the antialiased pixels of
/// circles and rounded corners by its own rule, thinner than the exact
/// area (measured on Breeze's 20 px radio circle: the top row's middle
/// pixels 207 where the reference has 255, the 45° pixels 111 for 229).
/// Edge pixels of curves may differ by up to 128/255; a corner drawn
/// square instead of round, or a curve a pixel out of place, still
/// differs by more.
const CURVE_PER_CHANNEL: u8 = 128;

#[test]
fn every_control_looks_like_the_reference_through_slint() {
    let icons = vec![root().join("themes/icons")];
    let mut reference = Renderer::new(
        Fonts::deterministic().unwrap(),
        Images::with_fallback(icons.clone()),
    );
    let mut slint =
        union_slint::SceneDrawer::new(union_model::icons::IconLookup::with_fallback(icons));
    let diffs = root().join("target/snapshot-diffs/slint");
    let mut themes = std::collections::HashMap::new();
    let mut failures = Vec::new();
    let mut table = Vec::new();
    let mut compared = 0;
    let mut cases = 0;
    for case in control_matrix(&["breeze", "breeze-dark"]) {
        cases += 1;
        let theme = themes
            .entry(case.theme.clone())
            .or_insert_with(|| bundled_theme(&case.theme));
        let styler = Styler::new(Arc::clone(theme));
        let query = Query::new(
            union_model::chain::parse_chain(&case.element).unwrap(),
            Context::default(),
        );
        let request = SceneRequest {
            size: case.size,
            text: Some(""),
            ..SceneRequest::new(&query)
        };
        let scene = reference.scene(&styler, &request).unwrap();
        let expected = reference.paint(&scene, theme.palette(), 1.0, 4.0).unwrap();
        let drawn = slint.draw(&scene, theme.palette(), 1.0, 4.0).unwrap();
        let frame = drawn.frame;
        let size = IntSize::from_wh(frame.width, frame.height).unwrap();
        let actual = union_test_support::image::from_straight_rgba(frame.rgba, size);
        assert_eq!(
            (actual.width(), actual.height()),
            (expected.pixmap.width(), expected.pixmap.height()),
            "{}: both draw the scene's size",
            case.name
        );
        let curved = std::iter::once(&scene.style)
            .chain(scene.parts.iter().map(|p| &p.style))
            .any(|s| {
                let c = &s.style.corners;
                [&c.top_left, &c.top_right, &c.bottom_right, &c.bottom_left]
                    .iter()
                    .any(|r| r.value().is_some_and(|r| !matches!(r.x, union_model::values::LengthPercentage::Length(l) if l.px().is_some_and(|x| x < 2.0))))
            });
        let per_channel = if curved {
            CURVE_PER_CHANNEL
        } else {
            PER_CHANNEL
        };
        let comparison = compare(&expected.pixmap, &actual, per_channel);
        let share = comparison.differing as f32 / (actual.width() * actual.height()) as f32;
        let status = if !drawn.gaps.is_empty() {
            format!(
                "gap: {}",
                drawn
                    .gaps
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        } else if share <= BOX_SHARE {
            compared += 1;
            "ok".to_owned()
        } else {
            compared += 1;
            write_diff_image(&diffs, &case.name, &expected.pixmap, &actual, per_channel);
            failures.push(format!(
                "{}: {:.1} % of pixels differ",
                case.name,
                share * 100.0
            ));
            "FAILS".to_owned()
        };
        table.push(format!(
            "{:40} {:5.1} %  {status}",
            case.name,
            share * 100.0
        ));
    }
    println!("Slint against tiny-skia (share of pixels over {PER_CHANNEL}/255):");
    for line in &table {
        println!("  {line}");
    }
    println!("{compared} of {cases} cases compared");
    assert!(compared > 100, "only {compared} cases compared");
    assert!(
        failures.is_empty(),
        "Slint differs from the reference (see {}):\n{}",
        diffs.display(),
        failures.join("\n")
    );
}

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

use union_render_tests::agreement::{self, Allowance, Drawing};
use union_render_tests::root;
use union_skia::tiny_skia::{IntSize, Pixmap};

const BOXES: Allowance = Allowance {
    per_channel: 48,
    share: 0.025,
};
/// Curves: Slint's software renderer covers the antialiased pixels of
/// circles and rounded corners by its own rule, thinner than the exact
/// area (measured on Breeze's 20 px radio circle: the top row's middle
/// pixels 207 where the reference has 255, the 45° pixels 111 for 229).
/// Edge pixels of curves may differ by up to 128/255; a corner drawn
/// square instead of round, or a curve a pixel out of place, still
/// differs by more.
const CURVES: Allowance = Allowance {
    per_channel: 128,
    share: 0.025,
};

#[test]
fn every_control_looks_like_the_reference_through_slint() {
    let mut slint =
        union_slint::SceneDrawer::new(union_model::icons::IconLookup::with_fallback(vec![
            root().join("themes/icons"),
        ]));
    let result = agreement::every_control(
        "slint",
        |scene, palette| {
            let drawn = slint.draw(scene, palette, 1.0, 4.0).unwrap();
            let size = IntSize::from_wh(drawn.frame.width, drawn.frame.height).unwrap();
            Drawing {
                pixmap: Pixmap::from_vec(drawn.frame.premultiplied(), size).unwrap(),
                gaps: drawn.gaps.iter().map(ToString::to_string).collect(),
            }
        },
        |scene| {
            if agreement::has_curves(scene) {
                CURVES
            } else {
                BOXES
            }
        },
    );
    println!("Slint against tiny-skia (share of pixels over the allowance's channel difference):");
    for line in &result.table {
        println!("  {line}");
    }
    println!("{} of {} cases compared", result.compared, result.cases);
    assert!(
        result.compared > 200,
        "only {} cases compared",
        result.compared
    );
    assert!(
        result.failures.is_empty(),
        "Slint differs from the reference (see target/snapshot-diffs/slint):\n{}",
        result.failures.join("\n")
    );
}

//! The egui output against the tiny-skia reference: every catalogue
//! control in every state, in Breeze and Breeze Dark, drawn by both from
//! the same request and compared pixel by pixel.
//!
//! Boxes and icons: the cases carry no text, because egui sets text in its
//! own fonts with its own rasteriser. Per capability, the tolerance and its
//! reason:
//!
//! - **boxes** (fills, borders, circular corners, outlines): a channel may
//!   differ by up to 48/255 on at most 2.5 % of the pixels — egui feathers
//!   every edge over one pixel where union-skia computes the exact covered
//!   area, so antialiased edge pixels differ, and egui's corners are
//!   polygons of a few segments;
//! - **icons**: resvg rasterises them for both at the same device size and
//!   place; egui samples the texture bilinearly, so they fall under the
//!   boxes' tolerance;
//! - **shadows**: egui blurs with a feathered rectangle, not a gaussian:
//!   cases whose control casts a shadow allow 5 % of the pixels;
//! - **gaps** egui reports (elliptical corners, frames, images, inset
//!   shadows, per-side borders with radii): listed, not compared.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "a test reports its agreement table"
)]

use std::sync::Arc;
use union_gallery::pages::control_matrix;
use union_model::scene::SceneRequest;
use union_model::{Context, Query, Styler};
use union_render_tests::agreement::{self, Allowance, Drawing};
use union_render_tests::{bundled_theme, root};
use union_skia::tiny_skia::{IntSize, Pixmap};
use union_skia::{Fonts, Images, Renderer};

const BOXES: Allowance = Allowance {
    per_channel: 48,
    share: 0.025,
};
const SHADOWS: Allowance = Allowance {
    per_channel: 48,
    share: 0.05,
};

#[test]
fn every_control_looks_like_the_reference_through_egui() {
    let mut egui =
        union_egui::Headless::with_icons(union_model::icons::IconLookup::with_fallback(vec![
            root().join("themes/icons"),
        ]));
    let result = agreement::every_control(
        "egui",
        |scene, palette| {
            let drawn = egui.paint(scene, palette, 1.0, 4.0);
            let size = IntSize::from_wh(drawn.canvas.width, drawn.canvas.height).unwrap();
            Drawing {
                pixmap: Pixmap::from_vec(drawn.canvas.pixels, size).unwrap(),
                gaps: drawn.gaps.iter().map(ToString::to_string).collect(),
            }
        },
        |scene| {
            if agreement::has_shadows(scene) {
                SHADOWS
            } else {
                BOXES
            }
        },
    );
    println!("egui against tiny-skia (share of pixels over the allowance's channel difference):");
    for line in &result.table {
        println!("  {line}");
    }
    assert!(
        result.compared > 100,
        "only {} cases compared",
        result.compared
    );
    assert!(
        result.failures.is_empty(),
        "egui differs from the reference (see target/snapshot-diffs/egui):\n{}",
        result.failures.join("\n")
    );
}

/// With the reference's font file, egui makes the same room for text:
/// every label of every control measures within 1 % (+ ¼ px) of
/// union-skia's width (two shapers, the same advances) and within 2 px of
/// its height (egui rounds its line height to whole points).
#[test]
fn text_takes_the_same_room_with_the_same_font() {
    let mut reference = Renderer::new(
        Fonts::deterministic().unwrap(),
        Images::with_fallback(Vec::new()),
    );
    let mut egui = union_egui::Headless::new();
    let font = std::path::Path::new(union_skia::DEFAULT_FONT_DIR).join("DejaVuSans.ttf");
    assert!(egui.use_font_file(&font), "{}", font.display());
    let theme = bundled_theme("breeze");
    let styler = Styler::new(Arc::clone(&theme));
    let mut checked = 0;
    for case in control_matrix(&["breeze"]) {
        let query = Query::new(
            union_model::chain::parse_chain(&case.element).unwrap(),
            Context::default(),
        );
        let request = SceneRequest {
            size: case.size,
            ..SceneRequest::new(&query)
        };
        let ours = reference.scene(&styler, &request).unwrap();
        let theirs = union_egui::Headless::scene(&mut egui, &styler, &request).unwrap();
        let text = |scene: &union_model::scene::ControlScene| {
            scene
                .parts
                .iter()
                .find(|p| p.kind() == "Text")
                .map(|p| p.rect)
        };
        let (Some(a), Some(b)) = (text(&ours), text(&theirs)) else {
            continue;
        };
        if case.size.is_some() {
            continue;
        }
        assert!(
            (a.width - b.width).abs() <= a.width * 0.01 + 0.25,
            "{}: text {} wide in union-skia, {} in egui",
            case.name,
            a.width,
            b.width
        );
        assert!(
            (a.height - b.height).abs() <= 2.0,
            "{}: text {} high in union-skia, {} in egui",
            case.name,
            a.height,
            b.height
        );
        checked += 1;
    }
    assert!(checked > 50, "{checked} labels compared");
}

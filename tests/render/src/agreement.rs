//! One output against the tiny-skia reference: every catalogue control in
//! every state, in Breeze and Breeze Dark, laid out once by the reference
//! and drawn by both, compared pixel by pixel within the output's own
//! tolerance for each case.
//!
//! The cases carry no text: outputs set text in their own fonts with
//! their own rasterisers (text has its own tests). A case the output
//! reports gaps for is listed, not compared.

use std::collections::HashMap;
use std::sync::Arc;
use tiny_skia::Pixmap;
use union_gallery::pages::control_matrix;
use union_model::scene::{ControlScene, SceneRequest};
use union_model::{Context, Palette, Query, Styler};
use union_skia::{Fonts, Images, Renderer};
use union_test_support::image::{compare, write_diff_image};

/// How different one case may be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Allowance {
    /// Largest channel difference that still counts as the same.
    pub per_channel: u8,
    /// Share of the pixels (0–1) that may differ by more.
    pub share: f32,
}

/// What an output drew for one scene.
#[derive(Debug)]
pub struct Drawing {
    /// The pixels, the size of the reference's.
    pub pixmap: Pixmap,
    /// What the output could not draw as asked (the case is then listed,
    /// not compared).
    pub gaps: Vec<String>,
}

/// The outcome over every case.
#[derive(Debug, Default)]
pub struct Agreement {
    /// One line per case: name, share of differing pixels, status.
    pub table: Vec<String>,
    /// Cases compared.
    pub compared: usize,
    /// Cases in all.
    pub cases: usize,
    /// Cases over their allowance.
    pub failures: Vec<String>,
}

/// Draws every case with the reference and with `draw`, compares them
/// with `allowance(scene)`, and writes `expected | diff | actual` under
/// `target/snapshot-diffs/<output>/` for a case over its allowance.
///
/// # Panics
/// When the reference cannot lay out or draw a case, or an output draws
/// another size than the reference.
pub fn every_control(
    output: &str,
    mut draw: impl FnMut(&Arc<ControlScene>, &Palette) -> Drawing,
    allowance: impl Fn(&ControlScene) -> Allowance,
) -> Agreement {
    let icons = vec![crate::root().join("themes/icons")];
    #[allow(
        clippy::unwrap_used,
        reason = "the reference's fonts are in the repository"
    )]
    let mut reference = Renderer::new(
        Fonts::deterministic().unwrap(),
        Images::with_fallback(icons),
    );
    let diffs = crate::root().join("target/snapshot-diffs").join(output);
    let mut themes = HashMap::new();
    let mut agreement = Agreement::default();
    for case in control_matrix(&["breeze", "breeze-dark"]) {
        agreement.cases += 1;
        let theme = themes
            .entry(case.theme.clone())
            .or_insert_with(|| crate::bundled_theme(&case.theme));
        let styler = Styler::new(Arc::clone(theme));
        #[allow(clippy::unwrap_used, reason = "the matrix's chains parse")]
        let query = Query::new(
            union_model::chain::parse_chain(&case.element).unwrap(),
            Context::default(),
        );
        let request = SceneRequest {
            size: case.size,
            text: Some(""),
            ..SceneRequest::new(&query)
        };
        #[allow(clippy::unwrap_used, reason = "the reference draws every case")]
        let scene = reference.scene(&styler, &request).unwrap();
        #[allow(clippy::unwrap_used, reason = "the reference draws every case")]
        let expected = reference.paint(&scene, theme.palette(), 1.0, 4.0).unwrap();
        let drawing = draw(&scene, theme.palette());
        let actual = drawing.pixmap;
        assert_eq!(
            (actual.width(), actual.height()),
            (expected.pixmap.width(), expected.pixmap.height()),
            "{}: both draw the scene's size",
            case.name
        );
        let allowed = allowance(&scene);
        let comparison = compare(&expected.pixmap, &actual, allowed.per_channel);
        let share = comparison.differing as f32 / (actual.width() * actual.height()) as f32;
        let status = if !drawing.gaps.is_empty() {
            format!("gap: {}", drawing.gaps.join("; "))
        } else if share <= allowed.share {
            agreement.compared += 1;
            "ok".to_owned()
        } else {
            agreement.compared += 1;
            write_diff_image(
                &diffs,
                &case.name,
                &expected.pixmap,
                &actual,
                allowed.per_channel,
            );
            agreement.failures.push(format!(
                "{}: {:.1} % of pixels differ",
                case.name,
                share * 100.0
            ));
            "FAILS".to_owned()
        };
        agreement.table.push(format!(
            "{:40} {:5.1} %  {status}",
            case.name,
            share * 100.0
        ));
    }
    agreement
}

/// Whether any box of `scene` has a rounded corner of 2 px or more (or a
/// percentage radius).
pub fn has_curves(scene: &ControlScene) -> bool {
    std::iter::once(&scene.style)
        .chain(scene.parts.iter().map(|p| &p.style))
        .any(|s| {
            let c = &s.style.corners;
            [&c.top_left, &c.top_right, &c.bottom_right, &c.bottom_left]
                .iter()
                .any(|r| {
                    r.value().is_some_and(|r| {
                        !matches!(r.x, union_model::values::LengthPercentage::Length(l)
                            if l.px().is_some_and(|x| x < 2.0))
                    })
                })
        })
}

/// Whether any box of `scene` casts a shadow.
pub fn has_shadows(scene: &ControlScene) -> bool {
    std::iter::once(&scene.style)
        .chain(scene.parts.iter().map(|p| &p.style))
        .any(|s| s.style.shadow.layers.value().is_some())
}

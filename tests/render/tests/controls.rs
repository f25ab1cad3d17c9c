//! Every catalogue control in every state, in Breeze and Breeze Dark, drawn
//! whole (box, text, icons, indicators, handles) by the tiny-skia output at
//! its implicit size, against its snapshots: the control's scene is built
//! (measured by union-skia's fonts), then painted.

use std::path::Path;
use union_gallery::pages::control_matrix;
use union_model::scene::SceneRequest;
use union_model::{Query, Styler};
use union_render_tests::{bundled_theme, root};
use union_skia::{Fonts, Images, Renderer};
use union_test_support::image::{Tolerance, assert_png_snapshot};

/// Text is rasterised by the same code from the same font files, so the
/// only differences allowed are rounding in the last bit of a few pixels.
const TOLERANCE: Tolerance = Tolerance {
    per_channel: 2,
    max_pixels: 4,
};

#[test]
fn every_control_in_every_state() {
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots/skia/controls");
    let diffs = root().join("target/snapshot-diffs/skia/controls");
    let fonts =
        Fonts::deterministic().unwrap_or_else(|e| panic!("{e} (install fonts-dejavu-core)"));
    let mut renderer = Renderer::new(
        fonts,
        Images::with_fallback(vec![root().join("themes/icons")]),
    );
    let cases = control_matrix(&["breeze", "breeze-dark"]);
    let per_theme: usize = union_model::catalogue::CONTROLS
        .iter()
        .map(|c| 1 + c.states.len())
        .sum();
    assert_eq!(
        cases.len(),
        2 * per_theme,
        "every control, state and theme has a case"
    );
    let mut themes = std::collections::HashMap::new();
    for case in &cases {
        let theme = themes
            .entry(case.theme.clone())
            .or_insert_with(|| bundled_theme(&case.theme));
        let styler = Styler::new(std::sync::Arc::clone(theme));
        let chain = union_model::chain::parse_chain(&case.element)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let query = Query::new(chain, union_model::Context::default());
        let request = SceneRequest {
            size: case.size,
            ..SceneRequest::new(&query)
        };
        let scene = renderer
            .scene(&styler, &request)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let rendered = renderer
            .paint(&scene, theme.palette(), 1.0, 4.0)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert!(
            rendered.size.0 >= 1.0 && rendered.size.1 >= 1.0,
            "{}: the control has no size: {:?}",
            case.name,
            rendered.size
        );
        assert_png_snapshot(
            &snapshots,
            &diffs,
            &format!("{}@1x", case.name),
            &rendered.pixmap,
            TOLERANCE,
        );
    }
}

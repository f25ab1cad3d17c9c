//! `union export`'s contact sheet (the README's main job), light and dark,
//! against its snapshots: every control in every state, labelled, laid out
//! in one grid. A control that stops drawing, a row that goes missing or a
//! label that moves shows up here.

use union_gallery::cells::Settings;
use union_gallery::export::contact_sheet;
use union_model::ColorScheme;
use union_render_tests::{bundled_theme, root};
use union_skia::{Fonts, Images, Renderer};
use union_test_support::image::{Tolerance, assert_png_snapshot};

/// The same code draws the same pixels from the same fonts; a few pixels
/// may round differently.
const TOLERANCE: Tolerance = Tolerance {
    per_channel: 2,
    max_pixels: 16,
};

#[test]
fn contact_sheets_of_the_bundled_themes() {
    let snapshots = root().join("tests/render/snapshots/skia/export");
    let diffs = root().join("target/snapshot-diffs/skia/export");
    for (theme, scheme) in [
        ("breeze", ColorScheme::Light),
        ("breeze-dark", ColorScheme::Dark),
    ] {
        let mut renderer = Renderer::new(
            Fonts::deterministic().unwrap_or_else(|e| panic!("{e} (install fonts-dejavu-core)")),
            Images::with_fallback(vec![root().join("themes/icons")]),
        );
        let mut seen = Vec::new();
        let settings = Settings {
            scheme,
            ..Settings::default()
        };
        let sheet = contact_sheet(
            &bundled_theme(theme),
            &settings,
            &mut renderer,
            None,
            &mut |_, name| seen.push(name.to_owned()),
        )
        .unwrap_or_else(|e| panic!("{theme}: {e}"));
        assert_eq!(
            seen.len(),
            union_model::catalogue::CONTROLS.len(),
            "progress names every control"
        );
        assert_png_snapshot(
            &snapshots,
            &diffs,
            &format!("{theme}@1x"),
            &sheet,
            TOLERANCE,
        );
    }
}

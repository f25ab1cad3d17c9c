//! union-skia against headless Chromium: each box of `cases/browser.toml`
//! drawn by both, compared pixel by pixel.
//!
//! Tolerance: the two rasterisers place every edge at the same place but
//! antialias differently (Skia's analytic coverage against tiny-skia's
//! supersampling, different gaussian approximations for blurred shadows),
//! so a pixel may differ by up to [`PER_CHANNEL`] anywhere, and more only on
//! anti-aliased edges: at most [`EDGE_SHARE`] of the pixels the box covers
//! with its shadow and outline. A layout error (a box one pixel off, a wrong
//! radius or a missing shadow) breaks whole rows of pixels and exceeds it.

use union_input_css::{SourceFile, compile_text};
use union_model::{Element, Query, Styler, Theme};
use union_render_tests::{BrowserCase, browser_cases, root};
use union_skia::{RenderOptions, render_box};
use union_test_support::image::{compare, write_diff_image};

/// Per-channel difference every pixel may have (of 255).
const PER_CHANNEL: u8 = 24;

/// Share of the picture's pixels that may differ by more: edges only.
const EDGE_SHARE: f32 = 0.03;

fn render(case: &BrowserCase) -> tiny_skia::Pixmap {
    let compiled = compile_text(&SourceFile::from_text(
        case.union_css_path().display().to_string(),
        case.union_css(),
    ));
    assert!(
        compiled.diagnostics.is_empty(),
        "{}: {:?}",
        case.name,
        compiled.diagnostics
    );
    let theme = std::sync::Arc::new(Theme::compile(compiled.into_definition("browser"), None));
    let computed =
        Styler::new(std::sync::Arc::clone(&theme)).query(&Query::element(Element::new("Widget")));
    let options = RenderOptions {
        size: (case.size[0], case.size[1]),
        scale: case.scale,
        margin: case.margin,
    };
    render_box(&computed, theme.palette(), &options)
        .unwrap_or_else(|e| panic!("{}: {e}", case.name))
}

#[test]
fn union_skia_draws_boxes_like_chromium() {
    let references = root().join("tests/render/snapshots/chromium");
    let diffs = root().join("target/snapshot-diffs/chromium");
    let cases = browser_cases();
    assert!(cases.len() >= 30, "at least 30 browser cases");
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for case in &cases {
        let path = references.join(case.file_name());
        let expected = tiny_skia::Pixmap::load_png(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/browser-references)", path.display()));
        let actual = render(case);
        assert_eq!(
            (actual.width(), actual.height()),
            (expected.width(), expected.height()),
            "{}: size",
            case.name
        );
        let result = compare(&expected, &actual, PER_CHANNEL);
        let allowed = (EDGE_SHARE * (actual.width() * actual.height()) as f32) as usize;
        report.push(format!(
            "{:<32} max difference {:>3}, {:>4} pixels over {PER_CHANNEL} (allowed {allowed})",
            case.name, result.max_difference, result.differing
        ));
        // Every comparison is written, for review: expected | diff | actual.
        write_diff_image(&diffs, &case.name, &expected, &actual, PER_CHANNEL);
        if result.differing > allowed {
            failures.push(case.name.clone());
        }
    }
    let report = report.join("\n");
    std::fs::create_dir_all(root().join("target")).ok();
    std::fs::write(root().join("target/chromium-comparison.txt"), &report).ok();
    assert!(
        failures.is_empty(),
        "differ from Chromium: {failures:?}\n{report}"
    );
}

/// The checked-in references are what Chromium draws today: a few cases
/// (one per property family) are drawn again and must match exactly but for
/// rounding. Needs Debian's `chromium` (the test command installs it).
#[test]
fn checked_in_references_are_what_chromium_draws() {
    let browser = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".to_owned());
    let pages = union_test_support::TempFolder::new("chromium");
    let references = root().join("tests/render/snapshots/chromium");
    let sample = [
        "radius-clamped-elliptical",
        "borders-per-side-rounded",
        "gradient-angle-stops",
        "shadow-blur-spread-rounded",
        "outline-offset-rounded",
        "scale-2-shadow",
    ];
    for case in browser_cases()
        .iter()
        .filter(|c| sample.contains(&c.name.as_str()))
    {
        let fresh = pages.path().join(case.file_name());
        union_render_tests::draw_with_chromium(&browser, case, pages.path(), &fresh)
            .unwrap_or_else(|e| panic!("{e} (install chromium or set CHROMIUM)"));
        let fresh = tiny_skia::Pixmap::load_png(&fresh).unwrap_or_else(|e| panic!("{e}"));
        let stored = tiny_skia::Pixmap::load_png(references.join(case.file_name()))
            .unwrap_or_else(|e| panic!("{e}"));
        let result = compare(&stored, &fresh, 2);
        assert_eq!(
            result.differing, 0,
            "{}: the reference is stale: {result:?}",
            case.name
        );
    }
}

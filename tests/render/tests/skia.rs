//! Every case, rendered by the tiny-skia output, against its snapshots.

use std::path::Path;
use union_render_tests::{cases, root};
use union_skia::{RenderOptions, render_box};
use union_test_support::image::assert_png_snapshot;

fn run(file: &str) {
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots/skia");
    let diffs = root().join("target/snapshot-diffs/skia");
    let cases = cases(file);
    assert!(!cases.is_empty());
    for case in &cases {
        let (theme, computed) = case.resolve();
        for &scale in &case.scales {
            let options = RenderOptions {
                size: (case.size[0], case.size[1]),
                scale,
                margin: case.margin,
            };
            let pixmap = render_box(&computed, theme.palette(), &options)
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            assert_png_snapshot(
                &snapshots,
                &diffs,
                &case.snapshot_name(scale),
                &pixmap,
                case.tolerance(),
            );
        }
    }
}

#[test]
fn box_model_cases() {
    run("box-model.toml");
}

#[test]
fn breeze_control_boxes() {
    run("breeze-boxes.toml");
}

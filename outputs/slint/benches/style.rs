//! The `union` Slint style against Slint's own `fluent`, in one run:
//! - **style**: generating Breeze's style and compiling a 60-control page
//!   with it, against compiling the same page with `fluent`;
//! - **frame**: drawing one frame of that page in the software renderer
//!   (target: at most 1.5× fluent).
//!
//! Run with `cargo bench -p union-slint --bench style`; the ratios are
//! printed at the end.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs,
    reason = "a benchmark"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;
use union_model::Styler;
use union_model::icons::IconLookup;
use union_slint::headless::{self, CompileOptions, Shown};
use union_slint::style::{self, GeneratedStyle};

/// Sixty controls: ten rows of the six widgets every style draws.
fn page() -> String {
    let mut rows = String::new();
    for i in 0..10 {
        rows.push_str(&format!(
            "        Row {{\n            Button {{ text: \"Button {i}\"; }}\n            CheckBox {{ text: \"Check {i}\"; checked: {}; }}\n            Switch {{ text: \"Switch\"; checked: {}; }}\n            Slider {{ value: {}; }}\n            ProgressIndicator {{ progress: {}; }}\n            LineEdit {{ text: \"Field {i}\"; }}\n        }}\n",
            i % 2 == 0,
            i % 3 == 0,
            i * 10,
            f64::from(i) / 10.0
        ));
    }
    format!(
        "import {{ Button, CheckBox, Switch, Slider, ProgressIndicator, LineEdit, Palette }} from \"std-widgets.slint\";\nexport component Page inherits Window {{\n    width: 900px;\n    height: 420px;\n    background: Palette.background;\n    GridLayout {{\n        spacing: 6px;\n        padding: 6px;\n{rows}    }}\n}}\n"
    )
}

fn breeze() -> Styler {
    let loaded = union_themes::load(&union_themes::registry(), "breeze").unwrap();
    Styler::new(Arc::clone(&loaded.theme))
}

fn generate_and_write(styler: &Styler, dir: &std::path::Path) -> CompileOptions {
    let palette = styler.theme().palette().clone();
    let mut icons =
        union_slint::Icons(IconLookup::with_fallback(union_themes::bundled_icon_dirs()));
    let generated = style::generate(styler, &palette, &mut icons).unwrap();
    generated.write_to(dir).unwrap();
    CompileOptions {
        style: Some(style::STYLE_NAME.to_owned()),
        include_paths: GeneratedStyle::include_paths(dir),
    }
}

fn compile(source: &str, options: &CompileOptions) -> slint_interpreter::ComponentDefinition {
    headless::compile(source, PathBuf::from("page.slint"), Some("Page"), options)
        .unwrap_or_else(|d| panic!("{d:#?}"))
        .0
}

fn mean_of(mut f: impl FnMut(), runs: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    start.elapsed().as_secs_f64() / f64::from(runs)
}

fn benches(c: &mut Criterion) {
    let styler = breeze();
    let dir = std::env::temp_dir().join(format!("union-slint-bench-{}", std::process::id()));
    let source = page();
    let fluent = CompileOptions {
        style: Some("fluent".to_owned()),
        include_paths: Vec::new(),
    };
    let union = generate_and_write(&styler, &dir);

    let mut group = c.benchmark_group("style");
    group.sample_size(10);
    group.bench_function("union: generate + compile", |b| {
        b.iter(|| {
            let options = generate_and_write(&styler, &dir);
            black_box(compile(&source, &options));
        });
    });
    group.bench_function("fluent: compile", |b| {
        b.iter(|| black_box(compile(&source, &fluent)));
    });
    group.finish();

    let union_page = Shown::new(&compile(&source, &union), &[], (900, 420), 1.0).unwrap();
    let fluent_page = Shown::new(&compile(&source, &fluent), &[], (900, 420), 1.0).unwrap();
    let mut group = c.benchmark_group("frame");
    group.bench_function("union", |b| {
        b.iter(|| black_box(union_page.frame().unwrap()));
    });
    group.bench_function("fluent", |b| {
        b.iter(|| black_box(fluent_page.frame().unwrap()));
    });
    group.finish();

    // The ratios, measured again side by side in this process.
    let style_union = mean_of(
        || {
            let options = generate_and_write(&styler, &dir);
            black_box(compile(&source, &options));
        },
        5,
    );
    let style_fluent = mean_of(|| drop(black_box(compile(&source, &fluent))), 5);
    let frame_union = mean_of(|| drop(black_box(union_page.frame().unwrap())), 50);
    let frame_fluent = mean_of(|| drop(black_box(fluent_page.frame().unwrap())), 50);
    println!(
        "style: union generate + compile {:.1} ms, fluent compile {:.1} ms: {:.2}×",
        style_union * 1e3,
        style_fluent * 1e3,
        style_union / style_fluent
    );
    println!(
        "frame: union {:.2} ms, fluent {:.2} ms: {:.2}× (target ≤ 1.5×)",
        frame_union * 1e3,
        frame_fluent * 1e3,
        frame_union / frame_fluent
    );
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(slint_style, benches);
criterion_main!(slint_style);

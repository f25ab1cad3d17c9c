//! Plasma frames: `widgets/button` "normal" of the default theme drawn at
//! widths 40..400 — the first render (SVG loaded), renders at new sizes
//! (and, for Union, at new heights 20..80, where no column can be
//! repeated), and a full theme load (the bundled mapping compiled with every image it
//! names). After criterion's report, the same figures are set against
//! libplasma's own, measured the same way by the reference program
//! (`framesvg-reference time`, built by `scripts/plasma-reference`), run
//! with an empty cache folder so libplasma's disk cache starts cold.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    missing_docs,
    reason = "benchmark harness"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use union_input_plasma::{PlasmaTheme, Variant, compile_theme};
use union_ksvg::{Borders, ColorScheme, FrameInfo, SvgDocument, render_frame};

use union_test_support::plasma_cache as cache;

fn themes() -> PathBuf {
    cache().join("themes/usr/share/plasma/desktoptheme")
}

/// Loads the SVG and draws the frame once, as a first render does.
fn first_render(theme: &PlasmaTheme, file: &Path) -> u32 {
    let svg = SvgDocument::load(file, &ColorScheme::new(theme.palette.clone())).unwrap();
    let info = FrameInfo::new(&svg, "normal", Borders::ALL);
    render_frame(&svg, &info, (40.0, 32.0), 1.0)
        .unwrap()
        .width()
}

/// Draws the next width of 41..=400.
fn next_size(svg: &SvgDocument, info: &FrameInfo, width: &mut f32) -> Option<u32> {
    *width = if *width >= 400.0 { 41.0 } else { *width + 1.0 };
    render_frame(svg, info, (*width, 32.0), 1.0).map(|p| p.width())
}

/// Draws the next height of 20..=80 at width 120: new heights cannot
/// repeat a column, so their pieces are drawn (or reused) one by one.
fn next_height(svg: &SvgDocument, info: &FrameInfo, height: &mut f32) -> Option<u32> {
    *height = if *height >= 80.0 { 20.0 } else { *height + 1.0 };
    render_frame(svg, info, (120.0, *height), 1.0).map(|p| p.height())
}

fn benches(c: &mut Criterion) {
    if !themes().join("default").is_dir() {
        println!("no Plasma themes: run scripts/plasma-reference first");
        return;
    }
    let theme = PlasmaTheme::open("default", &[themes()]).unwrap();
    let file = theme.image("widgets/button", Variant::Normal).unwrap().path;
    let svg = SvgDocument::load(&file, &ColorScheme::new(theme.palette.clone())).unwrap();
    let info = FrameInfo::new(&svg, "normal", Borders::ALL);
    let mut group = c.benchmark_group("plasma-frames");
    group.bench_function("first render (load + draw)", |b| {
        b.iter(|| first_render(black_box(&theme), black_box(&file)));
    });
    let mut width = 40.0;
    group.bench_function("new size (widths 41..400)", |b| {
        b.iter(|| next_size(black_box(&svg), &info, &mut width));
    });
    let mut height = 20.0;
    group.bench_function("new height (heights 20..80)", |b| {
        b.iter(|| next_height(black_box(&svg), &info, &mut height));
    });
    group.bench_function("theme load (mapping + images)", |b| {
        b.iter(|| {
            compile_theme(black_box(&theme), Variant::Normal)
                .dependencies
                .len()
        });
    });
    group.finish();
    compare_with_libplasma(&theme, &file, &svg, &info);
}

/// Mean time of `f` over `n` runs, in ns.
fn mean_ns(n: u32, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(n)
}

fn compare_with_libplasma(theme: &PlasmaTheme, file: &Path, svg: &SvgDocument, info: &FrameInfo) {
    let program = cache().join("framesvg-reference");
    let run = std::env::temp_dir().join(format!("union-plasma-bench-{}", std::process::id()));
    let output = Command::new(&program)
        .args(["time", "default", "widgets/button", "normal", "1"])
        .env("QT_QPA_PLATFORM", "offscreen")
        .env("XDG_DATA_DIRS", cache().join("themes/usr/share"))
        .env("XDG_CACHE_HOME", run.join("cache"))
        .env("XDG_CONFIG_HOME", run.join("config"))
        .env("HOME", &run)
        .output();
    let _ = std::fs::remove_dir_all(&run);
    let Ok(output) = output else {
        println!(
            "{}: not built; run scripts/plasma-reference",
            program.display()
        );
        return;
    };
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&output.stdout) else {
        println!(
            "libplasma timing failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        return;
    };
    let theirs = |key: &str| json[key].as_f64().unwrap_or(f64::NAN);
    let first = mean_ns(20, || {
        black_box(first_render(theme, file));
    });
    let mut width = 40.0;
    let new_size = mean_ns(360, || {
        black_box(next_size(svg, info, &mut width));
    });
    let mut height = 20.0;
    let new_height = mean_ns(61, || {
        black_box(next_height(svg, info, &mut height));
    });
    let load = mean_ns(5, || {
        black_box(compile_theme(theme, Variant::Normal));
    });
    println!("\nwidgets/button \"normal\", default theme, scale 1 (ratio: Union ÷ libplasma)");
    let row = |what: &str, ours: f64, key: &str, target: &str| {
        let theirs = theirs(key);
        println!(
            "  {what:<32} Union {:>9.1} µs   libplasma {:>9.1} µs   ratio {:>6.2}   target {target}",
            ours / 1000.0,
            theirs / 1000.0,
            ours / theirs
        );
    };
    row(
        "first render (load + draw)",
        first,
        "first_render_ns",
        "≤ 0.5",
    );
    row(
        "new size ÷ libplasma new size",
        new_size,
        "new_size_render_ns",
        "—",
    );
    row(
        "new size ÷ libplasma cached",
        new_size,
        "cached_render_ns",
        "≤ 0.5",
    );
    row(
        "new height ÷ libplasma new size",
        new_height,
        "new_size_render_ns",
        "—",
    );
    row(
        "new height ÷ libplasma cached",
        new_height,
        "cached_render_ns",
        "—",
    );
    row("theme load", load, "theme_load_ns", "≤ 1");
}

criterion_group!(frames, benches);
criterion_main!(frames);

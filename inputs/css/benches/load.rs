//! Loading the bundled Breeze theme: compile from source (cold) against a
//! bare lightningcss parse of the same files (the floor), and a warm start
//! from the compiled-theme cache (declaration blocks are decoded when a rule
//! is first read: a second warm figure reads every block). Ratios are
//! printed after criterion's report.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    missing_docs,
    reason = "benchmark harness"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use lightningcss::stylesheet::{ParserOptions, StyleSheet};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;
use union_input_css::{ThemeCache, compile_path};
use union_model::Theme;

fn breeze() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../themes/breeze/style.css")
        .canonicalize()
        .unwrap()
}

fn texts() -> Vec<String> {
    let compiled = compile_path(&breeze());
    compiled
        .files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

fn floor(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| {
            StyleSheet::parse(
                t,
                ParserOptions {
                    error_recovery: true,
                    ..ParserOptions::default()
                },
            )
            .unwrap()
            .rules
            .0
            .len()
        })
        .sum()
}

fn theme(compiled: union_input_css::Compiled) -> Theme {
    Theme::compile(compiled.into_definition("breeze"), None)
}

fn cold(entry: &Path) -> Theme {
    theme(compile_path(entry))
}

fn warm(cache: &ThemeCache, entry: &Path) -> Theme {
    theme(cache.load(entry).unwrap())
}

/// A warm start, then every rule's declarations read (each block is
/// decoded when first read): what styling every control of the theme
/// costs on top of the warm start.
fn warm_every_block(cache: &ThemeCache, entry: &Path) -> usize {
    let compiled = cache.load(entry).unwrap();
    let declarations = compiled.rules.iter().map(|r| r.declarations.len()).sum();
    black_box(theme(compiled));
    declarations
}

/// A named measurement for the summary.
type Measured<'a> = (&'static str, Box<dyn FnMut() + 'a>);

fn benches(c: &mut Criterion) {
    let entry = breeze();
    let texts = texts();
    let dir = std::env::temp_dir().join(format!("union-bench-cache-{}", std::process::id()));
    let cache = ThemeCache::new(&dir);
    cache.store(&entry, &compile_path(&entry));
    assert!(cache.load(&entry).is_some(), "the cache entry is valid");

    let mut group = c.benchmark_group("load-breeze");
    group.bench_function("lightningcss-parse-floor", |b| {
        b.iter(|| black_box(floor(&texts)));
    });
    group.bench_function("cold-compile", |b| b.iter(|| black_box(cold(&entry))));
    group.bench_function("warm-from-cache", |b| {
        b.iter(|| black_box(warm(&cache, &entry)));
    });
    group.bench_function("warm-then-every-block-read", |b| {
        b.iter(|| black_box(warm_every_block(&cache, &entry)));
    });
    group.finish();

    // The figures for the ratios: each is the fastest of many short batches
    // (the least disturbed by other work on the machine), and the batches of
    // the compared measurements take turns, so a slow spell affects them
    // alike rather than whichever happened to run during it.
    let compiled = compile_path(&entry);
    let mut measured: Vec<Measured<'_>> = vec![
        (
            "floor",
            Box::new(|| {
                black_box(floor(&texts));
            }),
        ),
        (
            "cold",
            Box::new(|| {
                black_box(cold(&entry));
            }),
        ),
        (
            "warm",
            Box::new(|| {
                black_box(warm(&cache, &entry));
            }),
        ),
        (
            "every block",
            Box::new(|| {
                black_box(warm_every_block(&cache, &entry));
            }),
        ),
        (
            "read",
            Box::new(|| {
                black_box(cache.load(&entry));
            }),
        ),
        (
            "index",
            Box::new(|| {
                let rules = compiled.rules.clone();
                black_box(theme(union_input_css::Compiled {
                    rules,
                    ..union_input_css::Compiled::default()
                }));
            }),
        ),
        (
            "files",
            Box::new(|| {
                for file in &compiled.files {
                    black_box(std::fs::metadata(file).map(|m| m.len()).unwrap_or(0));
                }
            }),
        ),
    ];
    const ROUNDS: usize = 40;
    const BATCH: usize = 10;
    let mut best = vec![f64::MAX; measured.len()];
    for _ in 0..ROUNDS {
        for ((_, f), best) in measured.iter_mut().zip(&mut best) {
            let start = Instant::now();
            for _ in 0..BATCH {
                f();
            }
            *best = best.min(start.elapsed().as_secs_f64() * 1e6 / BATCH as f64);
        }
    }
    let figure = |name: &str| {
        measured
            .iter()
            .position(|(n, _)| *n == name)
            .and_then(|i| best.get(i).copied())
            .unwrap_or(f64::NAN)
    };
    let (floor_us, cold_us, warm_us) = (figure("floor"), figure("cold"), figure("warm"));
    let (read_us, index_us, files_us) = (figure("read"), figure("index"), figure("files"));
    let every_block_us = figure("every block");
    println!(
        "\nload summary: breeze, {} files, {} bytes",
        texts.len(),
        texts.iter().map(String::len).sum::<usize>()
    );
    println!("  bare lightningcss parse (floor) {floor_us:>9.1} µs");
    println!(
        "  cold load + compile             {cold_us:>9.1} µs   {:.2}x the floor (target <= 2.0x)",
        cold_us / floor_us
    );
    println!(
        "  warm start from the cache       {warm_us:>9.1} µs   {:.3}x cold (target <= 0.1x, < 1000 µs)",
        warm_us / cold_us
    );
    println!(
        "  warm start, then every block read {every_block_us:>7.1} µs   {:.3}x cold (declaration blocks decode when first read)",
        every_block_us / cold_us
    );
    println!(
        "    of which: reading the cache entry {read_us:.1} µs (checking the theme's files {files_us:.1} µs), indexing rules {index_us:.1} µs"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group! {
    name = load;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(load);

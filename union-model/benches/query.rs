//! Query benchmarks: a synthetic theme of ~1000 rules and realistic chains
//! (depth 6–12), measured uncached, cached, and against servo's `selectors`
//! crate matching the same rules over the same chains.
//!
//! Besides criterion's own report, `summary` prints ratios measured in the
//! same process: `cargo bench -p union-model --bench query`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs,
    reason = "benchmark harness"
)]

#[path = "support/servo.rs"]
mod servo;
#[path = "support/workload.rs"]
mod workload;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;
use union_model::cascade::{Cascaded, Parent, cascade_element};
use union_model::{Query, Style, Styler, Theme, ThemeDefinition};
use workload::{Workload, servo_count, union_count};

fn compile(workload: &Workload) -> Arc<Theme> {
    Arc::new(Theme::compile(
        ThemeDefinition {
            name: "bench".into(),
            rules: workload.rules.clone(),
            ..ThemeDefinition::default()
        },
        None,
    ))
}

/// (a) An uncached query: the cascade of every element of the chain (needed for inheritance).
fn uncached_query(theme: &Theme, query: &Query, scratch: &mut Vec<u32>) -> Style {
    let mut parent: Option<Cascaded> = None;
    for depth in 0..query.chain().len() {
        let cascaded = cascade_element(
            theme.rules(),
            query.chain(),
            depth,
            query.context(),
            parent.as_ref().map(|p| Parent {
                style: &p.style,
                custom: &p.custom,
            }),
            scratch,
        );
        parent = Some(cascaded);
    }
    parent.map(|p| p.style).unwrap_or_default()
}

fn check_engines_agree(workload: &Workload) {
    let mut matcher = servo::Matcher::default();
    for query in &workload.queries {
        assert_eq!(
            workload::union_matches(&workload.rules, query),
            workload::servo_matches(&mut matcher, &workload.servo, query),
            "the two engines disagree on {:?}",
            query.chain()
        );
    }
}

fn benches(c: &mut Criterion) {
    let workload = workload::generate(0x9e37_79b9_7f4a_7c15, 1000, 64);
    check_engines_agree(&workload);
    let theme = compile(&workload);
    let mut group = c.benchmark_group("query");
    let mut scratch = Vec::new();
    group.bench_function("uncached", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % workload.queries.len();
            black_box(uncached_query(&theme, &workload.queries[i], &mut scratch))
        });
    });
    let styler = Styler::new(Arc::clone(&theme));
    for query in &workload.queries {
        styler.query(query);
    }
    group.bench_function("cached", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % workload.queries.len();
            black_box(styler.query(&workload.queries[i]))
        });
    });
    let mut matcher = servo::Matcher::default();
    group.bench_function("servo_selectors_all_rules", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % workload.queries.len();
            black_box(servo_count(
                &mut matcher,
                &workload.servo,
                &workload.queries[i],
            ))
        });
    });
    group.bench_function("union_selectors_all_rules", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % workload.queries.len();
            black_box(union_count(&workload.rules, &workload.queries[i]))
        });
    });
    group.finish();
    summary(&workload, &theme);
}

/// Nanoseconds per call of `f` over every query, best of five rounds.
fn time(workload: &Workload, rounds: usize, mut f: impl FnMut(&Query)) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..rounds {
            for query in &workload.queries {
                f(query);
            }
        }
        let per = start.elapsed().as_nanos() as f64 / (rounds * workload.queries.len()) as f64;
        best = best.min(per);
    }
    best
}

/// Ratios measured in this process, printed after criterion's report.
fn summary(workload: &Workload, theme: &Theme) {
    let mut scratch = Vec::new();
    let uncached = time(workload, 20, |q| {
        black_box(uncached_query(theme, q, &mut scratch));
    });
    let styler = Styler::new(Arc::new(theme.clone()));
    let cached = time(workload, 2000, |q| {
        black_box(styler.query(q));
    });
    let mut matcher = servo::Matcher::default();
    let servo_all = time(workload, 5, |q| {
        black_box(servo_count(&mut matcher, &workload.servo, q));
    });
    let union_all = time(workload, 5, |q| {
        black_box(union_count(&workload.rules, q));
    });
    let depth: usize = workload.queries.iter().map(|q| q.chain().len()).sum();
    println!(
        "\nquery summary: {} rules, {} chains, mean depth {:.1}",
        workload.rules.len(),
        workload.queries.len(),
        depth as f64 / workload.queries.len() as f64
    );
    println!("  (a) uncached query (indexed cascade, whole chain) {uncached:>10.0} ns");
    println!("  (b) cached query                                  {cached:>10.0} ns");
    println!("  (c) servo `selectors`, every rule × every element {servo_all:>10.0} ns");
    println!("      union-selectors, the same linear work         {union_all:>10.0} ns");
    println!(
        "  ratio (a)/(c) uncached query vs servo matching:   {:.3}x",
        uncached / servo_all
    );
    println!(
        "  ratio union-selectors/servo, engine only:         {:.3}x",
        union_all / servo_all
    );
    println!("  cached query: {cached:.0} ns (target <= 100 ns)");
}

criterion_group! {
    name = query;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(query);

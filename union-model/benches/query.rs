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

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;
use union_model::cascade::{ChainCursor, cascade_element};
use union_model::selectors::{Compound, Selector, matches};
use union_model::values::{Length, Number};
use union_model::{
    Context, Declaration, Element, PropertyId, Query, Rule, State, Style, Styler, Theme,
    ThemeDefinition, Value,
};

const TYPES: [&str; 24] = [
    "Window", "Page", "ToolBar", "ToolButton", "Button", "Label", "Frame", "ScrollView", "ListView",
    "ItemDelegate", "CheckBox", "RadioButton", "Slider", "Handle", "Groove", "Indicator", "Icon",
    "Text", "TabBar", "TabButton", "Menu", "MenuItem", "TextField", "ComboBox",
];
const STATES: [State; 5] = [State::Hovered, State::Pressed, State::Checked, State::Focused, State::Disabled];

/// A small deterministic generator (xorshift64*), so every run measures the same workload.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// One compound, described once and rendered for both engines.
struct CompoundSpec {
    ty: Option<&'static str>,
    id: Option<String>,
    hints: Vec<String>,
    states: Vec<State>,
    attribute: Option<(&'static str, &'static str)>,
}

impl CompoundSpec {
    fn random(rng: &mut Rng, subject: bool) -> Self {
        let ty = (subject && rng.chance(75) || !subject && rng.chance(60)).then(|| TYPES[rng.below(TYPES.len())]);
        let id = (subject && rng.chance(4)).then(|| format!("id{}", rng.below(20)));
        let mut hints = Vec::new();
        if rng.chance(if subject { 35 } else { 45 }) || (ty.is_none() && id.is_none()) {
            hints.push(format!("h{}", rng.below(40)));
        }
        let states = if subject && rng.chance(40) { vec![STATES[rng.below(STATES.len())]] } else { Vec::new() };
        let attribute = (subject && rng.chance(8)).then(|| {
            if rng.chance(50) { ("orientation", "horizontal") } else { ("display", "icon-only") }
        });
        CompoundSpec { ty, id, hints, states, attribute }
    }

    fn union(&self) -> Compound {
        let mut compound = Compound::new();
        if let Some(ty) = self.ty {
            compound = compound.type_name(ty);
        }
        if let Some(id) = &self.id {
            compound = compound.id(id);
        }
        for hint in &self.hints {
            compound = compound.hint(hint);
        }
        for state in &self.states {
            compound = compound.state(*state);
        }
        if let Some((name, value)) = self.attribute {
            compound = compound.attribute(name, union_model::selectors::AttributeOperator::Equals, value, false);
        }
        compound
    }

    fn css(&self) -> String {
        let mut css = self.ty.map(str::to_ascii_lowercase).unwrap_or_default();
        if let Some(id) = &self.id {
            css += &format!("#{id}");
        }
        for hint in &self.hints {
            css += &format!(".{hint}");
        }
        for state in &self.states {
            css += &format!(":{}", state.css_name());
        }
        if let Some((name, value)) = self.attribute {
            css += &format!("[{name}=\"{value}\"]");
        }
        if css.is_empty() { "*".into() } else { css }
    }
}

struct Workload {
    rules: Vec<Rule>,
    servo: Vec<servo_rules::List>,
    queries: Vec<Query>,
}

mod servo_rules {
    pub type List = selectors::parser::SelectorList<crate::servo::ServoImpl>;
}

fn workload() -> Workload {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut rules = Vec::new();
    let mut servo = Vec::new();
    for i in 0..1000 {
        let compounds = 1 + rng.below(3);
        let mut specs: Vec<CompoundSpec> = (1..compounds).map(|_| CompoundSpec::random(&mut rng, false)).collect();
        specs.push(CompoundSpec::random(&mut rng, true));
        let child: Vec<bool> = (1..compounds).map(|_| rng.chance(30)).collect();
        let mut selector = Selector::new(specs[0].union());
        let mut css = specs[0].css();
        for (spec, is_child) in specs[1..].iter().zip(&child) {
            selector = if *is_child { selector.child(spec.union()) } else { selector.descendant(spec.union()) };
            css += if *is_child { " > " } else { " " };
            css += &spec.css();
        }
        let declarations = vec![
            Declaration::value(PropertyId::PaddingLeft, Value::Length(Length::Px((i % 13) as f32))).unwrap(),
            Declaration::value(PropertyId::Opacity, Value::Number(Number(0.5))).unwrap(),
        ];
        rules.push(Rule::new(selector, declarations));
        servo.push(servo::parse(&css));
    }
    let mut queries = Vec::new();
    for _ in 0..64 {
        let depth = 6 + rng.below(7);
        let chain: Vec<Element> = (0..depth)
            .map(|level| {
                let ty = if level == 0 { "Window" } else { TYPES[rng.below(TYPES.len())] };
                let mut element = Element::new(ty);
                if rng.chance(50) {
                    element = element.with_hint(&format!("h{}", rng.below(40)));
                }
                if rng.chance(10) {
                    element = element.with_id(&format!("id{}", rng.below(20)));
                }
                if level + 1 == depth && rng.chance(50) {
                    element = element.with_state(STATES[rng.below(STATES.len())]);
                }
                if rng.chance(10) {
                    element = element.with_attribute("orientation", "horizontal");
                }
                element
            })
            .collect();
        queries.push(Query::new(chain, Context::default()));
    }
    Workload { rules, servo, queries }
}

fn compile(workload: &Workload) -> Arc<Theme> {
    Arc::new(Theme::compile(
        ThemeDefinition { name: "bench".into(), rules: workload.rules.clone(), ..ThemeDefinition::default() },
        None,
    ))
}

/// (a) An uncached query: the cascade of every element of the chain (needed for inheritance).
fn uncached_query(theme: &Theme, query: &Query, scratch: &mut Vec<u32>) -> Style {
    let mut parent: Option<Style> = None;
    for depth in 0..query.chain().len() {
        let cascaded = cascade_element(theme.rules(), query.chain(), depth, query.context(), parent.as_ref(), scratch);
        parent = Some(cascaded.style);
    }
    parent.unwrap_or_default()
}

/// (c) servo's `selectors` matching every rule against every element of the chain.
fn servo_chain(matcher: &mut servo::Matcher, rules: &[servo_rules::List], query: &Query) -> usize {
    let mut matched = 0;
    for depth in 0..query.chain().len() {
        let cursor = ChainCursor::new(query.chain(), depth, query.context().direction).unwrap();
        matched += rules.iter().filter(|r| matcher.matches(r, servo::ServoElement(cursor))).count();
    }
    matched
}

/// Union's matcher doing the same linear work as `servo_chain` (no index).
fn union_chain_linear(rules: &[Rule], query: &Query) -> usize {
    let mut matched = 0;
    for depth in 0..query.chain().len() {
        let cursor = ChainCursor::new(query.chain(), depth, query.context().direction).unwrap();
        matched += rules.iter().filter(|r| matches(&r.selector, &cursor)).count();
    }
    matched
}

fn check_engines_agree(workload: &Workload) {
    let mut matcher = servo::Matcher::default();
    for query in &workload.queries {
        assert_eq!(
            union_chain_linear(&workload.rules, query),
            servo_chain(&mut matcher, &workload.servo, query),
            "the two engines disagree on {:?}",
            query.chain()
        );
    }
}

fn benches(c: &mut Criterion) {
    let workload = workload();
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
            black_box(servo_chain(&mut matcher, &workload.servo, &workload.queries[i]))
        });
    });
    group.bench_function("union_selectors_all_rules", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % workload.queries.len();
            black_box(union_chain_linear(&workload.rules, &workload.queries[i]))
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
        black_box(servo_chain(&mut matcher, &workload.servo, q));
    });
    let union_all = time(workload, 5, |q| {
        black_box(union_chain_linear(&workload.rules, q));
    });
    let depth: usize = workload.queries.iter().map(|q| q.chain().len()).sum();
    println!("\nquery summary: {} rules, {} chains, mean depth {:.1}", workload.rules.len(), workload.queries.len(), depth as f64 / workload.queries.len() as f64);
    println!("  (a) uncached query (indexed cascade, whole chain) {uncached:>10.0} ns");
    println!("  (b) cached query                                  {cached:>10.0} ns");
    println!("  (c) servo `selectors`, same rules, whole chain    {servo_all:>10.0} ns");
    println!("      union-selectors, same linear work             {union_all:>10.0} ns");
    println!("  ratio (a)/(c) uncached query vs servo matching:   {:.3}x", uncached / servo_all);
    println!("  ratio union-selectors/servo, engine only:         {:.3}x", union_all / servo_all);
    println!("  cached query: {cached:.0} ns (target <= 100 ns)");
}

criterion_group! {
    name = query;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(query);

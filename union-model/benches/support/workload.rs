//! A synthetic, deterministic workload: a theme of random rules over a
//! control vocabulary, and realistic element chains. Each rule is described
//! once and rendered both as a `union-selectors` AST and as CSS text for
//! servo's `selectors`, so both engines get exactly the same rules.
//!
//! Shared by the query benchmark and the engine-agreement test.

use super::servo::{self, ServoElement};
use union_model::cascade::ChainCursor;
use union_model::selectors::{AttributeOperator, Compound, NthIndex, Selector, Simple, matches};
use union_model::values::{Length, Number};
use union_model::{Context, Declaration, Element, PropertyId, Query, Rule, State, Value};

const TYPES: [&str; 24] = [
    "Window",
    "Page",
    "ToolBar",
    "ToolButton",
    "Button",
    "Label",
    "Frame",
    "ScrollView",
    "ListView",
    "ItemDelegate",
    "CheckBox",
    "RadioButton",
    "Slider",
    "Handle",
    "Groove",
    "Indicator",
    "Icon",
    "Text",
    "TabBar",
    "TabButton",
    "Menu",
    "MenuItem",
    "TextField",
    "ComboBox",
];
const STATES: [State; 5] = [
    State::Hovered,
    State::Pressed,
    State::Checked,
    State::Focused,
    State::Disabled,
];

/// xorshift64*: every run generates the same workload.
pub struct Rng(pub u64);

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

#[derive(Clone, Copy)]
enum Structural {
    FirstChild,
    Odd,
}

/// One compound, described once and rendered for both engines.
struct CompoundSpec {
    ty: Option<&'static str>,
    id: Option<String>,
    hints: Vec<String>,
    states: Vec<State>,
    attribute: Option<(&'static str, &'static str)>,
    structural: Option<Structural>,
}

impl CompoundSpec {
    fn random(rng: &mut Rng, subject: bool) -> Self {
        let ty = (if subject {
            rng.chance(75)
        } else {
            rng.chance(60)
        })
        .then(|| TYPES[rng.below(TYPES.len())]);
        let id = (subject && rng.chance(4)).then(|| format!("id{}", rng.below(20)));
        let mut hints = Vec::new();
        if rng.chance(if subject { 35 } else { 45 }) || (ty.is_none() && id.is_none()) {
            hints.push(format!("h{}", rng.below(40)));
        }
        let states = if subject && rng.chance(40) {
            vec![STATES[rng.below(STATES.len())]]
        } else {
            Vec::new()
        };
        let attribute = (subject && rng.chance(8)).then(|| {
            if rng.chance(50) {
                ("orientation", "horizontal")
            } else {
                ("display", "icon-only")
            }
        });
        let structural = match rng.below(20) {
            0 => Some(Structural::FirstChild),
            1 => Some(Structural::Odd),
            _ => None,
        };
        CompoundSpec {
            ty,
            id,
            hints,
            states,
            attribute,
            structural,
        }
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
            compound = compound.attribute(name, AttributeOperator::Equals, value, false);
        }
        match self.structural {
            Some(Structural::FirstChild) => compound.with(Simple::FirstChild),
            Some(Structural::Odd) => compound.with(Simple::NthChild(NthIndex::ODD)),
            None => compound,
        }
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
        match self.structural {
            Some(Structural::FirstChild) => css += ":first-child",
            Some(Structural::Odd) => css += ":nth-child(2n+1)",
            None => {}
        }
        if css.is_empty() { "*".into() } else { css }
    }
}

/// The rules (for both engines) and the queries.
pub struct Workload {
    pub rules: Vec<Rule>,
    pub servo: Vec<servo::List>,
    pub queries: Vec<Query>,
}

fn random_element(rng: &mut Rng, ty: &str) -> Element {
    let mut element = Element::new(ty);
    if rng.chance(50) {
        element = element.with_hint(&format!("h{}", rng.below(40)));
    }
    if rng.chance(10) {
        element = element.with_id(&format!("id{}", rng.below(20)));
    }
    if rng.chance(10) {
        element = element.with_attribute("orientation", "horizontal");
    }
    element
}

/// `rule_count` rules and `chain_count` chains of depth 6–12, from `seed`.
pub fn generate(seed: u64, rule_count: usize, chain_count: usize) -> Workload {
    let mut rng = Rng(seed | 1);
    let mut rules = Vec::new();
    let mut servo = Vec::new();
    for i in 0..rule_count {
        let compounds = 1 + rng.below(3);
        let mut specs: Vec<CompoundSpec> = (1..compounds)
            .map(|_| CompoundSpec::random(&mut rng, false))
            .collect();
        specs.push(CompoundSpec::random(&mut rng, true));
        let mut selector = Selector::new(specs[0].union());
        let mut css = specs[0].css();
        for spec in &specs[1..] {
            let (next, text) = match rng.below(20) {
                0..=10 => (selector.descendant(spec.union()), " "),
                11..=15 => (selector.child(spec.union()), " > "),
                16..=17 => (selector.next_sibling(spec.union()), " + "),
                _ => (selector.later_sibling(spec.union()), " ~ "),
            };
            selector = next;
            css += text;
            css += &spec.css();
        }
        let declarations = vec![
            Declaration::value(
                PropertyId::PaddingLeft,
                Value::Length(Length::Px((i % 13) as f32)),
            )
            .unwrap(),
            Declaration::value(PropertyId::Opacity, Value::Number(Number(0.5))).unwrap(),
        ];
        rules.push(Rule::new(selector, declarations));
        servo.push(servo::parse(&css));
    }
    let mut queries = Vec::new();
    for _ in 0..chain_count {
        let depth = 6 + rng.below(7);
        let chain: Vec<Element> = (0..depth)
            .map(|level| {
                let ty = if level == 0 {
                    "Window"
                } else {
                    TYPES[rng.below(TYPES.len())]
                };
                let mut element = random_element(&mut rng, ty);
                if level + 1 == depth && rng.chance(50) {
                    element = element.with_state(STATES[rng.below(STATES.len())]);
                }
                if level > 0 && rng.chance(30) {
                    // A complete list of preceding siblings, so both engines
                    // derive the same index from it.
                    let before = 1 + rng.below(3);
                    let siblings = (0..before)
                        .map(|_| {
                            let ty = TYPES[rng.below(TYPES.len())];
                            random_element(&mut rng, ty)
                        })
                        .collect();
                    let count = (before + 1 + rng.below(2)) as u32;
                    element = element
                        .with_preceding_siblings(siblings)
                        .at_position(before as u32, count);
                } else if level > 0 {
                    element = element.at_position(0, 1 + rng.below(3) as u32);
                }
                element
            })
            .collect();
        queries.push(Query::new(chain, Context::default()));
    }
    Workload {
        rules,
        servo,
        queries,
    }
}

/// Union's matcher: every rule against every element of the chain; the
/// indices of matching rules per depth.
pub fn union_matches(rules: &[Rule], query: &Query) -> Vec<Vec<usize>> {
    (0..query.chain().len())
        .map(|depth| {
            let cursor = ChainCursor::new(query.chain(), depth, query.context().direction).unwrap();
            (0..rules.len())
                .filter(|i| matches(&rules[*i].selector, &cursor))
                .collect()
        })
        .collect()
}

/// servo's `selectors`, same work as [`union_matches`].
pub fn servo_matches(
    matcher: &mut servo::Matcher,
    rules: &[servo::List],
    query: &Query,
) -> Vec<Vec<usize>> {
    (0..query.chain().len())
        .map(|depth| {
            let cursor = ChainCursor::new(query.chain(), depth, query.context().direction).unwrap();
            (0..rules.len())
                .filter(|i| matcher.matches(&rules[*i], ServoElement(cursor)))
                .collect()
        })
        .collect()
}

/// Union's matcher counting matches (the benchmark's linear workload).
pub fn union_count(rules: &[Rule], query: &Query) -> usize {
    let mut matched = 0;
    for depth in 0..query.chain().len() {
        let cursor = ChainCursor::new(query.chain(), depth, query.context().direction).unwrap();
        matched += rules
            .iter()
            .filter(|r| matches(&r.selector, &cursor))
            .count();
    }
    matched
}

/// servo's `selectors` counting matches (the same linear workload).
pub fn servo_count(matcher: &mut servo::Matcher, rules: &[servo::List], query: &Query) -> usize {
    let mut matched = 0;
    for depth in 0..query.chain().len() {
        let cursor = ChainCursor::new(query.chain(), depth, query.context().direction).unwrap();
        matched += rules
            .iter()
            .filter(|r| matcher.matches(r, ServoElement(cursor)))
            .count();
    }
    matched
}

//! Table tests for selector matching, specificity, index keys and serialisation.

use union_selectors::{
    AttributeOperator as Op, AttributeRef, Combinator, Compound, Direction, Element, IndexKey,
    Name, NthIndex, Position, Selector, SelectorList, Simple, Specificity, State, matches,
};

/// A node of the test forest.
#[derive(Default)]
struct Node {
    ty: &'static str,
    id: Option<&'static str>,
    hints: Vec<&'static str>,
    states: Vec<State>,
    attributes: Vec<(&'static str, &'static str)>,
    position: Option<(u32, u32)>,
    parent: Option<usize>,
    prev: Option<usize>,
}

struct Forest {
    nodes: Vec<Node>,
    direction: Direction,
}

#[derive(Clone, Copy)]
struct Handle<'a> {
    forest: &'a Forest,
    index: usize,
}

impl Handle<'_> {
    fn node(&self) -> &Node {
        &self.forest.nodes[self.index]
    }
}

impl Element for Handle<'_> {
    fn parent(&self) -> Option<Self> {
        self.node().parent.map(|index| Handle { index, ..*self })
    }
    fn prev_sibling(&self) -> Option<Self> {
        self.node().prev.map(|index| Handle { index, ..*self })
    }
    fn has_type(&self, name: &Name) -> bool {
        self.node().ty.eq_ignore_ascii_case(name.as_str())
    }
    fn has_id(&self, id: &Name) -> bool {
        self.node().id == Some(id.as_str())
    }
    fn has_hint(&self, hint: &Name) -> bool {
        self.node().hints.contains(&hint.as_str())
    }
    fn has_state(&self, state: State) -> bool {
        self.node().states.contains(&state)
    }
    fn attribute(&self, name: &Name) -> Option<AttributeRef<'_>> {
        let (_, text) = self
            .node()
            .attributes
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name.as_str()))?;
        Some(AttributeRef {
            text,
            number: text.parse().ok(),
        })
    }
    fn position(&self) -> Option<Position> {
        self.node()
            .position
            .map(|(index, count)| Position { index, count })
    }
    fn direction(&self) -> Direction {
        self.forest.direction
    }
}

// Indices of the nodes the cases target.
const WINDOW: usize = 0;
const FIRST: usize = 2;
const THIRD: usize = 4;
const OK: usize = 5;
const LABEL: usize = 8;
const DEEP_C: usize = 13;

/// ```text
/// 0 Window#main.dark[theme=breeze]           (root, 0/1)
/// 1   ToolBar.header                         (0/2)
/// 2     ToolButton#first.flat                (0/4)
/// 3     Separator                            (1/4)
/// 4     ToolButton#third.flat:checked        (2/4)
/// 5     Button#ok:hover:focus [attributes]   (3/4)
/// 6 Frame.b                                  (root, no position)
/// 7   Panel.b
/// 8     Label
/// 9 A
/// 10  B
/// 11    X
/// 12      B
/// 13        C
/// ```
fn forest(direction: Direction) -> Forest {
    let nodes = vec![
        Node {
            ty: "Window",
            id: Some("main"),
            hints: vec!["dark"],
            attributes: vec![("theme", "breeze")],
            position: Some((0, 1)),
            ..Node::default()
        },
        Node {
            ty: "ToolBar",
            hints: vec!["header"],
            position: Some((0, 2)),
            parent: Some(0),
            ..Node::default()
        },
        Node {
            ty: "ToolButton",
            id: Some("first"),
            hints: vec!["flat"],
            position: Some((0, 4)),
            parent: Some(1),
            ..Node::default()
        },
        Node {
            ty: "Separator",
            position: Some((1, 4)),
            parent: Some(1),
            prev: Some(2),
            ..Node::default()
        },
        Node {
            ty: "ToolButton",
            id: Some("third"),
            hints: vec!["flat"],
            states: vec![State::Checked],
            position: Some((2, 4)),
            parent: Some(1),
            prev: Some(3),
            ..Node::default()
        },
        Node {
            ty: "Button",
            id: Some("ok"),
            states: vec![State::Hovered, State::Focused],
            attributes: vec![
                ("orientation", "horizontal"),
                ("value", "3"),
                ("tags", "big round"),
                ("lang", "en-GB"),
                ("icon-name", "document-open"),
                ("empty", ""),
            ],
            position: Some((3, 4)),
            parent: Some(1),
            prev: Some(4),
            ..Node::default()
        },
        Node {
            ty: "Frame",
            hints: vec!["b"],
            ..Node::default()
        },
        Node {
            ty: "Panel",
            hints: vec!["b"],
            parent: Some(6),
            ..Node::default()
        },
        Node {
            ty: "Label",
            parent: Some(7),
            ..Node::default()
        },
        Node {
            ty: "A",
            ..Node::default()
        },
        Node {
            ty: "B",
            parent: Some(9),
            ..Node::default()
        },
        Node {
            ty: "X",
            parent: Some(10),
            ..Node::default()
        },
        Node {
            ty: "B",
            parent: Some(11),
            ..Node::default()
        },
        Node {
            ty: "C",
            parent: Some(12),
            ..Node::default()
        },
    ];
    Forest { nodes, direction }
}

fn c() -> Compound {
    Compound::new()
}

fn ty(name: &str) -> Compound {
    Compound::new().type_name(name)
}

fn single(compound: Compound) -> Selector {
    Selector::new(compound)
}

fn attr(name: &str, op: Op, value: &str) -> Selector {
    single(c().attribute(name, op, value, false))
}

fn attr_i(name: &str, op: Op, value: &str) -> Selector {
    single(c().attribute(name, op, value, true))
}

fn list(selectors: Vec<Selector>) -> SelectorList {
    selectors.into()
}

/// (description, selector, target, expected)
fn cases() -> Vec<(&'static str, Selector, usize, bool)> {
    vec![
        // Type, universal, id, hint, state.
        ("type", single(ty("Button")), OK, true),
        ("type is case-insensitive", single(ty("button")), OK, true),
        ("type mismatch", single(ty("Label")), OK, false),
        ("universal", single(c().universal()), OK, true),
        ("empty compound is universal", single(c()), OK, true),
        ("id", single(c().id("ok")), OK, true),
        ("id is case-sensitive", single(c().id("OK")), OK, false),
        ("hint", single(c().hint("flat")), FIRST, true),
        (
            "hint is case-sensitive",
            single(c().hint("Flat")),
            FIRST,
            false,
        ),
        ("missing hint", single(c().hint("flat")), OK, false),
        ("state", single(c().state(State::Hovered)), OK, true),
        (
            "two states",
            single(c().state(State::Hovered).state(State::Focused)),
            OK,
            true,
        ),
        (
            "missing state",
            single(c().state(State::Pressed)),
            OK,
            false,
        ),
        (
            "compound all parts",
            single(ty("Button").id("ok").state(State::Hovered)),
            OK,
            true,
        ),
        (
            "compound one part fails",
            single(ty("Button").id("ok").state(State::Checked)),
            OK,
            false,
        ),
        // Attributes.
        (
            "attribute exists",
            single(c().attribute_exists("orientation")),
            OK,
            true,
        ),
        (
            "attribute name is case-insensitive",
            single(c().attribute_exists("ORIENTATION")),
            OK,
            true,
        ),
        (
            "attribute absent",
            single(c().attribute_exists("checkable")),
            OK,
            false,
        ),
        (
            "attribute exists with empty value",
            single(c().attribute_exists("empty")),
            OK,
            true,
        ),
        (
            "= equal",
            attr("orientation", Op::Equals, "horizontal"),
            OK,
            true,
        ),
        (
            "= value is case-sensitive",
            attr("orientation", Op::Equals, "Horizontal"),
            OK,
            false,
        ),
        (
            "= with i flag",
            attr_i("orientation", Op::Equals, "HORIZONTAL"),
            OK,
            true,
        ),
        ("= numeric", attr("value", Op::Equals, "3.0"), OK, true),
        (
            "= numeric mismatch",
            attr("value", Op::Equals, "4"),
            OK,
            false,
        ),
        (
            "= on missing attribute",
            attr("missing", Op::Equals, ""),
            OK,
            false,
        ),
        ("= empty value", attr("empty", Op::Equals, ""), OK, true),
        ("~= word", attr("tags", Op::Includes, "round"), OK, true),
        (
            "~= needs a whole word",
            attr("tags", Op::Includes, "roun"),
            OK,
            false,
        ),
        (
            "~= never matches whitespace",
            attr("tags", Op::Includes, "big round"),
            OK,
            false,
        ),
        (
            "~= never matches empty",
            attr("tags", Op::Includes, ""),
            OK,
            false,
        ),
        (
            "|= prefix with dash",
            attr("lang", Op::DashMatch, "en"),
            OK,
            true,
        ),
        ("|= exact", attr("lang", Op::DashMatch, "en-GB"), OK, true),
        (
            "|= without dash",
            attr("lang", Op::DashMatch, "e"),
            OK,
            false,
        ),
        (
            "|= with i flag",
            attr_i("lang", Op::DashMatch, "EN"),
            OK,
            true,
        ),
        (
            "^= prefix",
            attr("icon-name", Op::Prefix, "document-"),
            OK,
            true,
        ),
        (
            "^= not a prefix",
            attr("icon-name", Op::Prefix, "open"),
            OK,
            false,
        ),
        (
            "^= empty never matches",
            attr("icon-name", Op::Prefix, ""),
            OK,
            false,
        ),
        (
            "$= suffix",
            attr("icon-name", Op::Suffix, "-open"),
            OK,
            true,
        ),
        (
            "$= not a suffix",
            attr("icon-name", Op::Suffix, "document"),
            OK,
            false,
        ),
        (
            "$= with i flag",
            attr_i("icon-name", Op::Suffix, "-OPEN"),
            OK,
            true,
        ),
        (
            "*= substring",
            attr("icon-name", Op::Substring, "ment-op"),
            OK,
            true,
        ),
        (
            "*= case-sensitive",
            attr("icon-name", Op::Substring, "MENT"),
            OK,
            false,
        ),
        (
            "*= with i flag",
            attr_i("icon-name", Op::Substring, "MENT"),
            OK,
            true,
        ),
        (
            "*= empty never matches",
            attr("icon-name", Op::Substring, ""),
            OK,
            false,
        ),
        // Structural pseudo-classes.
        (
            "first-child",
            single(c().with(Simple::FirstChild)),
            FIRST,
            true,
        ),
        (
            "first-child fails",
            single(c().with(Simple::FirstChild)),
            OK,
            false,
        ),
        ("last-child", single(c().with(Simple::LastChild)), OK, true),
        (
            "last-child fails",
            single(c().with(Simple::LastChild)),
            THIRD,
            false,
        ),
        (
            "only-child",
            single(c().with(Simple::OnlyChild)),
            WINDOW,
            true,
        ),
        (
            "only-child fails",
            single(c().with(Simple::OnlyChild)),
            OK,
            false,
        ),
        (
            "nth-child(odd) on 3rd",
            single(c().with(Simple::NthChild(NthIndex::ODD))),
            THIRD,
            true,
        ),
        (
            "nth-child(odd) on 4th",
            single(c().with(Simple::NthChild(NthIndex::ODD))),
            OK,
            false,
        ),
        (
            "nth-child(even) on 4th",
            single(c().with(Simple::NthChild(NthIndex::EVEN))),
            OK,
            true,
        ),
        (
            "nth-child(3)",
            single(c().with(Simple::NthChild(NthIndex { a: 0, b: 3 }))),
            THIRD,
            true,
        ),
        (
            "nth-child(-n+2) on 3rd",
            single(c().with(Simple::NthChild(NthIndex { a: -1, b: 2 }))),
            THIRD,
            false,
        ),
        (
            "nth-child(-n+3) on 3rd",
            single(c().with(Simple::NthChild(NthIndex { a: -1, b: 3 }))),
            THIRD,
            true,
        ),
        (
            "nth-child(3n+4) on 4th",
            single(c().with(Simple::NthChild(NthIndex { a: 3, b: 4 }))),
            OK,
            true,
        ),
        (
            "nth-last-child(1)",
            single(c().with(Simple::NthLastChild(NthIndex { a: 0, b: 1 }))),
            OK,
            true,
        ),
        (
            "nth-last-child(2)",
            single(c().with(Simple::NthLastChild(NthIndex { a: 0, b: 2 }))),
            THIRD,
            true,
        ),
        (
            "structural needs a known position",
            single(c().with(Simple::FirstChild)),
            LABEL,
            false,
        ),
        ("root", single(c().with(Simple::Root)), WINDOW, true),
        (
            "root fails below the root",
            single(c().with(Simple::Root)),
            OK,
            false,
        ),
        (
            "dir(ltr)",
            single(c().with(Simple::Dir(Direction::Ltr))),
            OK,
            true,
        ),
        (
            "dir(rtl) in ltr",
            single(c().with(Simple::Dir(Direction::Rtl))),
            OK,
            false,
        ),
        // Logical pseudo-classes.
        (
            "not",
            single(ty("Button").with(Simple::Not(list(vec![single(c().state(State::Pressed))])))),
            OK,
            true,
        ),
        (
            "not fails",
            single(ty("Button").with(Simple::Not(list(vec![single(c().state(State::Hovered))])))),
            OK,
            false,
        ),
        (
            "not with a list",
            single(c().with(Simple::Not(list(vec![
                single(ty("Label")),
                single(c().id("ok")),
            ])))),
            OK,
            false,
        ),
        (
            "not with a complex argument",
            single(c().with(Simple::Not(list(vec![
                single(ty("Window")).descendant(ty("Button")),
            ])))),
            OK,
            false,
        ),
        (
            "is",
            single(c().with(Simple::Is(list(vec![
                single(ty("Label")),
                single(ty("Button")),
            ])))),
            OK,
            true,
        ),
        (
            "is fails",
            single(c().with(Simple::Is(list(vec![
                single(ty("Label")),
                single(ty("Frame")),
            ])))),
            OK,
            false,
        ),
        (
            "is with a complex argument",
            single(c().with(Simple::Is(list(vec![
                single(ty("ToolBar")).child(ty("Button")),
            ])))),
            OK,
            true,
        ),
        (
            "where",
            single(c().with(Simple::Where(list(vec![single(c().id("ok"))])))),
            OK,
            true,
        ),
        // Child and descendant combinators.
        ("child", single(ty("ToolBar")).child(ty("Button")), OK, true),
        (
            "child needs the parent",
            single(ty("Window")).child(ty("Button")),
            OK,
            false,
        ),
        (
            "descendant",
            single(ty("Window")).descendant(ty("Button")),
            OK,
            true,
        ),
        (
            "descendant with hint on ancestor",
            single(c().hint("dark")).descendant(c().id("ok")),
            OK,
            true,
        ),
        (
            "descendant missing ancestor",
            single(ty("Frame")).descendant(ty("Button")),
            OK,
            false,
        ),
        (
            "descendant is not self",
            single(ty("Button")).descendant(ty("Button")),
            OK,
            false,
        ),
        (
            "three compounds",
            single(ty("Window"))
                .child(ty("ToolBar"))
                .child(ty("Button")),
            OK,
            true,
        ),
        (
            "left-most need not be root",
            single(ty("ToolBar")).descendant(c().state(State::Hovered)),
            OK,
            true,
        ),
        // KDE Union stops at the nearest `.b`; the right answer climbs on.
        (
            "backtracking: a.b c with nearer .b",
            single(ty("Frame").hint("b")).descendant(ty("Label")),
            LABEL,
            true,
        ),
        (
            "backtracking: nearer compound ok",
            single(ty("Panel").hint("b")).descendant(ty("Label")),
            LABEL,
            true,
        ),
        (
            "backtracking: no such ancestor",
            single(ty("Panel").hint("c")).descendant(ty("Label")),
            LABEL,
            false,
        ),
        (
            "backtracking: A > B C with nearer B under X",
            single(ty("A")).child(ty("B")).descendant(ty("C")),
            DEEP_C,
            true,
        ),
        (
            "backtracking: X > B C",
            single(ty("X")).child(ty("B")).descendant(ty("C")),
            DEEP_C,
            true,
        ),
        (
            "backtracking: Y > B C",
            single(ty("Y")).child(ty("B")).descendant(ty("C")),
            DEEP_C,
            false,
        ),
        (
            "backtracking: A B > C",
            single(ty("A")).descendant(ty("B")).child(ty("C")),
            DEEP_C,
            true,
        ),
        (
            "backtracking: A > X > C",
            single(ty("A")).child(ty("X")).child(ty("C")),
            DEEP_C,
            false,
        ),
        // Sibling combinators.
        (
            "next sibling",
            single(ty("Separator")).next_sibling(c().id("third")),
            THIRD,
            true,
        ),
        (
            "next sibling is only the nearest",
            single(c().id("first")).next_sibling(ty("Button")),
            OK,
            false,
        ),
        (
            "later sibling",
            single(c().id("first")).later_sibling(ty("Button")),
            OK,
            true,
        ),
        (
            "later sibling chain",
            single(ty("Separator"))
                .later_sibling(c().id("third"))
                .next_sibling(ty("Button")),
            OK,
            true,
        ),
        (
            "later sibling not after",
            single(ty("Button")).later_sibling(ty("Separator")),
            3,
            false,
        ),
        (
            "sibling then parent",
            single(ty("ToolBar"))
                .child(ty("Separator"))
                .next_sibling(ty("ToolButton")),
            THIRD,
            true,
        ),
        (
            "sibling's parent is the same parent",
            single(ty("Window"))
                .child(ty("Separator"))
                .later_sibling(ty("ToolButton")),
            THIRD,
            false,
        ),
        (
            "descendant of a sibling chain",
            single(ty("Window"))
                .descendant(ty("Separator"))
                .later_sibling(ty("Button")),
            OK,
            true,
        ),
        (
            "backtracking over siblings",
            single(ty("ToolButton").state(State::Checked)).later_sibling(ty("Button")),
            OK,
            true,
        ),
        (
            "no sibling recorded",
            single(c().universal()).next_sibling(ty("Label")),
            LABEL,
            false,
        ),
    ]
}

#[test]
fn selector_matching_table() {
    let forest = forest(Direction::Ltr);
    let mut failures = Vec::new();
    for (description, selector, target, expected) in cases() {
        let handle = Handle {
            forest: &forest,
            index: target,
        };
        if matches(&selector, &handle) != expected {
            failures.push(format!(
                "{description}: `{selector}` on node {target}, expected {expected}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn dir_follows_the_tree_direction() {
    let forest = forest(Direction::Rtl);
    let handle = Handle {
        forest: &forest,
        index: OK,
    };
    assert!(matches(
        &single(c().with(Simple::Dir(Direction::Rtl))),
        &handle
    ));
    assert!(!matches(
        &single(c().with(Simple::Dir(Direction::Ltr))),
        &handle
    ));
}

#[test]
fn specificity_table() {
    let is_list = Simple::Is(list(vec![single(c().id("x")), single(ty("a"))]));
    let table: Vec<(Selector, Specificity)> = vec![
        (single(c().universal()), Specificity::new(0, 0, 0)),
        (single(ty("Button")), Specificity::new(0, 0, 1)),
        (single(c().id("ok")), Specificity::new(1, 0, 0)),
        (single(c().hint("flat")), Specificity::new(0, 1, 0)),
        (single(c().state(State::Hovered)), Specificity::new(0, 1, 0)),
        (single(c().attribute_exists("a")), Specificity::new(0, 1, 0)),
        (
            single(c().with(Simple::NthChild(NthIndex::ODD))),
            Specificity::new(0, 1, 0),
        ),
        (
            single(ty("a").hint("b")).descendant(ty("c")),
            Specificity::new(0, 1, 2),
        ),
        (
            single(ty("a")).child(c().id("x").state(State::Checked)),
            Specificity::new(1, 1, 1),
        ),
        (single(c().with(is_list.clone())), Specificity::new(1, 0, 0)),
        (
            single(c().with(Simple::Not(list(vec![single(ty("a").hint("b"))])))),
            Specificity::new(0, 1, 1),
        ),
        (
            single(c().with(Simple::Where(list(vec![single(c().id("x"))])))),
            Specificity::new(0, 0, 0),
        ),
        (single(ty("a").with(is_list)), Specificity::new(1, 0, 1)),
    ];
    for (selector, expected) in table {
        assert_eq!(selector.specificity(), expected, "{selector}");
    }
}

#[test]
fn specificity_orders_like_css_not_like_a_sum() {
    // KDE Union summed weights: 11 classes (110) beat one id (100). CSS does not.
    let eleven_classes = (0..11).fold(c(), |compound, i| compound.hint(&format!("h{i}")));
    let classes = single(eleven_classes).specificity();
    let id = single(c().id("x")).specificity();
    assert!(id > classes);
    assert!(id.packed() > classes.packed());
    // Ten types do not tie with one class.
    let ten_types = (0..10).fold(single(ty("t")), |s, _| s.descendant(ty("t")));
    assert!(single(c().hint("h")).specificity() > ten_types.specificity());
}

#[test]
fn index_key_prefers_id_then_hint_then_type() {
    let (ok, flat, button, label) = (
        Name::new("ok"),
        Name::new("flat"),
        Name::new("button"),
        Name::new("label"),
    );
    let table = vec![
        (
            single(ty("Button").hint("flat").id("ok")),
            IndexKey::Id(&ok),
        ),
        (single(ty("Button").hint("flat")), IndexKey::Hint(&flat)),
        (
            single(ty("Button").state(State::Hovered)),
            IndexKey::Type(&button),
        ),
        (single(c().state(State::Hovered)), IndexKey::Universal),
        (
            single(c().id("x")).descendant(ty("Label")),
            IndexKey::Type(&label),
        ),
    ];
    for (selector, expected) in table {
        assert_eq!(selector.index_key(), expected, "{selector}");
    }
}

#[test]
fn display_writes_css() {
    let selector = single(c().hint("flat").type_name("ToolButton"))
        .child(c().state(State::Pressed).id("ok"))
        .later_sibling(c().attribute("lang", Op::DashMatch, "en", true))
        .next_sibling(c().with(Simple::Not(list(vec![single(
            c().with(Simple::NthChild(NthIndex::ODD)),
        )]))));
    assert_eq!(
        selector.to_string(),
        r#"toolbutton.flat > #ok:active ~ [lang|="en" i] + :not(:nth-child(2n+1))"#
    );
    assert_eq!(
        selector.combinators(),
        &[
            Combinator::Child,
            Combinator::LaterSibling,
            Combinator::NextSibling
        ]
    );
}

#[test]
fn selectors_round_trip_through_serde() {
    let selector = single(ty("Window").hint("dark"))
        .descendant(c().id("ok").attribute("value", Op::Equals, "3", false))
        .child(c().with(Simple::Is(list(vec![single(ty("a"))]))));
    let json = serde_json::to_string(&selector).unwrap();
    let back: Selector = serde_json::from_str(&json).unwrap();
    assert_eq!(back, selector);
    assert_eq!(back.specificity(), selector.specificity());
    assert_eq!(back.to_string(), "window.dark #ok[value=\"3\"] > :is(a)");
}

#[test]
fn selectors_longer_than_the_inline_storage_keep_every_compound() {
    // `a > b > c > d > e > f`: more compounds than are stored inline.
    let names = ["a", "b", "c", "d", "e", "f"];
    assert!(names.len() > union_selectors::INLINE_COMPOUNDS);
    let selector = names[1..]
        .iter()
        .fold(single(c().type_name(names[0])), |s, n| {
            s.child(c().type_name(n))
        });
    assert_eq!(selector.compound_count(), names.len());
    assert_eq!(selector.to_string(), "a > b > c > d > e > f");
    assert_eq!(selector.combinators(), &[Combinator::Child; 5]);
    let chain = |types: [&'static str; 6]| Forest {
        nodes: types
            .iter()
            .enumerate()
            .map(|(index, ty)| Node {
                ty,
                parent: index.checked_sub(1),
                ..Node::default()
            })
            .collect(),
        direction: Direction::Ltr,
    };
    let target = |forest: &Forest| matches(&selector, &Handle { forest, index: 5 });
    assert!(target(&chain(["a", "b", "c", "d", "e", "f"])));
    assert!(!target(&chain(["a", "b", "x", "d", "e", "f"])));
    assert!(!target(&chain(["x", "b", "c", "d", "e", "f"])));
    let bytes = serde_json::to_string(&selector).unwrap_or_else(|e| panic!("{e}"));
    let back: Selector = serde_json::from_str(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, selector);
}

#[test]
fn flat_construction_clamps_bad_boundaries() {
    let parts = vec![
        Simple::Type(Name::lowercase("a")),
        Simple::Hint(Name::new("x")),
        Simple::Type(Name::lowercase("b")),
    ];
    let cases: &[(&[usize], &str)] = &[
        (&[2, 3], "a.x b"),
        // Parts after the last boundary join the last compound.
        (&[1], "ab.x"),
        (&[], "ab.x"),
        (&[9, 1], "ab.x *"),
        (&[0, 3], "* ab.x"),
    ];
    for (ends, expected) in cases {
        let selector = Selector::from_flat(parts.clone(), ends, &[]);
        assert_eq!(selector.to_string(), *expected, "ends {ends:?}");
        assert_eq!(selector.combinators().len(), selector.compound_count() - 1);
    }
}

//! Table tests for the cascade: specificity, source order, importance, none
//! vs unset, per-leaf merging, inheritance, `currentColor`, relative lengths,
//! context conditions.

mod common;

use common::*;
use std::sync::Arc;
use union_model::selectors::{Compound, Selector, Simple};
use union_model::values::{Color, ColorRole, ColorSet, Length};
use union_model::{
    ColorScheme, Condition, Context, Declaration, Direction, Element, PropertyId as P, Query, Rule,
    Slot, State, Styler, Value,
};

struct Case {
    name: &'static str,
    rules: Vec<Rule>,
    chain: Vec<Element>,
    context: Context,
    /// (property, expected slot)
    expect: Vec<(P, Slot<Value>)>,
}

fn case(
    name: &'static str,
    rules: Vec<Rule>,
    chain: Vec<Element>,
    expect: Vec<(P, Slot<Value>)>,
) -> Case {
    Case {
        name,
        rules,
        chain,
        context: Context::default(),
        expect,
    }
}

fn set(v: Value) -> Slot<Value> {
    Slot::Set(v)
}

fn button() -> Element {
    Element::new("Button")
}

fn cases() -> Vec<Case> {
    let flat_hover = Element::new("Button")
        .with_hint("flat")
        .with_state(State::Hovered)
        .with_id("ok");
    let window = Element::new("Window");
    vec![
        case(
            "a class beats a type, whatever the order",
            vec![
                rule(
                    Selector::new(Compound::new().hint("flat")),
                    vec![decl(P::BackgroundColor, rgb(1, 0, 0))],
                ),
                rule(
                    Selector::new(ty("Button")),
                    vec![decl(P::BackgroundColor, rgb(0, 1, 0))],
                ),
            ],
            vec![flat_hover.clone()],
            vec![(P::BackgroundColor, set(rgb(1, 0, 0)))],
        ),
        case(
            "an id beats eleven classes (a tuple, not a sum)",
            vec![
                rule(
                    Selector::new(Compound::new().id("ok")),
                    vec![decl(
                        P::Opacity,
                        Value::Number(union_model::values::Number(0.5)),
                    )],
                ),
                rule(
                    Selector::new(
                        (0..11).fold(Compound::new().hint("flat"), |c, _| c.state(State::Hovered)),
                    ),
                    vec![decl(
                        P::Opacity,
                        Value::Number(union_model::values::Number(0.25)),
                    )],
                ),
            ],
            vec![flat_hover.clone()],
            vec![(
                P::Opacity,
                set(Value::Number(union_model::values::Number(0.5))),
            )],
        ),
        case(
            "equal specificity: the later rule wins",
            vec![
                rule(
                    Selector::new(ty("Button")),
                    vec![decl(P::BackgroundColor, rgb(1, 0, 0))],
                ),
                rule(
                    Selector::new(ty("button")),
                    vec![decl(P::BackgroundColor, rgb(2, 0, 0))],
                ),
            ],
            vec![button()],
            vec![(P::BackgroundColor, set(rgb(2, 0, 0)))],
        ),
        case(
            "in one rule the later declaration wins",
            vec![rule(
                Selector::new(ty("Button")),
                vec![
                    decl(P::BackgroundColor, rgb(1, 0, 0)),
                    decl(P::BackgroundColor, rgb(3, 0, 0)),
                ],
            )],
            vec![button()],
            vec![(P::BackgroundColor, set(rgb(3, 0, 0)))],
        ),
        case(
            "!important beats higher specificity",
            vec![
                important(
                    Selector::new(ty("Button")),
                    vec![decl(P::BackgroundColor, rgb(9, 0, 0))],
                ),
                rule(
                    Selector::new(Compound::new().id("ok")),
                    vec![decl(P::BackgroundColor, rgb(1, 0, 0))],
                ),
            ],
            vec![flat_hover.clone()],
            vec![(P::BackgroundColor, set(rgb(9, 0, 0)))],
        ),
        case(
            "none blocks lower rules; unset falls through",
            vec![
                rule(
                    Selector::new(ty("Button").state(State::Hovered)),
                    vec![Declaration::none(P::BackgroundColor)],
                ),
                rule(
                    Selector::new(ty("Button")),
                    vec![
                        decl(P::BackgroundColor, rgb(1, 0, 0)),
                        decl(P::BorderTopWidth, px(1.0)),
                    ],
                ),
            ],
            vec![flat_hover.clone()],
            vec![
                (P::BackgroundColor, Slot::None),
                (P::BorderTopWidth, set(px(1.0))),
            ],
        ),
        case(
            "leaves merge from several rules",
            vec![
                rule(
                    Selector::new(ty("Button")),
                    vec![decl(P::PaddingLeft, px(4.0))],
                ),
                rule(
                    Selector::new(Compound::new().hint("flat")),
                    vec![decl(P::PaddingRight, px(6.0))],
                ),
                rule(
                    Selector::new(Compound::new().universal()),
                    vec![decl(P::PaddingTop, px(2.0))],
                ),
            ],
            vec![flat_hover.clone()],
            vec![
                (P::PaddingLeft, set(px(4.0))),
                (P::PaddingRight, set(px(6.0))),
                (P::PaddingTop, set(px(2.0))),
                (P::PaddingBottom, Slot::Unset),
            ],
        ),
        case(
            "non-matching rules contribute nothing",
            vec![rule(
                Selector::new(ty("Button").state(State::Pressed)),
                vec![decl(P::BackgroundColor, rgb(1, 0, 0))],
            )],
            vec![flat_hover.clone()],
            vec![(P::BackgroundColor, Slot::Unset)],
        ),
        case(
            "text colour and font inherit from the parent",
            vec![rule(
                Selector::new(ty("Window")),
                vec![
                    decl(P::Color, rgb(5, 5, 5)),
                    decl(P::FontSize, px(20.0)),
                    decl(P::BackgroundColor, rgb(7, 7, 7)),
                ],
            )],
            vec![window.clone(), button()],
            vec![
                (P::Color, set(rgb(5, 5, 5))),
                (P::FontSize, set(px(20.0))),
                (P::BackgroundColor, Slot::Unset),
            ],
        ),
        case(
            "an element's own value beats the inherited one; none blocks inheritance",
            vec![
                rule(
                    Selector::new(ty("Window")),
                    vec![
                        decl(P::Color, rgb(5, 5, 5)),
                        decl(
                            P::FontWeight,
                            Value::FontWeight(union_model::values::FontWeight::BOLD),
                        ),
                    ],
                ),
                rule(
                    Selector::new(ty("Button")),
                    vec![
                        decl(P::Color, rgb(6, 6, 6)),
                        Declaration::none(P::FontWeight),
                    ],
                ),
            ],
            vec![window.clone(), button()],
            vec![(P::Color, set(rgb(6, 6, 6))), (P::FontWeight, Slot::None)],
        ),
        case(
            "inheritance passes through elements without rules",
            vec![rule(
                Selector::new(ty("Window")),
                vec![decl(P::Color, rgb(5, 5, 5))],
            )],
            vec![
                window.clone(),
                Element::new("Frame"),
                Element::new("Panel"),
                button(),
            ],
            vec![(P::Color, set(rgb(5, 5, 5)))],
        ),
        case(
            "`inherit` takes the parent's value of a non-inherited property",
            vec![
                rule(
                    Selector::new(ty("Window")),
                    vec![decl(P::BackgroundColor, rgb(7, 7, 7))],
                ),
                rule(
                    Selector::new(ty("Button")),
                    vec![Declaration::inherit(P::BackgroundColor)],
                ),
            ],
            vec![window.clone(), button()],
            vec![(P::BackgroundColor, set(rgb(7, 7, 7)))],
        ),
        case(
            "currentColor in `color` means the parent's colour",
            vec![
                rule(
                    Selector::new(ty("Window")),
                    vec![decl(P::Color, rgb(5, 5, 5))],
                ),
                rule(
                    Selector::new(ty("Button")),
                    vec![decl(
                        P::Color,
                        Value::Color(Color::CurrentColor.with_alpha(0.5)),
                    )],
                ),
            ],
            vec![window.clone(), button()],
            vec![(
                P::Color,
                set(Value::Color(
                    Color::Rgba(union_model::values::Rgba::rgb8(5, 5, 5)).with_alpha(0.5),
                )),
            )],
        ),
        case(
            "currentColor elsewhere stays symbolic",
            vec![rule(
                Selector::new(ty("Button")),
                vec![decl(P::BorderTopColor, Value::Color(Color::CurrentColor))],
            )],
            vec![button()],
            vec![(P::BorderTopColor, set(Value::Color(Color::CurrentColor)))],
        ),
        case(
            "font-size in em is relative to the parent's font size",
            vec![
                rule(
                    Selector::new(ty("Window")),
                    vec![decl(P::FontSize, px(10.0))],
                ),
                rule(
                    Selector::new(ty("Button")),
                    vec![decl(P::FontSize, em(2.0)), decl(P::PaddingLeft, em(0.5))],
                ),
            ],
            vec![window.clone(), button()],
            vec![
                (P::FontSize, set(px(20.0))),
                (P::PaddingLeft, set(px(10.0))),
            ],
        ),
        case(
            "rem is relative to the context font size; em without font-size uses the inherited one",
            vec![
                rule(
                    Selector::new(ty("Window")),
                    vec![decl(P::FontSize, px(16.0))],
                ),
                rule(
                    Selector::new(ty("Button")),
                    vec![
                        decl(P::PaddingLeft, Value::Length(Length::Rem(1.0))),
                        decl(P::PaddingRight, em(1.0)),
                    ],
                ),
            ],
            vec![window.clone(), button()],
            vec![
                (P::PaddingLeft, set(px(Context::DEFAULT_FONT_SIZE))),
                (P::PaddingRight, set(px(16.0))),
            ],
        ),
        case(
            "sibling combinators see the recorded preceding siblings",
            vec![rule(
                Selector::new(ty("Separator")).next_sibling(ty("Button")),
                vec![decl(P::MarginLeft, px(3.0))],
            )],
            vec![
                Element::new("ToolBar"),
                button().at_position(2, 3).with_preceding_siblings(vec![
                    Element::new("Label"),
                    Element::new("Separator"),
                ]),
            ],
            vec![(P::MarginLeft, set(px(3.0)))],
        ),
        case(
            "descendant backtracking through the chain",
            vec![rule(
                Selector::new(ty("Frame").hint("b")).descendant(ty("Label")),
                vec![decl(P::MarginTop, px(1.0))],
            )],
            vec![
                Element::new("Frame").with_hint("b"),
                Element::new("Panel").with_hint("b"),
                Element::new("Label"),
            ],
            vec![(P::MarginTop, set(px(1.0)))],
        ),
    ]
}

#[test]
fn cascade_table() {
    let mut failures = Vec::new();
    for case in cases() {
        let styler = Styler::new(theme(case.name, case.rules));
        let result = styler.query(&Query::new(case.chain, case.context));
        for (id, expected) in case.expect {
            let actual = result.style.get(id);
            if actual != expected {
                failures.push(format!(
                    "{}: {id} is {actual:?}, expected {expected:?}",
                    case.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn media_conditions_follow_the_context() {
    let mut dark = rule(
        Selector::new(ty("Button")),
        vec![decl(P::BackgroundColor, rgb(0, 0, 0))],
    );
    dark.condition = Some(Arc::new(Condition::ColorScheme(ColorScheme::Dark)));
    let mut inactive = rule(
        Selector::new(ty("Button")),
        vec![decl(
            P::Opacity,
            Value::Number(union_model::values::Number(0.5)),
        )],
    );
    inactive.condition = Some(Arc::new(Condition::Not(Box::new(Condition::WindowActive(
        true,
    )))));
    let styler = Styler::new(theme("media", vec![dark, inactive]));
    let light = styler.query(&Query::new(vec![button()], Context::default()));
    assert_eq!(light.style.background.color, Slot::Unset);
    assert_eq!(light.style.display.opacity, Slot::Unset);
    let dark_context = Context {
        color_scheme: ColorScheme::Dark,
        window_active: false,
        ..Context::default()
    };
    let dark = styler.query(&Query::new(vec![button()], dark_context));
    assert!(dark.style.background.color.is_decided());
    assert!(dark.style.display.opacity.is_decided());
}

#[test]
fn dir_pseudo_class_uses_the_context_direction() {
    let selector = Selector::new(ty("Button").with(Simple::Dir(Direction::Rtl)));
    let styler = Styler::new(theme(
        "dir",
        vec![rule(selector, vec![decl(P::PaddingLeft, px(9.0))])],
    ));
    let ltr = styler.query(&Query::new(vec![button()], Context::default()));
    let rtl = styler.query(&Query::new(
        vec![button()],
        Context {
            direction: Direction::Rtl,
            ..Context::default()
        },
    ));
    assert_eq!(ltr.style.layout.padding.left, Slot::Unset);
    assert_eq!(rtl.style.layout.padding.left, Slot::Set(Length::Px(9.0)));
}

#[test]
fn matched_rules_are_reported_highest_priority_first() {
    let styler = Styler::new(theme(
        "trace",
        vec![
            rule(
                Selector::new(ty("Button")),
                vec![decl(P::PaddingLeft, px(1.0))],
            ),
            rule(
                Selector::new(Compound::new().hint("flat")),
                vec![decl(P::PaddingLeft, px(2.0))],
            ),
            rule(
                Selector::new(ty("Label")),
                vec![decl(P::PaddingLeft, px(3.0))],
            ),
        ],
    ));
    let theme = styler.theme();
    let result = styler.query(&Query::element(button().with_hint("flat")));
    let selectors: Vec<String> = result
        .matched_rules
        .iter()
        .map(|i| {
            theme
                .rules()
                .rule(*i)
                .map(|r| r.selector.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(selectors, vec![".flat", "button"]);
}

#[test]
fn resolved_style_snapshot() {
    let rules = vec![
        rule(
            Selector::new(ty("Window")),
            vec![
                decl(
                    P::Color,
                    Value::Color(Color::palette(
                        ColorSet::Window,
                        ColorRole::ForegroundNormal,
                    )),
                ),
                decl(P::FontSize, px(13.0)),
            ],
        ),
        rule(
            Selector::new(ty("Button")),
            vec![
                decl(
                    P::BackgroundColor,
                    Value::Color(Color::palette(
                        ColorSet::Button,
                        ColorRole::BackgroundNormal,
                    )),
                ),
                decl(P::PaddingLeft, em(0.5)),
                decl(P::BorderTopWidth, px(1.0)),
                decl(
                    P::BorderTopColor,
                    Value::Color(Color::CurrentColor.mix(Color::TRANSPARENT, 0.7)),
                ),
                decl(
                    P::BorderTopLeftRadius,
                    Value::Radius(union_model::values::Radius::circular(3.0)),
                ),
            ],
        ),
        rule(
            Selector::new(ty("Button").state(State::Hovered)),
            vec![Declaration::none(P::BackgroundColor)],
        ),
    ];
    let styler = Styler::new(theme("snapshot", rules));
    let result = styler.query(&Query::new(
        vec![Element::new("Window"), button().with_state(State::Hovered)],
        Context::default(),
    ));
    insta::assert_snapshot!(result.style.to_css_declarations());
    insta::assert_json_snapshot!("resolved_style_json", result.style);
}

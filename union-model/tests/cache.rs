//! The query cache: never another theme's result, never an older generation,
//! and correct under concurrent queries.

mod common;

use common::*;
use std::sync::Arc;
use union_model::selectors::Selector;
use union_model::values::Length;
use union_model::{Context, Element, PropertyId as P, Query, Slot, State, Styler};

fn padding_theme(name: &str, padding: f32) -> Arc<union_model::Theme> {
    theme(
        name,
        vec![rule(
            Selector::new(ty("Button")),
            vec![decl(P::PaddingLeft, px(padding))],
        )],
    )
}

fn padding(styler: &Styler, theme: &union_model::Theme, query: &Query) -> Slot<Length> {
    styler
        .query_theme(theme, query)
        .style
        .layout
        .padding
        .left
        .clone()
}

#[test]
fn two_themes_through_one_cache_never_mix() {
    let a = padding_theme("a", 1.0);
    let b = padding_theme("b", 2.0);
    let styler = Styler::new(Arc::clone(&a));
    let query = Query::element(Element::new("Button"));
    for _ in 0..3 {
        assert_eq!(padding(&styler, &a, &query), Slot::Set(Length::Px(1.0)));
        assert_eq!(padding(&styler, &b, &query), Slot::Set(Length::Px(2.0)));
    }
}

#[test]
fn a_new_generation_is_never_served_an_old_result() {
    let styler = Styler::new(padding_theme("live", 1.0));
    let query = Query::element(Element::new("Button"));
    assert_eq!(
        styler.query(&query).style.layout.padding.left,
        Slot::Set(Length::Px(1.0))
    );
    // Same name, same chain: only the generation differs.
    let edited = padding_theme("live", 5.0);
    assert_ne!(edited.generation(), styler.theme().generation());
    styler.set_theme(edited);
    assert_eq!(
        styler.query(&query).style.layout.padding.left,
        Slot::Set(Length::Px(5.0))
    );
}

#[test]
fn state_and_context_changes_are_different_keys() {
    let styler = Styler::new(theme(
        "states",
        vec![
            rule(
                Selector::new(ty("Button").state(State::Hovered)),
                vec![decl(P::PaddingLeft, px(3.0))],
            ),
            rule(
                Selector::new(ty("Button").with(union_model::selectors::Simple::Dir(
                    union_model::Direction::Rtl,
                ))),
                vec![decl(P::PaddingRight, px(4.0))],
            ),
        ],
    ));
    let mut query = Query::element(Element::new("Button"));
    assert_eq!(styler.query(&query).style.layout.padding.left, Slot::Unset);
    query.chain_mut()[0].set_state(State::Hovered, true);
    assert_eq!(
        styler.query(&query).style.layout.padding.left,
        Slot::Set(Length::Px(3.0))
    );
    query.chain_mut()[0].set_state(State::Hovered, false);
    assert_eq!(styler.query(&query).style.layout.padding.left, Slot::Unset);
    let rtl = query.clone().with_context(Context {
        direction: union_model::Direction::Rtl,
        ..Context::default()
    });
    assert_eq!(
        styler.query(&rtl).style.layout.padding.right,
        Slot::Set(Length::Px(4.0))
    );
    assert_eq!(styler.query(&query).style.layout.padding.right, Slot::Unset);
}

#[test]
fn cached_results_equal_fresh_ones_and_prefixes_are_shared() {
    let rules = vec![
        rule(
            Selector::new(ty("Window")),
            vec![decl(P::Color, rgb(1, 2, 3))],
        ),
        rule(
            Selector::new(ty("Button")),
            vec![decl(P::PaddingLeft, px(2.0))],
        ),
    ];
    let styler = Styler::new(theme("prefix", rules.clone()));
    let chain = vec![
        Element::new("Window"),
        Element::new("ToolBar"),
        Element::new("Button"),
    ];
    let query = Query::new(chain.clone(), Context::default());
    let first = styler.query(&query);
    assert_eq!(styler.cached(), 3, "every level of the chain is cached");
    let second = styler.query(&query);
    assert!(Arc::ptr_eq(&first, &second));
    // A sibling query reuses the two ancestors and adds one entry.
    let sibling = Query::new(
        vec![chain[0].clone(), chain[1].clone(), Element::new("Label")],
        Context::default(),
    );
    let label = styler.query(&sibling);
    assert_eq!(styler.cached(), 4);
    assert_eq!(label.style.text.color, first.style.text.color);
    // A fresh styler computes the same thing.
    let fresh = Styler::new(theme("prefix", rules)).query(&query);
    assert_eq!(fresh.style, first.style);
}

#[test]
fn concurrent_queries_agree_with_sequential_ones() {
    let rules: Vec<_> = (0..50)
        .map(|i| {
            rule(
                Selector::new(ty(&format!("T{}", i % 10)).hint(&format!("h{i}"))),
                vec![decl(P::PaddingLeft, px(i as f32))],
            )
        })
        .collect();
    let styler = Arc::new(Styler::new(theme("threads", rules)));
    let queries: Vec<Query> = (0..200)
        .map(|i| {
            Query::new(
                vec![
                    Element::new("Window"),
                    Element::new(&format!("T{}", i % 10)).with_hint(&format!("h{}", i % 50)),
                ],
                Context::default(),
            )
        })
        .collect();
    let expected: Vec<_> = queries
        .iter()
        .map(|q| styler.query(q).style.clone())
        .collect();
    let fresh = Arc::new(Styler::new(styler.theme()));
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let styler = Arc::clone(&fresh);
            let queries = queries.clone();
            std::thread::spawn(move || {
                let mut out = Vec::new();
                for round in 0..5 {
                    for (i, q) in queries.iter().enumerate() {
                        if (i + t + round) % 2 == 0 {
                            out.push((i, styler.query(q).style.clone()));
                        }
                    }
                }
                out
            })
        })
        .collect();
    for handle in handles {
        for (i, style) in handle.join().unwrap() {
            assert_eq!(style, expected[i], "query {i}");
        }
    }
}

#[test]
fn very_deep_chains_keep_their_nearest_ancestors_and_do_not_overflow() {
    let styler = Styler::new(theme(
        "deep",
        vec![rule(
            Selector::new(ty("Deep"))
                .descendant(ty("Deep"))
                .descendant(ty("Button")),
            vec![decl(P::PaddingLeft, px(7.0))],
        )],
    ));
    let mut chain: Vec<Element> = (0..100_000).map(|_| Element::new("Deep")).collect();
    chain.push(Element::new("Button"));
    let query = Query::new(chain, Context::default());
    assert_eq!(query.chain().len(), Query::MAX_CHAIN_DEPTH);
    // Run where the stack is small, as a worker thread's would be.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || styler.query(&query).style.layout.padding.left.clone())
        .unwrap();
    assert_eq!(handle.join().unwrap(), Slot::Set(Length::Px(7.0)));
}

#[test]
fn empty_chains_get_an_empty_style() {
    let styler = Styler::new(padding_theme("empty", 1.0));
    let result = styler.query(&Query::new(Vec::new(), Context::default()));
    assert!(result.style.decided().next().is_none());
}

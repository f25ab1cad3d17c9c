//! Helpers shared by the model's integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::sync::Arc;
use union_model::selectors::{Compound, Selector};
use union_model::values::{Color, Length, Rgba};
use union_model::{Declaration, Importance, PropertyId, Rule, Theme, ThemeDefinition, Value};

pub fn px(v: f32) -> Value {
    Value::Length(Length::Px(v))
}

pub fn em(v: f32) -> Value {
    Value::Length(Length::Em(v))
}

pub fn rgb(r: u8, g: u8, b: u8) -> Value {
    Value::Color(Color::Rgba(Rgba::rgb8(r, g, b)))
}

pub fn ty(name: &str) -> Compound {
    Compound::new().type_name(name)
}

pub fn decl(id: PropertyId, value: Value) -> Declaration {
    Declaration::value(id, value).unwrap_or_else(|e| panic!("bad test declaration: {e}"))
}

pub fn rule(selector: Selector, declarations: Vec<Declaration>) -> Rule {
    Rule::new(selector, declarations)
}

pub fn important(selector: Selector, declarations: Vec<Declaration>) -> Rule {
    Rule {
        importance: Importance::Important,
        ..Rule::new(selector, declarations)
    }
}

pub fn theme(name: &str, rules: Vec<Rule>) -> Arc<Theme> {
    Arc::new(Theme::compile(
        ThemeDefinition {
            name: name.into(),
            rules,
            ..ThemeDefinition::default()
        },
        None,
    ))
}

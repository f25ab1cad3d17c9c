//! `@media` queries → conditions on the query context.
//!
//! Supported features: `prefers-color-scheme: light | dark`,
//! `pointer: coarse | fine` (and `any-pointer`) for touch vs desktop,
//! `window-active` (boolean: the element's window is the active one), and
//! `prefers-reduced-motion` is not modelled. Media types other than `all`
//! and `screen` never match (Union draws screens).

use lightningcss::media_query::{
    MediaCondition, MediaList, MediaQuery, MediaType, Operator, Qualifier,
};
use lightningcss::traits::ToCss;
use union_model::{ColorScheme, Condition, FormFactor};

/// Converts a media list (any query may match).
pub fn convert(list: &MediaList<'_>) -> Result<Condition, String> {
    let queries: Vec<Condition> = list
        .media_queries
        .iter()
        .map(query)
        .collect::<Result<_, _>>()?;
    Ok(match queries.len() {
        1 => queries
            .into_iter()
            .next()
            .unwrap_or(Condition::All(Vec::new())),
        _ => Condition::Any(queries),
    })
}

fn query(query: &MediaQuery<'_>) -> Result<Condition, String> {
    let type_matches = match &query.media_type {
        MediaType::All | MediaType::Screen => true,
        MediaType::Print => false,
        MediaType::Custom(name) => return Err(format!("unknown media type `{name}`")),
    };
    let mut condition = if type_matches {
        Condition::All(Vec::new())
    } else {
        Condition::Any(Vec::new())
    };
    if let Some(inner) = &query.condition {
        condition = Condition::All(vec![condition, media_condition(inner)?]);
    }
    Ok(match query.qualifier {
        Some(Qualifier::Not) => Condition::Not(Box::new(condition)),
        _ => condition,
    })
}

fn media_condition(condition: &MediaCondition<'_>) -> Result<Condition, String> {
    Ok(match condition {
        MediaCondition::Not(inner) => Condition::Not(Box::new(media_condition(inner)?)),
        MediaCondition::Operation {
            operator,
            conditions,
        } => {
            let list = conditions
                .iter()
                .map(media_condition)
                .collect::<Result<_, _>>()?;
            match operator {
                Operator::And => Condition::All(list),
                Operator::Or => Condition::Any(list),
            }
        }
        MediaCondition::Feature(feature) => {
            let text = feature
                .to_css_string(lightningcss::stylesheet::PrinterOptions::default())
                .unwrap_or_default();
            self::feature(text.trim_start_matches('(').trim_end_matches(')'))?
        }
        other => {
            let text = other
                .to_css_string(lightningcss::stylesheet::PrinterOptions::default())
                .unwrap_or_default();
            return Err(format!("unsupported media condition `{text}`"));
        }
    })
}

fn feature(text: &str) -> Result<Condition, String> {
    let (name, value) = match text.split_once(':') {
        Some((name, value)) => (
            name.trim().to_ascii_lowercase(),
            Some(value.trim().to_ascii_lowercase()),
        ),
        None => (text.trim().to_ascii_lowercase(), None),
    };
    Ok(match (name.as_str(), value.as_deref()) {
        ("prefers-color-scheme", Some("dark")) => Condition::ColorScheme(ColorScheme::Dark),
        ("prefers-color-scheme", Some("light")) => Condition::ColorScheme(ColorScheme::Light),
        ("pointer" | "any-pointer", Some("coarse")) => Condition::FormFactor(FormFactor::Touch),
        ("pointer" | "any-pointer", Some("fine")) => Condition::FormFactor(FormFactor::Desktop),
        ("window-active", None) => Condition::WindowActive(true),
        _ => {
            return Err(format!(
                "unsupported media feature `({text})`: Union knows prefers-color-scheme, pointer and window-active"
            ));
        }
    })
}

//! A compact notation for element chains, used by `union inspect`,
//! snapshot cases and tests.
//!
//! Root-first compounds joined by ` > `, each
//! `Type#id.hint:state[attr=value]` with an optional `@i/n` (1-based
//! position among `n` siblings), e.g.
//! `Window > ToolBar[position=header] > ToolButton.flat:hover@2/5`.

use crate::{AttributeValue, Element, State};

/// Parses a chain; the error names the bad part.
pub fn parse_chain(text: &str) -> Result<Vec<Element>, String> {
    let chain: Vec<Element> = text
        .split('>')
        .map(str::trim)
        .map(parse_element)
        .collect::<Result<_, _>>()?;
    if chain.is_empty() {
        return Err("the chain is empty".into());
    }
    Ok(chain)
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

fn take_name(rest: &mut &str) -> Result<String, String> {
    let end = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
    if end == 0 {
        return Err(format!("expected a name at `{rest}`"));
    }
    let (name, tail) = rest.split_at(end);
    *rest = tail;
    Ok(name.to_owned())
}

fn parse_element(text: &str) -> Result<Element, String> {
    let (compound, position) = match text.split_once('@') {
        Some((compound, position)) => (compound, Some(position)),
        None => (text, None),
    };
    let mut rest = compound;
    let type_name = take_name(&mut rest)
        .map_err(|e| format!("`{text}`: {e} (each element starts with its type)"))?;
    let mut element = Element::new(&type_name);
    while let Some(first) = rest.chars().next() {
        rest = &rest[first.len_utf8()..];
        match first {
            '#' => element = element.with_id(&take_name(&mut rest)?),
            '.' => element = element.with_hint(&take_name(&mut rest)?),
            ':' => {
                let name = take_name(&mut rest)?;
                let state = State::from_css_name(&name)
                    .ok_or_else(|| format!("`{text}`: unknown state `:{name}`"))?;
                element = element.with_state(state);
            }
            '[' => {
                let end = rest
                    .find(']')
                    .ok_or_else(|| format!("`{text}`: `[` without `]`"))?;
                let (inside, tail) = rest.split_at(end);
                rest = &tail[1..];
                let (name, value) = inside.split_once('=').unwrap_or((inside, "true"));
                let value = value.trim().trim_matches('"');
                let value = match value {
                    "true" => AttributeValue::Bool(true),
                    "false" => AttributeValue::Bool(false),
                    v => v
                        .parse::<f64>()
                        .map_or_else(|_| AttributeValue::from(v), AttributeValue::Number),
                };
                element = element.with_attribute(name.trim(), value);
            }
            other => return Err(format!("`{text}`: unexpected `{other}`")),
        }
    }
    if let Some(position) = position {
        let (index, count) = position
            .split_once('/')
            .and_then(|(i, n)| Some((i.trim().parse::<u32>().ok()?, n.trim().parse::<u32>().ok()?)))
            .filter(|(i, n)| *i >= 1 && i <= n)
            .ok_or_else(|| format!("`{text}`: position must be `@i/n` with 1 ≤ i ≤ n"))?;
        element = element.at_position(index - 1, count);
    }
    Ok(element)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_parse_every_part() {
        let chain = parse_chain(
            "Window > ToolBar[position=header] > ToolButton#save.flat:hover:checked[count=3]@2/5",
        )
        .unwrap();
        assert_eq!(chain.len(), 3);
        let target = &chain[2];
        assert_eq!(
            target.to_string(),
            "ToolButton#save.flat:hover:checked[count=\"3\"]"
        );
        assert_eq!(target.position().map(|p| (p.index, p.count)), Some((1, 5)));
        assert_eq!(
            target.attribute("count"),
            Some(&AttributeValue::Number(3.0))
        );
        assert_eq!(
            chain[1].attribute("position"),
            Some(&AttributeValue::from("header"))
        );
    }

    #[test]
    fn bad_chains_say_what_is_wrong() {
        let table = [
            ("", "`<empty>`"),
            ("Button:hovr", "unknown state `:hovr`"),
            ("Button@3/2", "position must be"),
            ("Button[a=b", "`[` without `]`"),
            (".flat", "each element starts with its type"),
        ];
        for (input, expected) in table {
            let error = parse_chain(input).unwrap_err();
            assert!(
                error.contains(expected.trim_matches('`'))
                    || (input.is_empty() && error.contains("expected a name")),
                "{input:?}: {error}"
            );
        }
    }
}

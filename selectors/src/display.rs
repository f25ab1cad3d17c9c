//! Serialising selectors back to CSS text (for diagnostics, `union inspect` and debugging).

use crate::ast::{Combinator, Compound, Selector, Simple};
use std::fmt::{self, Write as _};

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, compound) in self.compounds().enumerate() {
            if i > 0 {
                f.write_str(match self.combinators()[i - 1] {
                    Combinator::Descendant => " ",
                    Combinator::Child => " > ",
                    Combinator::NextSibling => " + ",
                    Combinator::LaterSibling => " ~ ",
                })?;
            }
            write_compound(f, compound)?;
        }
        Ok(())
    }
}

impl fmt::Display for Compound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_compound(f, self.parts())
    }
}

fn write_compound(f: &mut fmt::Formatter<'_>, compound: &[Simple]) -> fmt::Result {
    if compound.is_empty() {
        return f.write_char('*');
    }
    // Canonical CSS order: type or `*`, id, hints, attributes, pseudo-classes.
    let mut parts: Vec<&Simple> = compound.iter().collect();
    parts.sort_by_key(|part| match part {
        Simple::Type(_) | Simple::Universal => 0,
        Simple::Id(_) => 1,
        Simple::Hint(_) => 2,
        Simple::Attribute(_) => 3,
        _ => 4,
    });
    for part in parts {
        write!(f, "{part}")?;
    }
    Ok(())
}

fn write_list(f: &mut fmt::Formatter<'_>, name: &str, list: &[Selector]) -> fmt::Result {
    write!(f, ":{name}(")?;
    for (i, selector) in list.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{selector}")?;
    }
    f.write_char(')')
}

impl fmt::Display for Simple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Simple::Universal => f.write_char('*'),
            Simple::Type(name) => write!(f, "{name}"),
            Simple::Id(id) => write!(f, "#{id}"),
            Simple::Hint(hint) => write!(f, ".{hint}"),
            Simple::State(state) => write!(f, ":{}", state.css_name()),
            Simple::Attribute(attribute) => {
                write!(f, "[{}", attribute.name)?;
                if let Some(op) = &attribute.operation {
                    write!(f, "{}{:?}", op.operator.css(), op.value)?;
                    if op.case_insensitive {
                        f.write_str(" i")?;
                    }
                }
                f.write_char(']')
            }
            Simple::FirstChild => f.write_str(":first-child"),
            Simple::LastChild => f.write_str(":last-child"),
            Simple::OnlyChild => f.write_str(":only-child"),
            Simple::NthChild(nth) => write!(f, ":nth-child({}n{:+})", nth.a, nth.b),
            Simple::NthLastChild(nth) => write!(f, ":nth-last-child({}n{:+})", nth.a, nth.b),
            Simple::Root => f.write_str(":root"),
            Simple::Dir(direction) => write!(f, ":dir({})", direction.css_name()),
            Simple::Not(list) => write_list(f, "not", list),
            Simple::Is(list) => write_list(f, "is", list),
            Simple::Where(list) => write_list(f, "where", list),
        }
    }
}

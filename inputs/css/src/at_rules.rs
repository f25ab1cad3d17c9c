//! Union's at-rules.
//!
//! ```css
//! @theme {
//!   display-name: "Breeze Dark";
//!   extends: "breeze";          /* base theme: its rules first, its palette below ours */
//!   description: "…"; version: "1.0"; license: "MIT"; author: "…";
//! }
//! @palette window {              /* a KDE colour set */
//!   background-normal: #202326;  /* a role: a literal colour */
//!   foreground-normal: rgb(252 252 252);
//! }
//! ```
//!
//! Palette colours must be literals: they are what `palette()` resolves to.

use crate::values::color;
use lightningcss::error::PrinterError;
use lightningcss::printer::Printer;
use lightningcss::stylesheet::ParserOptions;
use lightningcss::traits::{AtRuleParser, ToCss};
use lightningcss_cssparser::{
    self as cssparser, CowRcStr, Delimiter, ParseError, Parser, ParserState,
};
use union_model::values::{Color, ColorRole, ColorSet, Rgba};

/// One `name: value` entry of an at-rule block, with its location.
#[derive(Clone, Debug)]
pub struct Entry<T> {
    /// The name before the colon.
    pub name: String,
    /// The parsed value, or why it is invalid.
    pub value: Result<T, String>,
    /// 0-based line of the name.
    pub line: u32,
    /// 1-based UTF-16 column of the name.
    pub column: u32,
}

/// A parsed Union at-rule.
#[derive(Clone, Debug)]
pub enum UnionAtRule {
    /// `@palette <set> { <role>: <colour>; … }`.
    Palette {
        /// The colour set.
        set: ColorSet,
        /// Role entries (names are checked when compiling).
        entries: Vec<Entry<Rgba>>,
    },
    /// `@theme { <key>: <string>; … }`.
    Theme {
        /// Metadata entries.
        entries: Vec<Entry<String>>,
    },
}

impl ToCss for UnionAtRule {
    fn to_css<W: std::fmt::Write>(
        &self,
        _dest: &mut Printer<'_, '_, W>,
    ) -> Result<(), PrinterError> {
        Ok(())
    }
}

/// What the prelude said.
#[derive(Clone, Debug)]
pub enum Prelude {
    /// `@palette <set>`.
    Palette(ColorSet),
    /// `@theme`.
    Theme,
}

/// The at-rule parser handed to lightningcss.
#[derive(Debug, Default)]
pub struct UnionAtRuleParser;

impl<'i> AtRuleParser<'i> for UnionAtRuleParser {
    type Prelude = Prelude;
    type AtRule = UnionAtRule;
    type Error = ();

    fn parse_prelude<'t>(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i, 't>,
        _options: &ParserOptions<'i>,
    ) -> Result<Prelude, ParseError<'i, ()>> {
        match &*name.to_ascii_lowercase() {
            "palette" => {
                let set = input.expect_ident_cloned()?;
                ColorSet::from_css_name(&set)
                    .map(Prelude::Palette)
                    .ok_or_else(|| input.new_custom_error(()))
            }
            "theme" => Ok(Prelude::Theme),
            _ => Err(input.new_error(cssparser::BasicParseErrorKind::AtRuleInvalid(name))),
        }
    }

    fn parse_block<'t>(
        &mut self,
        prelude: Prelude,
        _start: &ParserState,
        input: &mut Parser<'i, 't>,
        _options: &ParserOptions<'i>,
        _is_nested: bool,
    ) -> Result<UnionAtRule, ParseError<'i, ()>> {
        Ok(match prelude {
            Prelude::Palette(set) => UnionAtRule::Palette {
                set,
                entries: entries(input, |p| match color(p, 0)? {
                    Color::Rgba(rgba) => Ok(rgba),
                    other => Err(format!(
                        "palette colours must be literal colours, not `{other}`"
                    )),
                }),
            },
            Prelude::Theme => UnionAtRule::Theme {
                entries: entries(input, |p| {
                    let text = p
                        .expect_string_cloned()
                        .map_err(|_| "expected a quoted string".to_owned())?;
                    Ok(text.to_string())
                }),
            },
        })
    }
}

/// Reads `name: value;` entries until the block ends, recovering after bad ones.
fn entries<T>(
    input: &mut Parser<'_, '_>,
    mut value: impl FnMut(&mut Parser<'_, '_>) -> Result<T, String>,
) -> Vec<Entry<T>> {
    let mut out = Vec::new();
    loop {
        input.skip_whitespace();
        if input.is_exhausted() {
            break;
        }
        let location = input.current_source_location();
        let parsed = input.parse_until_after(Delimiter::Semicolon, |p| {
            let name = p.expect_ident_cloned()?.to_string();
            p.expect_colon()?;
            let result = value(p).and_then(|v| match p.expect_exhausted() {
                Ok(()) => Ok(v),
                Err(_) => Err("unexpected text after the value".to_owned()),
            });
            Ok::<_, ParseError<'_, ()>>((name, result))
        });
        let (name, value) = match parsed {
            Ok(entry) => entry,
            Err(_) => (String::new(), Err("expected `name: value;`".to_owned())),
        };
        out.push(Entry {
            name,
            value,
            line: location.line,
            column: location.column,
        });
    }
    out
}

/// A palette role name, checked.
pub fn role(name: &str) -> Result<ColorRole, String> {
    ColorRole::from_css_name(name).ok_or_else(|| {
        let roles: Vec<&str> = ColorRole::ALL.iter().map(|r| r.css_name()).collect();
        format!("`{name}` is not a colour role ({})", roles.join(", "))
    })
}

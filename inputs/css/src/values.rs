//! Value grammars: CSS text → typed `union_model::values`, one parser per
//! schema value type.
//!
//! Standard pieces (lengths and their units, angles, times, every CSS Color 4
//! colour form) are parsed by lightningcss' own value types; this module adds
//! the grammar of each property and Union's colour functions
//! (`palette()`, `mix()`, `color-mix(in srgb, …)`, `lighter()`, `darker()`,
//! `alpha()`).

use cssparser::{Parser, ParserInput, Token};
use lightningcss::traits::Parse;
use lightningcss::values::angle::Angle;
use lightningcss::values::color::CssColor;
use lightningcss::values::length::LengthValue;
use lightningcss::values::time::Time;
use lightningcss_cssparser as cssparser;
use std::path::Path;
use std::sync::Arc;
use union_model::Value;
use union_model::values::*;

/// How deep colour functions may nest.
const MAX_COLOR_DEPTH: u32 = 16;

/// Image functions an embedding input adds to the dialect: the Plasma
/// input's `plasma-frame("widgets/button", "pressed")` names a frame of
/// the theme being compiled, which only that input can find.
pub trait ImageFunctions: Send + Sync + std::fmt::Debug {
    /// Whether `name` (lower case) is one of these functions.
    fn knows(&self, name: &str) -> bool;
    /// The image `name(args…)` stands for; the arguments are the
    /// function's comma-separated strings.
    fn resolve(&self, name: &str, args: &[String]) -> Result<Image>;
}

/// What value parsing needs to know about where the value was written.
#[derive(Clone, Copy, Debug)]
pub struct ValueContext<'a> {
    /// The folder `url()`s are relative to.
    pub base_dir: &'a Path,
    /// Extra image functions, if the embedding input has any.
    pub images: Option<&'a dyn ImageFunctions>,
}

type Result<T> = std::result::Result<T, String>;

/// Parses `text` as a value of the schema type `type_name`.
pub fn parse_value(type_name: &str, text: &str, context: ValueContext<'_>) -> Result<Value> {
    let mut input = ParserInput::new(text);
    let mut parser = Parser::new(&mut input);
    let value = parse_typed(type_name, &mut parser, context)?;
    parser
        .expect_exhausted()
        .map_err(|_| format!("unexpected `{}` after the value", rest(&mut parser)))?;
    Ok(value)
}

fn rest(parser: &mut Parser<'_, '_>) -> String {
    let start = parser.position();
    while parser.next().is_ok() {}
    parser.slice_from(start).trim().to_owned()
}

fn parse_typed(
    type_name: &str,
    p: &mut Parser<'_, '_>,
    context: ValueContext<'_>,
) -> Result<Value> {
    Ok(match type_name {
        "Length" => Value::Length(length(p)?),
        "Number" => Value::Number(Number(number(p)?)),
        "Integer" => Value::Integer(Integer(
            p.expect_integer()
                .map_err(|_| "expected an integer".to_owned())?,
        )),
        "Color" => Value::Color(color(p, 0)?),
        "Visibility" => Value::Visibility(keyword(p, Visibility::from_css_name, Visibility::ALL)?),
        "AlignContainer" => Value::AlignContainer(keyword(
            p,
            AlignContainer::from_css_name,
            AlignContainer::ALL,
        )?),
        "Align" => Value::Align(keyword(p, Align::from_css_name, Align::ALL)?),
        "FontStyle" => Value::FontStyle(keyword(p, FontStyle::from_css_name, FontStyle::ALL)?),
        "TextWrapMode" => {
            Value::TextWrapMode(keyword(p, TextWrapMode::from_css_name, TextWrapMode::ALL)?)
        }
        "OverflowWrap" => {
            Value::OverflowWrap(keyword(p, OverflowWrap::from_css_name, OverflowWrap::ALL)?)
        }
        "Elide" => Value::Elide(keyword(p, Elide::from_css_name, Elide::ALL)?),
        "LineStyle" => Value::LineStyle(keyword(p, LineStyle::from_css_name, LineStyle::ALL)?),
        "BoxArea" => Value::BoxArea(keyword(p, BoxArea::from_css_name, BoxArea::ALL)?),
        "FontFamily" => Value::FontFamily(font_family(p)?),
        "FontWeight" => Value::FontWeight(font_weight(p)?),
        "IconName" => Value::IconName(IconName(Arc::from(name_or_string(p)?.as_str()))),
        "Url" => Value::Url(file(p, context)?),
        "Image" => Value::Image(Box::new(image(p, context)?)),
        "Radius" => Value::Radius(radius(p)?),
        "NinePatchSlice" => Value::NinePatchSlice(Box::new(slice(p)?)),
        "EdgeWidths" => Value::EdgeWidths(Box::new(edge_widths(p)?)),
        "RepeatAxes" => Value::RepeatAxes(repeat_axes(p)?),
        "ShadowList" => Value::ShadowList(ShadowList(comma_list(p, shadow)?)),
        "TransitionList" => Value::TransitionList(TransitionList(comma_list(p, transition)?)),
        other => return Err(format!("no CSS grammar for value type `{other}`")),
    })
}

/// A comma-separated list whose items keep their own error messages.
fn comma_list<T>(
    p: &mut Parser<'_, '_>,
    mut item: impl FnMut(&mut Parser<'_, '_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut items = Vec::new();
    loop {
        let mut failure = None;
        let parsed = p.parse_until_before(cssparser::Delimiter::Comma, |p| match item(p) {
            Ok(value) => Ok(value),
            Err(message) => {
                failure = Some(message);
                Err(p.new_custom_error::<(), ()>(()))
            }
        });
        match parsed {
            Ok(value) => items.push(value),
            Err(_) => {
                return Err(
                    failure.unwrap_or_else(|| format!("unexpected `{}` in the list", rest(p)))
                );
            }
        }
        if p.try_parse(|p| p.expect_comma()).is_err() {
            return Ok(items);
        }
    }
}

fn describe(token: &Token<'_>) -> String {
    match token {
        Token::Ident(name) => format!("`{name}`"),
        Token::Dimension { value, unit, .. } => format!("`{value}{unit}`"),
        Token::Number { value, .. } => format!("`{value}`"),
        Token::Percentage { unit_value, .. } => format!("`{}%`", unit_value * 100.0),
        Token::Function(name) => format!("`{name}()`"),
        Token::QuotedString(text) => format!("{text:?}"),
        other => format!("`{other:?}`"),
    }
}

fn unexpected(p: &mut Parser<'_, '_>, wanted: &str) -> String {
    match p.next() {
        Ok(token) => format!("expected {wanted}, found {}", describe(&token.clone())),
        Err(_) => format!("expected {wanted}"),
    }
}

/// A length: lightningcss units converted to px (`pt`, `in`, `cm`, …) or kept relative (`em`, `rem`).
pub fn length(p: &mut Parser<'_, '_>) -> Result<Length> {
    if p.try_parse(|p| {
        p.expect_number()
            .map_err(|_| ())
            .and_then(|n| if n == 0.0 { Ok(()) } else { Err(()) })
    })
    .is_ok()
    {
        return Ok(Length::Px(0.0));
    }
    let state = p.state();
    let Ok(value) = LengthValue::parse(p) else {
        p.reset(&state);
        return Err(unexpected(p, "a length"));
    };
    if let Some(px) = value.to_px() {
        return Ok(Length::Px(px));
    }
    match value {
        LengthValue::Em(v) => Ok(Length::Em(v)),
        LengthValue::Rem(v) => Ok(Length::Rem(v)),
        other => {
            let (_, unit) = other.to_unit_value();
            Err(format!(
                "the unit `{unit}` is not supported here (use px, pt, em or rem)"
            ))
        }
    }
}

fn length_percentage(p: &mut Parser<'_, '_>) -> Result<LengthPercentage> {
    if let Ok(percent) = p.try_parse(|p| p.expect_percentage()) {
        return Ok(LengthPercentage::Percent(percent * 100.0));
    }
    length(p).map(LengthPercentage::Length)
}

fn number(p: &mut Parser<'_, '_>) -> Result<f32> {
    p.expect_number()
        .map_err(|_| "expected a number".to_owned())
}

fn keyword<T: Copy + std::fmt::Display>(
    p: &mut Parser<'_, '_>,
    lookup: fn(&str) -> Option<T>,
    all: &[T],
) -> Result<T> {
    let options = || {
        all.iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ident = p
        .expect_ident_cloned()
        .map_err(|_| format!("expected one of {}", options()))?;
    lookup(&ident).ok_or_else(|| format!("`{ident}` is not one of {}", options()))
}

fn name_or_string(p: &mut Parser<'_, '_>) -> Result<String> {
    match p.next().map_err(|_| "expected a name".to_owned())?.clone() {
        Token::Ident(text) | Token::QuotedString(text) => Ok(text.to_string()),
        other => Err(format!("expected a name, found {}", describe(&other))),
    }
}

fn font_family(p: &mut Parser<'_, '_>) -> Result<FontFamily> {
    let families = p
        .parse_comma_separated(|p| {
            if let Ok(text) = p.try_parse(|p| p.expect_string_cloned()) {
                return Ok(Arc::from(text.as_ref()));
            }
            let mut words = Vec::new();
            while let Ok(word) = p.try_parse(|p| p.expect_ident_cloned()) {
                words.push(word.to_string());
            }
            if words.is_empty() {
                return Err(p.new_custom_error::<(), ()>(()));
            }
            Ok(Arc::from(words.join(" ").as_str()))
        })
        .map_err(|_| "expected font family names separated by commas".to_owned())?;
    Ok(FontFamily(families))
}

fn font_weight(p: &mut Parser<'_, '_>) -> Result<FontWeight> {
    if let Ok(ident) = p.try_parse(|p| p.expect_ident_cloned()) {
        return match &*ident.to_ascii_lowercase() {
            "normal" => Ok(FontWeight::NORMAL),
            "bold" => Ok(FontWeight::BOLD),
            _ => Err(format!(
                "`{ident}` is not a font weight (normal, bold or 1–1000)"
            )),
        };
    }
    let weight = number(p)?;
    if (1.0..=1000.0).contains(&weight) {
        Ok(FontWeight(weight.round() as u16))
    } else {
        Err(format!("font weight {weight} is outside 1–1000"))
    }
}

/// A `<url>`, or an embedding input's image function naming a file or one
/// SVG element (as `file.svg#id`).
fn file(p: &mut Parser<'_, '_>, context: ValueContext<'_>) -> Result<Url> {
    if context.images.is_none() {
        return url(p, context);
    }
    match image(p, context)? {
        Image::Url(url) => Ok(url),
        Image::SvgElement(part) => Ok(Url(Arc::from(
            format!("{}#{}", part.source.0, part.name).as_str(),
        ))),
        _ => Err("expected url(…) or a function naming a file or an SVG element".to_owned()),
    }
}

/// `url(…)` or a string, relative to the file.
fn url(p: &mut Parser<'_, '_>, context: ValueContext<'_>) -> Result<Url> {
    let text = p
        .expect_url_or_string()
        .map_err(|_| "expected url(…)".to_owned())?;
    let path = context.base_dir.join(text.as_ref());
    Ok(Url(Arc::from(path.to_string_lossy().as_ref())))
}

/// The colour functions this dialect adds (see [`color_function`]).
const UNION_COLOR_FUNCTIONS: [&str; 6] =
    ["palette", "mix", "color-mix", "lighter", "darker", "alpha"];

/// The CSS Color 4 functions lightningcss parses.
const CSS_COLOR_FUNCTIONS: [&str; 10] = [
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
];

/// A colour: Union's symbolic functions, or any colour lightningcss parses.
pub fn color(p: &mut Parser<'_, '_>, depth: u32) -> Result<Color> {
    if depth > MAX_COLOR_DEPTH {
        return Err(format!(
            "colour functions nest deeper than {MAX_COLOR_DEPTH}"
        ));
    }
    if p.try_parse(|p| p.expect_ident_matching("currentcolor"))
        .is_ok()
    {
        return Ok(Color::CurrentColor);
    }
    let state = p.state();
    if let Ok(function) = p.try_parse(|p| p.expect_function().cloned()) {
        if let Some(&name) = UNION_COLOR_FUNCTIONS
            .iter()
            .find(|n| n.eq_ignore_ascii_case(&function))
        {
            let mut result = Err(String::new());
            let parsed = p.parse_nested_block(|p| {
                result = color_function(name, p, depth);
                if result.is_ok() && p.expect_exhausted().is_err() {
                    result = Err(format!("too many arguments to `{name}()`"));
                }
                Ok::<(), cssparser::ParseError<'_, ()>>(())
            });
            return parsed.map_err(|_| format!("bad `{name}()`")).and(result);
        }
        p.reset(&state);
    }
    let css = CssColor::parse(p).map_err(|_| {
        p.reset(&state);
        unexpected(p, "a colour")
    })?;
    match css {
        CssColor::CurrentColor => Ok(Color::CurrentColor),
        other => match other.to_rgb() {
            Ok(CssColor::RGBA(rgba)) => Ok(Color::Rgba(Rgba::new(
                f32::from(rgba.red) / 255.0,
                f32::from(rgba.green) / 255.0,
                f32::from(rgba.blue) / 255.0,
                f32::from(rgba.alpha) / 255.0,
            ))),
            _ => Err("this colour has no sRGB equivalent (`light-dark()` and system colours are not supported)".into()),
        },
    }
}

fn comma(p: &mut Parser<'_, '_>) -> Result<()> {
    p.expect_comma().map_err(|_| "expected `,`".to_owned())
}

fn fraction(p: &mut Parser<'_, '_>) -> Result<f32> {
    if let Ok(percent) = p.try_parse(|p| p.expect_percentage()) {
        return Ok(percent);
    }
    number(p)
}

fn color_function(name: &str, p: &mut Parser<'_, '_>, depth: u32) -> Result<Color> {
    match name {
        "palette" => {
            let set = p
                .expect_ident_cloned()
                .map_err(|_| "expected a colour set".to_owned())?;
            let set = ColorSet::from_css_name(&set)
                .ok_or_else(|| format!("`{set}` is not a colour set"))?;
            comma(p)?;
            let role = p
                .expect_ident_cloned()
                .map_err(|_| "expected a colour role".to_owned())?;
            let role = ColorRole::from_css_name(&role)
                .ok_or_else(|| format!("`{role}` is not a colour role"))?;
            Ok(Color::Palette(set, role))
        }
        "mix" => {
            let a = color(p, depth + 1)?;
            comma(p)?;
            let b = color(p, depth + 1)?;
            comma(p)?;
            Ok(a.mix(b, fraction(p)?))
        }
        "color-mix" => {
            p.expect_ident_matching("in")
                .map_err(|_| "expected `in srgb`".to_owned())?;
            p.expect_ident_matching("srgb")
                .map_err(|_| "only `color-mix(in srgb, …)` is supported".to_owned())?;
            comma(p)?;
            let a = color(p, depth + 1)?;
            let pa = p.try_parse(|p| p.expect_percentage()).ok();
            comma(p)?;
            let b = color(p, depth + 1)?;
            let pb = p.try_parse(|p| p.expect_percentage()).ok();
            let amount_of_b = match (pa, pb) {
                (None, None) => 0.5,
                (Some(pa), None) => 1.0 - pa,
                (None, Some(pb)) => pb,
                (Some(pa), Some(pb)) if pa + pb > 0.0 => pb / (pa + pb),
                _ => return Err("`color-mix()` percentages add up to zero".into()),
            };
            Ok(a.mix(b, amount_of_b))
        }
        "lighter" | "darker" | "alpha" => {
            let c = Arc::new(color(p, depth + 1)?);
            comma(p)?;
            let amount = fraction(p)?;
            Ok(match name {
                "lighter" => Color::Lighter(c, amount),
                "darker" => Color::Darker(c, amount),
                _ => Color::Alpha(c, amount),
            })
        }
        _ => Err(format!("unknown colour function `{name}()`")),
    }
}

fn radius(p: &mut Parser<'_, '_>) -> Result<Radius> {
    let x = length_percentage(p)?;
    let y = p
        .try_parse(|p| length_percentage(p).map_err(|_| ()))
        .unwrap_or(x);
    Ok(Radius { x, y })
}

fn up_to_four<T: Copy>(
    p: &mut Parser<'_, '_>,
    mut item: impl FnMut(&mut Parser<'_, '_>) -> Result<T>,
) -> Result<[T; 4]> {
    let first = item(p)?;
    let mut more = Vec::new();
    while more.len() < 3 {
        let state = p.state();
        match item(p) {
            Ok(value) => more.push(value),
            Err(_) => {
                p.reset(&state);
                break;
            }
        }
    }
    Ok(match more[..] {
        [] => [first; 4],
        [b] => [first, b, first, b],
        [b, c] => [first, b, c, b],
        [b, c, d] => [first, b, c, d],
        _ => [first; 4],
    })
}

fn slice(p: &mut Parser<'_, '_>) -> Result<NinePatchSlice> {
    let fill_first = p.try_parse(|p| p.expect_ident_matching("fill")).is_ok();
    let offsets = up_to_four(p, |p| {
        if let Ok(percent) = p.try_parse(|p| p.expect_percentage()) {
            return Ok(SliceOffset::Percent(percent * 100.0));
        }
        let n = number(p)?;
        if n < 0.0 {
            Err("slice offsets cannot be negative".into())
        } else {
            Ok(SliceOffset::Number(n))
        }
    })?;
    let fill = fill_first || p.try_parse(|p| p.expect_ident_matching("fill")).is_ok();
    Ok(NinePatchSlice { offsets, fill })
}

fn edge_widths(p: &mut Parser<'_, '_>) -> Result<EdgeWidths> {
    Ok(EdgeWidths(up_to_four(p, |p| {
        if p.try_parse(|p| p.expect_ident_matching("auto")).is_ok() {
            return Ok(EdgeWidth::Auto);
        }
        if let Ok(n) = p.try_parse(|p| p.expect_number()) {
            return Ok(EdgeWidth::Number(n));
        }
        length_percentage(p).map(EdgeWidth::Length)
    })?))
}

fn repeat_axes(p: &mut Parser<'_, '_>) -> Result<RepeatAxes> {
    let horizontal = keyword(p, RepeatMode::from_css_name, RepeatMode::ALL)?;
    let vertical = p
        .try_parse(|p| keyword(p, RepeatMode::from_css_name, RepeatMode::ALL).map_err(|_| ()))
        .unwrap_or(horizontal);
    Ok(RepeatAxes {
        horizontal,
        vertical,
    })
}

/// What the next token can start: a number (a length, never a colour) or
/// a colour (never a length). Lets a parser that tries alternatives skip
/// the ones that cannot match, and the error messages they would build.
#[derive(Clone, Copy, PartialEq)]
enum Starts {
    Number,
    Color,
    Either,
}

fn peek_start(p: &mut Parser<'_, '_>) -> Starts {
    let state = p.state();
    let starts = match p.next() {
        Ok(Token::Number { .. } | Token::Dimension { .. } | Token::Percentage { .. }) => {
            Starts::Number
        }
        Ok(Token::Hash(_) | Token::IDHash(_) | Token::Ident(_)) => Starts::Color,
        Ok(Token::Function(name))
            if CSS_COLOR_FUNCTIONS
                .iter()
                .chain(&UNION_COLOR_FUNCTIONS)
                .any(|f| f.eq_ignore_ascii_case(name)) =>
        {
            Starts::Color
        }
        _ => Starts::Either,
    };
    p.reset(&state);
    starts
}

fn shadow(p: &mut Parser<'_, '_>) -> Result<Shadow> {
    let mut inset = p.try_parse(|p| p.expect_ident_matching("inset")).is_ok();
    // Text that can only start a colour is parsed as one, so a bad colour
    // reports its own error rather than a vague one about the list.
    let mut color_value = match peek_start(p) {
        Starts::Number => None,
        Starts::Color => Some(color(p, 0)?),
        Starts::Either => p.try_parse(|p| color(p, 0).map_err(|_| ())).ok(),
    };
    let mut lengths = Vec::new();
    while lengths.len() < 4 && peek_start(p) != Starts::Color {
        match p.try_parse(|p| length(p).map_err(|_| ())) {
            Ok(l) => lengths.push(l),
            Err(()) => break,
        }
    }
    if !inset {
        inset = p.try_parse(|p| p.expect_ident_matching("inset")).is_ok();
    }
    if color_value.is_none() && peek_start(p) == Starts::Color {
        color_value = Some(color(p, 0)?);
    }
    if !inset {
        inset = p.try_parse(|p| p.expect_ident_matching("inset")).is_ok();
    }
    if lengths.len() < 2 {
        return Err(unexpected(
            p,
            "a shadow: `[inset] <x> <y> [<blur> [<spread>]] [<color>]`",
        ));
    }
    let blur = lengths.get(2).copied().unwrap_or(Length::ZERO);
    if blur.px().is_some_and(|b| b < 0.0) {
        return Err("a shadow's blur cannot be negative".into());
    }
    Ok(Shadow {
        x: lengths[0],
        y: lengths[1],
        blur,
        spread: lengths.get(3).copied().unwrap_or(Length::ZERO),
        color: color_value.unwrap_or(Color::CurrentColor),
        inset,
    })
}

fn time(p: &mut Parser<'_, '_>) -> Option<f32> {
    p.try_parse(Time::parse).ok().map(|t| t.to_ms() / 1000.0)
}

fn easing(p: &mut Parser<'_, '_>) -> Option<Easing> {
    let keyword = p.try_parse(|p| {
        let ident = p.expect_ident_cloned().map_err(|_| ())?;
        match &*ident.to_ascii_lowercase() {
            "linear" => Ok(Easing::Linear),
            "ease" => Ok(Easing::EASE),
            "ease-in" => Ok(Easing::EASE_IN),
            "ease-out" => Ok(Easing::EASE_OUT),
            "ease-in-out" => Ok(Easing::EASE_IN_OUT),
            "step-start" => Ok(Easing::Steps(1, StepPosition::JumpStart)),
            "step-end" => Ok(Easing::Steps(1, StepPosition::JumpEnd)),
            _ => Err(()),
        }
    });
    if let Ok(easing) = keyword {
        return Some(easing);
    }
    let state = p.state();
    let name = p.try_parse(|p| p.expect_function().cloned()).ok()?;
    let parsed = p.parse_nested_block(|p| {
        let easing = match &*name.to_ascii_lowercase() {
            "cubic-bezier" => {
                let mut v = [0.0; 4];
                for (i, slot) in v.iter_mut().enumerate() {
                    if i > 0 {
                        p.expect_comma()?;
                    }
                    *slot = p.expect_number()?;
                }
                Easing::CubicBezier(v[0], v[1], v[2], v[3])
            }
            "steps" => {
                let n = p.expect_integer()?;
                let position = if p.try_parse(|p| p.expect_comma()).is_ok() {
                    match &*p.expect_ident_cloned()?.to_ascii_lowercase() {
                        "jump-start" | "start" => StepPosition::JumpStart,
                        "jump-both" => StepPosition::JumpBoth,
                        "jump-none" => StepPosition::JumpNone,
                        _ => StepPosition::JumpEnd,
                    }
                } else {
                    StepPosition::JumpEnd
                };
                Easing::Steps(u32::try_from(n.max(1)).unwrap_or(1), position)
            }
            _ => return Err(p.new_custom_error::<(), ()>(())),
        };
        Ok(easing)
    });
    parsed.ok().or_else(|| {
        p.reset(&state);
        None
    })
}

fn transition(p: &mut Parser<'_, '_>) -> Result<Transition> {
    let mut property: Option<Arc<str>> = None;
    let mut duration = None;
    let mut delay = None;
    let mut timing = None;
    for _ in 0..4 {
        if (duration.is_none() || delay.is_none())
            && let Some(t) = time(p)
        {
            if duration.is_none() {
                duration = Some(t);
            } else {
                delay = Some(t);
            }
            continue;
        }
        if timing.is_none()
            && let Some(e) = easing(p)
        {
            timing = Some(e);
            continue;
        }
        if property.is_none()
            && let Ok(name) = p.try_parse(|p| p.expect_ident_cloned())
        {
            let name = name.to_ascii_lowercase();
            if name != "all"
                && union_model::PropertyId::from_css_name(&name).is_none()
                && !crate::shorthand::is_shorthand(&name)
            {
                return Err(format!("`{name}` is not a property that can transition"));
            }
            property = Some(Arc::from(name.as_str()));
            continue;
        }
        break;
    }
    if property.is_none() && duration.is_none() && timing.is_none() {
        return Err(unexpected(
            p,
            "a transition: `<property> <duration> [<easing>] [<delay>]`",
        ));
    }
    Ok(Transition {
        property: property.unwrap_or_else(|| Arc::from("all")),
        duration: duration.unwrap_or(0.0),
        easing: timing.unwrap_or(Easing::EASE),
        delay: delay.unwrap_or(0.0),
    })
}

fn stop(p: &mut Parser<'_, '_>) -> Result<ColorStop> {
    let color = color(p, 0)?;
    let position = p.try_parse(|p| length_percentage(p).map_err(|_| ())).ok();
    Ok(ColorStop { color, position })
}

fn stops(p: &mut Parser<'_, '_>) -> Result<Vec<ColorStop>> {
    let mut list = vec![stop(p)?];
    while p.try_parse(|p| p.expect_comma()).is_ok() {
        list.push(stop(p)?);
    }
    if list.len() < 2 {
        return Err("a gradient needs at least two colour stops".into());
    }
    Ok(list)
}

fn side_angle(p: &mut Parser<'_, '_>) -> Result<f32> {
    let mut horizontal = None;
    let mut vertical = None;
    for _ in 0..2 {
        match p
            .try_parse(|p| p.expect_ident_cloned())
            .map(|i| i.to_ascii_lowercase())
        {
            Ok(side) if side == "left" || side == "right" => horizontal = Some(side == "right"),
            Ok(side) if side == "top" || side == "bottom" => vertical = Some(side == "bottom"),
            _ => break,
        }
    }
    Ok(match (horizontal, vertical) {
        (None, Some(false)) => 0.0,
        (Some(true), None) => 90.0,
        (None, Some(true)) => 180.0,
        (Some(false), None) => 270.0,
        (Some(true), Some(false)) => 45.0,
        (Some(true), Some(true)) => 135.0,
        (Some(false), Some(true)) => 225.0,
        (Some(false), Some(false)) => 315.0,
        (None, None) => return Err("expected a side after `to`".into()),
    })
}

fn image(p: &mut Parser<'_, '_>, context: ValueContext<'_>) -> Result<Image> {
    if let Ok(u) = p.try_parse(|p| url(p, context).map_err(|_| ())) {
        return Ok(Image::Url(u));
    }
    let name = p
        .expect_function()
        .map_err(|_| "expected url(…) or a gradient".to_owned())?
        .to_ascii_lowercase();
    let mut result = Err(String::new());
    let parsed = p.parse_nested_block(|p| {
        result = match &*name {
            "linear-gradient" | "repeating-linear-gradient" => {
                linear(p, name.starts_with("repeating"))
            }
            "radial-gradient" | "repeating-radial-gradient" => {
                radial(p, name.starts_with("repeating"))
            }
            "svg-frame" | "svg-element" => svg_part(p, context, name == "svg-frame"),
            _ => match context.images {
                Some(images) if images.knows(&name) => {
                    strings(p).and_then(|args| images.resolve(&name, &args))
                }
                _ => Err(format!(
                    "`{name}()` is not an image (use url(), svg-frame(), svg-element(), linear-gradient() or radial-gradient())"
                )),
            },
        };
        if result.is_ok() && p.expect_exhausted().is_err() {
            result = Err(format!("unexpected `{}` in `{name}()`", rest(p)));
        }
        Ok::<(), cssparser::ParseError<'_, ()>>(())
    });
    parsed.map_err(|_| format!("bad `{name}()`")).and(result)
}

/// `svg-frame(<url>, <string>)` / `svg-element(<url>, <string>)`.
fn svg_part(p: &mut Parser<'_, '_>, context: ValueContext<'_>, frame: bool) -> Result<Image> {
    let source = url(p, context)?;
    comma(p)?;
    let name = p
        .expect_string()
        .map_err(|_| {
            if frame {
                "expected the frame's prefix as a string (\"\" for none)".to_owned()
            } else {
                "expected the element's id as a string".to_owned()
            }
        })?
        .as_ref()
        .into();
    let part = SvgPart { source, name };
    Ok(if frame {
        Image::SvgFrame(part)
    } else {
        Image::SvgElement(part)
    })
}

/// A comma-separated list of strings.
fn strings(p: &mut Parser<'_, '_>) -> Result<Vec<String>> {
    let mut out = Vec::new();
    loop {
        let text = p
            .expect_string()
            .map_err(|_| "expected a string".to_owned())?
            .as_ref()
            .to_owned();
        out.push(text);
        if p.is_exhausted() {
            return Ok(out);
        }
        comma(p)?;
    }
}

fn linear(p: &mut Parser<'_, '_>, repeating: bool) -> Result<Image> {
    let angle = if let Ok(angle) = p.try_parse(Angle::parse) {
        comma(p)?;
        angle.to_degrees()
    } else if p.try_parse(|p| p.expect_ident_matching("to")).is_ok() {
        let angle = side_angle(p)?;
        comma(p)?;
        angle
    } else {
        180.0
    };
    Ok(Image::Linear(LinearGradient {
        angle,
        stops: stops(p)?,
        repeating,
    }))
}

fn radial(p: &mut Parser<'_, '_>, repeating: bool) -> Result<Image> {
    let mut shape = None;
    let mut size = None;
    for _ in 0..2 {
        let before = p.state();
        if let Ok(ident) = p.try_parse(|p| p.expect_ident_cloned()) {
            match &*ident.to_ascii_lowercase() {
                "circle" => shape = Some(RadialShape::Circle),
                "ellipse" => shape = Some(RadialShape::Ellipse),
                "closest-side" => size = Some(RadialSize::Extent(RadialExtent::ClosestSide)),
                "closest-corner" => size = Some(RadialSize::Extent(RadialExtent::ClosestCorner)),
                "farthest-side" => size = Some(RadialSize::Extent(RadialExtent::FarthestSide)),
                "farthest-corner" => size = Some(RadialSize::Extent(RadialExtent::FarthestCorner)),
                "at" => {
                    p.reset(&before);
                    break;
                }
                other => return Err(format!("`{other}` is not a radial gradient shape or size")),
            }
        } else if size.is_none()
            && let Ok(x) = p.try_parse(|p| length_percentage(p).map_err(|_| ()))
        {
            let y = p
                .try_parse(|p| length_percentage(p).map_err(|_| ()))
                .unwrap_or(x);
            size = Some(RadialSize::Radii(x, y));
        }
    }
    let center = if p.try_parse(|p| p.expect_ident_matching("at")).is_ok() {
        let x = length_percentage(p)?;
        let y = p
            .try_parse(|p| length_percentage(p).map_err(|_| ()))
            .unwrap_or(LengthPercentage::Percent(50.0));
        (x, y)
    } else {
        (
            LengthPercentage::Percent(50.0),
            LengthPercentage::Percent(50.0),
        )
    };
    if shape.is_some()
        || size.is_some()
        || center
            != (
                LengthPercentage::Percent(50.0),
                LengthPercentage::Percent(50.0),
            )
    {
        comma(p)?;
    }
    let shape = shape.unwrap_or(match size {
        Some(RadialSize::Radii(x, y)) if x == y => RadialShape::Circle,
        _ => RadialShape::Ellipse,
    });
    Ok(Image::Radial(RadialGradient {
        shape,
        size: size.unwrap_or(RadialSize::Extent(RadialExtent::FarthestCorner)),
        center,
        stops: stops(p)?,
        repeating,
    }))
}

/// Whether `text` is one `border-image-width`/`-outset` component.
pub fn is_edge_width(text: &str) -> bool {
    let mut input = ParserInput::new(text);
    let mut p = Parser::new(&mut input);
    edge_widths(&mut p).is_ok() && p.expect_exhausted().is_ok()
}

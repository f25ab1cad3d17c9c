//! Shorthand properties, expanded into schema longhands with web semantics
//! (`padding: top right bottom left`, not KDE Union's horizontal-first order).

use crate::values::{self, ValueContext, parse_value};
use lightningcss_cssparser::{Parser, ParserInput};
use union_model::values::{Color, Length, LineStyle};
use union_model::{PropertyId as P, Value};

/// One expanded longhand: a value, or `None` for `none`.
pub type Expanded = Vec<(P, Option<Value>)>;

const SIDES: [&str; 4] = ["top", "right", "bottom", "left"];

/// Whether `name` is a shorthand this module expands.
pub fn is_shorthand(name: &str) -> bool {
    SHORTHANDS.contains(&name)
}

/// The shorthand's name as a static string (deferred values keep it without
/// allocating).
pub fn static_name(name: &str) -> Option<&'static str> {
    SHORTHANDS.iter().copied().find(|n| *n == name)
}

/// Splits `text` into its top-level space-separated components (functions stay whole).
fn components(text: &str) -> Vec<&str> {
    let mut input = ParserInput::new(text);
    let mut parser = Parser::new(&mut input);
    let mut out = Vec::new();
    loop {
        let start = parser.position();
        let Ok(token) = parser.next() else { break };
        let is_block = matches!(
            token,
            lightningcss_cssparser::Token::Function(_)
                | lightningcss_cssparser::Token::ParenthesisBlock
                | lightningcss_cssparser::Token::SquareBracketBlock
        );
        if is_block {
            let _ = parser.parse_nested_block(|p| {
                while p.next().is_ok() {}
                Ok::<(), lightningcss_cssparser::ParseError<'_, ()>>(())
            });
        }
        out.push(parser.slice_from(start).trim());
    }
    out
}

/// 1–4 values in web order → [top, right, bottom, left].
fn four<T: Clone>(values: &[T]) -> Result<[T; 4], String> {
    Ok(match values {
        [a] => [a.clone(), a.clone(), a.clone(), a.clone()],
        [a, b] => [a.clone(), b.clone(), a.clone(), b.clone()],
        [a, b, c] => [a.clone(), b.clone(), c.clone(), b.clone()],
        [a, b, c, d] => [a.clone(), b.clone(), c.clone(), d.clone()],
        _ => return Err(format!("expected 1 to 4 values, found {}", values.len())),
    })
}

/// `name`'s four longhands (top, right, bottom, left) from 1–4 values of
/// `type_name` in web order.
fn per_side(
    name: &str,
    text: &str,
    type_name: &str,
    context: ValueContext<'_>,
) -> Result<Expanded, String> {
    let parsed: Vec<Value> = components(text)
        .into_iter()
        .map(|c| parse_value(type_name, c, context))
        .collect::<Result<_, _>>()?;
    let values = four(&parsed)?;
    Ok(longhands(name)
        .iter()
        .zip(values)
        .map(|(&id, value)| (id, Some(value)))
        .collect())
}

/// The width, style and colour a line shorthand gave (each optional).
type LineParts = (Option<Value>, Option<Value>, Option<Value>);

/// Whether `component` could be a length: lengths start with a number or
/// are functions (`calc()`). Other text is never tried as one, which keeps
/// a failed attempt (and its message) off the common path.
fn may_be_length(component: &str) -> bool {
    component.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '+' | '-'))
        || component.contains('(')
        || component.contains('\\')
}

/// Whether `component` could be a line style: a keyword (escapes aside).
fn may_be_line_style(component: &str) -> bool {
    LineStyle::from_css_name(component).is_some() || component.contains('\\')
}

/// Whether `component` is an image function (`url()`, gradients, SVG
/// parts): never a colour, so `background` does not try it as one.
fn is_image_function(component: &str) -> bool {
    const IMAGES: [&str; 7] = [
        "url",
        "linear-gradient",
        "radial-gradient",
        "repeating-linear-gradient",
        "repeating-radial-gradient",
        "svg-frame",
        "svg-element",
    ];
    component
        .split_once('(')
        .is_some_and(|(name, _)| IMAGES.iter().any(|i| i.eq_ignore_ascii_case(name)))
}

/// `<width> || <style> || <color>`, each at most once, or `none`.
fn line(text: &str, context: ValueContext<'_>) -> Result<LineParts, String> {
    let (mut width, mut style, mut color) = (None, None, None);
    for component in components(text) {
        if width.is_none()
            && may_be_length(component)
            && let Ok(value) = parse_value("Length", component, context)
        {
            width = Some(value);
        } else if style.is_none()
            && may_be_line_style(component)
            && let Ok(value) = parse_value("LineStyle", component, context)
        {
            style = Some(value);
        } else if color.is_none()
            && let Ok(value) = parse_value("Color", component, context)
        {
            color = Some(value);
        } else {
            return Err(format!(
                "`{component}` is not a line width, style or colour (or appears twice)"
            ));
        }
    }
    Ok((width, style, color))
}

/// `border` or `outline`: one line for all four sides.
fn lines(name: &str, text: &str, context: ValueContext<'_>) -> Result<Expanded, String> {
    let (width, style, color) = line(text, context)?;
    let width = width.unwrap_or(Value::Length(Length::Px(if style.is_some() {
        3.0
    } else {
        0.0
    })));
    let style = style.unwrap_or(Value::LineStyle(LineStyle::None));
    let color = color.unwrap_or(Value::Color(Color::CurrentColor));
    // The longhands come side after side, each width, style, colour.
    let parts = [width, style, color];
    Ok(longhands(name)
        .iter()
        .zip(parts.iter().cycle())
        .map(|(&id, value)| (id, Some(value.clone())))
        .collect())
}

/// Shorthands that accept `none` (every longhand becomes none).
pub fn accepts_none(name: &str) -> bool {
    matches!(
        name,
        "border"
            | "outline"
            | "border-top"
            | "border-right"
            | "border-bottom"
            | "border-left"
            | "background"
            | "border-image"
    )
}

/// Every longhand a shorthand sets (for `none` and `inherit`).
pub fn longhands(name: &str) -> &'static [P] {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, Vec<P>)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        SHORTHANDS
            .iter()
            .map(|n| (*n, compute_longhands(n)))
            .collect()
    });
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, ids)| ids.as_slice())
}

/// Every shorthand this module expands.
const SHORTHANDS: [&str; 19] = [
    "padding",
    "margin",
    "inset",
    "border",
    "border-top",
    "border-right",
    "border-bottom",
    "border-left",
    "border-width",
    "border-style",
    "border-color",
    "border-radius",
    "outline",
    "outline-width",
    "outline-style",
    "outline-color",
    "background",
    "icon-size",
    "border-image",
];

fn compute_longhands(name: &str) -> Vec<P> {
    let corners = ["top-left", "top-right", "bottom-right", "bottom-left"];
    let names: Vec<String> = match name {
        "padding" | "margin" | "inset" => {
            SIDES.iter().map(|side| format!("{name}-{side}")).collect()
        }
        "border-width" | "border-style" | "border-color" | "outline-width" | "outline-style"
        | "outline-color" => {
            let (prefix, part) = name.split_once('-').unwrap_or((name, ""));
            SIDES
                .iter()
                .map(|side| format!("{prefix}-{side}-{part}"))
                .collect()
        }
        "border" | "outline" => SIDES
            .iter()
            .flat_map(|side| {
                ["width", "style", "color"].map(|part| format!("{name}-{side}-{part}"))
            })
            .collect(),
        "border-top" | "border-right" | "border-bottom" | "border-left" => {
            ["width", "style", "color"]
                .map(|part| format!("{name}-{part}"))
                .to_vec()
        }
        "border-radius" => corners
            .iter()
            .map(|c| format!("border-{c}-radius"))
            .collect(),
        "background" => vec!["background-color".into(), "background-image".into()],
        "icon-size" => vec!["icon-width".into(), "icon-height".into()],
        "border-image" => ["source", "slice", "width", "outset", "repeat"]
            .map(|p| format!("border-image-{p}"))
            .to_vec(),
        _ => Vec::new(),
    };
    names.iter().filter_map(|n| P::from_css_name(n)).collect()
}

/// Expands a shorthand.
pub fn expand(name: &str, text: &str, context: ValueContext<'_>) -> Result<Expanded, String> {
    match name {
        "padding" | "margin" | "inset" | "border-width" => per_side(name, text, "Length", context),
        "border-style" => per_side(name, text, "LineStyle", context),
        "border-color" => per_side(name, text, "Color", context),
        "border" | "outline" => lines(name, text, context),
        "border-top" | "border-right" | "border-bottom" | "border-left" => {
            let (width, style, color) = line(text, context)?;
            let values = [
                width.unwrap_or(Value::Length(Length::Px(0.0))),
                style.unwrap_or(Value::LineStyle(LineStyle::None)),
                color.unwrap_or(Value::Color(Color::CurrentColor)),
            ];
            Ok(longhands(name)
                .iter()
                .zip(values)
                .map(|(&id, value)| (id, Some(value)))
                .collect())
        }
        "outline-width" | "outline-style" | "outline-color" => {
            let type_name = match name {
                "outline-width" => "Length",
                "outline-style" => "LineStyle",
                _ => "Color",
            };
            let value = parse_value(type_name, text, context)?;
            Ok(longhands(name)
                .iter()
                .map(|&id| (id, Some(value.clone())))
                .collect())
        }
        "border-radius" => {
            let (horizontal, vertical) = match text.split_once('/') {
                Some((h, v)) => (h.trim(), Some(v.trim())),
                None => (text, None),
            };
            let parse = |part: &str| -> Result<[Value; 4], String> {
                let radii: Vec<Value> = components(part)
                    .into_iter()
                    .map(|c| parse_value("Radius", c, context))
                    .collect::<Result<_, _>>()?;
                four(&radii)
            };
            let xs = parse(horizontal)?;
            let ys = vertical.map(parse).transpose()?;
            // The longhands come corner after corner from the top left.
            let mut out = Vec::new();
            for (i, &id) in longhands(name).iter().enumerate() {
                let value = match (xs.get(i), ys.as_ref().and_then(|ys| ys.get(i))) {
                    (Some(Value::Radius(x)), Some(Value::Radius(y))) => {
                        Value::Radius(union_model::values::Radius { x: x.x, y: y.x })
                    }
                    (Some(x), _) => x.clone(),
                    (None, _) => return Err("internal: a corner without a radius".into()),
                };
                out.push((id, Some(value)));
            }
            Ok(out)
        }
        "background" => {
            // Omitted parts are reset to none, as a CSS shorthand resets them.
            let (mut color, mut image) = (None, None);
            for component in components(text) {
                if color.is_none()
                    && !is_image_function(component)
                    && let Ok(value) = parse_value("Color", component, context)
                {
                    color = Some(value);
                } else if image.is_none() {
                    image = Some(parse_value("Image", component, context)?);
                } else {
                    return Err(format!(
                        "`{component}`: `background` takes one colour and one image"
                    ));
                }
            }
            Ok(vec![
                (P::BackgroundColor, color),
                (P::BackgroundImage, image),
            ])
        }
        "icon-size" => {
            let parts = components(text);
            let width = parse_value("Length", parts.first().copied().unwrap_or(""), context)?;
            let height = match parts.get(1) {
                Some(h) => parse_value("Length", h, context)?,
                None => width.clone(),
            };
            if parts.len() > 2 {
                return Err("`icon-size` takes one or two lengths".into());
            }
            Ok(vec![
                (P::IconWidth, Some(width)),
                (P::IconHeight, Some(height)),
            ])
        }
        "border-image" => border_image(text, context),
        _ => Err(format!("internal: `{name}` is not a shorthand")),
    }
}

/// `border-image: <source> || <slice> [/ <width> [/ <outset>]] || <repeat>`.
/// Omitted parts take their initial values, as a CSS shorthand does.
fn border_image(text: &str, context: ValueContext<'_>) -> Result<Expanded, String> {
    // Split at top-level slashes only: a `url()` may contain slashes too.
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for component in components(text) {
        if component == "/" {
            parts.push(Vec::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(component);
        }
    }
    if parts.len() > 3 {
        return Err(
            "expected `border-image: <source> <slice> [/ <width> [/ <outset>]] [<repeat>]`".into(),
        );
    }
    let mut source = None;
    let mut slice = Vec::new();
    let mut repeat = Vec::new();
    for &component in &parts[0] {
        if let Ok(image) = parse_value("Image", component, context) {
            source = Some(image);
        } else if component.eq_ignore_ascii_case("fill")
            || component.parse::<f32>().is_ok()
            || component.ends_with('%')
        {
            slice.push(component);
        } else {
            repeat.push(component);
        }
    }
    let mut edges = [None, None];
    for (slot, part) in edges.iter_mut().zip(parts.iter().skip(1)) {
        let (widths, keywords): (Vec<&str>, Vec<&str>) =
            part.iter().partition(|w| values::is_edge_width(w));
        if !widths.is_empty() {
            *slot = Some(parse_value("EdgeWidths", &widths.join(" "), context)?);
        }
        repeat.extend(keywords);
    }
    let [width, outset] = edges;
    let slice = if slice.is_empty() {
        "100%".to_owned()
    } else {
        slice.join(" ")
    };
    let repeat = if repeat.is_empty() {
        "stretch".to_owned()
    } else {
        repeat.join(" ")
    };
    Ok(vec![
        (P::BorderImageSource, source),
        (
            P::BorderImageSlice,
            Some(parse_value("NinePatchSlice", &slice, context)?),
        ),
        (
            P::BorderImageWidth,
            Some(width.map_or_else(|| parse_value("EdgeWidths", "1", context), Ok)?),
        ),
        (
            P::BorderImageOutset,
            Some(outset.map_or_else(|| parse_value("EdgeWidths", "0", context), Ok)?),
        ),
        (
            P::BorderImageRepeat,
            Some(parse_value("RepeatAxes", &repeat, context)?),
        ),
    ])
}

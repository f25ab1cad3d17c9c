//! Model values as Slint expressions: colours (palette roles stay symbolic,
//! read from the generated `UnionPalette` global, so a palette change needs
//! no regeneration), lengths, brushes and affine geometry.

use union_model::values::{Color, ColorRole, ColorSet, Image, LinearGradient};

/// The Slint source of the colour functions and the palette global every
/// generated file imports (`union-base.slint`): `mix`, `lighter`, `darker`
/// and `alpha` computed exactly as the model computes them (premultiplied
/// mixing, HSL lightness), so a colour derived from a palette role matches
/// the reference after a palette change too.
pub const COLOR_FUNCTIONS: &str = include_str!("union-color.slint");

/// The palette global's property for a (set, role): `window-background-normal`.
pub fn palette_property(set: ColorSet, role: ColorRole) -> String {
    format!("{}-{}", set.css_name(), role.css_name())
}

/// A literal colour: `#rrggbbaa`.
pub fn rgba(rgba: union_model::values::Rgba) -> String {
    let [r, g, b, a] = rgba.to_rgba8();
    format!("#{r:02x}{g:02x}{b:02x}{a:02x}")
}

/// `color` as a Slint `color` expression; `current` stands for
/// `currentColor` (the element's text colour; it must not itself use
/// `currentColor`, and is black if it does).
pub fn color(color: &Color, current: &Color) -> String {
    color_at(color, current, 0)
}

const MAX_DEPTH: u32 = 16;

fn color_at(value: &Color, current: &Color, depth: u32) -> String {
    if depth > MAX_DEPTH {
        return "transparent".to_owned();
    }
    let inner = |c: &Color| color_at(c, current, depth + 1);
    match value {
        Color::Rgba(c) => rgba(*c),
        Color::Palette(set, role) => format!("UnionPalette.{}", palette_property(*set, *role)),
        Color::CurrentColor => {
            if current.uses_current_color() {
                "#000000ff".to_owned()
            } else {
                inner(current)
            }
        }
        Color::Mix(pair, t) => format!(
            "UnionColor.mix({}, {}, {})",
            inner(&pair.0),
            inner(&pair.1),
            number(*t)
        ),
        Color::Lighter(c, t) => format!("UnionColor.lighter({}, {})", inner(c), number(*t)),
        Color::Darker(c, t) => format!("UnionColor.darker({}, {})", inner(c), number(*t)),
        Color::Alpha(c, f) => format!("UnionColor.alpha({}, {})", inner(c), number(*f)),
    }
}

/// A float literal Slint reads back exactly enough (4 decimals, no
/// exponent, no trailing zeros).
pub fn number(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A length literal in logical px.
pub fn px(v: f32) -> String {
    format!("{}px", number(v))
}

/// A string literal.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '{' => out.push_str("\\{"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A linear gradient as `@linear-gradient(…)` over a box `size` logical px
/// large (stop positions in lengths become percentages of the gradient
/// line). `None` for a repeating gradient, which Slint cannot draw.
pub fn linear_gradient(
    gradient: &LinearGradient,
    size: (f32, f32),
    current: &Color,
) -> Option<String> {
    if gradient.repeating {
        return None;
    }
    let line = gradient.line_length(size);
    let stops: Vec<String> = gradient
        .stops
        .iter()
        .zip(gradient.stop_offsets(line))
        .map(|(stop, at)| format!("{} {}%", color(&stop.color, current), number(at * 100.0)))
        .collect();
    Some(format!(
        "@linear-gradient({}deg, {})",
        number(gradient.angle),
        stops.join(", ")
    ))
}

/// Whether Slint can draw `image` as a background brush.
pub fn is_drawable_background(image: &Image) -> bool {
    matches!(image, Image::Linear(g) if !g.repeating)
}

/// An affine function of the look's inputs, in logical px: a constant plus
/// a coefficient per input (see [`crate::look::Input`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    /// The value at the base sample.
    pub constant: f32,
    /// Coefficients of the inputs, in [`crate::look::Input::ALL`] order.
    pub terms: [f32; crate::look::Input::COUNT],
}

impl Affine {
    /// A constant.
    pub fn constant(v: f32) -> Self {
        Affine {
            constant: v,
            terms: [0.0; crate::look::Input::COUNT],
        }
    }

    /// The Slint length expression (`12px + (root.width - 80px) * 0.5`).
    pub fn to_slint(&self) -> String {
        let mut out = px(self.constant);
        for (input, k) in crate::look::Input::ALL.iter().zip(self.terms) {
            if k.abs() < 1e-4 {
                continue;
            }
            let term = input.slint();
            if (k - 1.0).abs() < 1e-4 {
                out.push_str(&format!(" + {term}"));
            } else if (k + 1.0).abs() < 1e-4 {
                out.push_str(&format!(" - {term}"));
            } else {
                out.push_str(&format!(" + {term} * {}", number(k)));
            }
        }
        out
    }
}

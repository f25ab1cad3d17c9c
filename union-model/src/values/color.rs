//! Symbolic colours: kept as expressions until paint time.
//!
//! A rule says `palette(button, background-normal)` or
//! `mix(palette(window, foreground-normal), transparent, 0.5)`, not an RGB
//! triple. A [`crate::Palette`] turns the expression into RGBA when an output
//! paints, so changing the palette (light ↔ dark, a new KDE colour scheme)
//! never requires re-matching rules.

use super::{PropertyValue, write_number};
use std::fmt;
use std::sync::Arc;

/// A colour in non-premultiplied sRGB, each channel 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rgba {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
    /// Alpha (opacity).
    pub a: f32,
}

impl Rgba {
    /// Fully transparent black.
    pub const TRANSPARENT: Rgba = Rgba::new(0.0, 0.0, 0.0, 0.0);
    /// Opaque black.
    pub const BLACK: Rgba = Rgba::new(0.0, 0.0, 0.0, 1.0);
    /// Opaque white.
    pub const WHITE: Rgba = Rgba::new(1.0, 1.0, 1.0, 1.0);

    /// A colour from channels in 0..=1.
    pub const fn new(r: f32, g: f32, b: f32, a: f32) -> Self {
        Self { r, g, b, a }
    }

    /// An opaque colour from 8-bit channels.
    pub const fn rgb8(r: u8, g: u8, b: u8) -> Self {
        Self::new(r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0, 1.0)
    }

    /// The colour as 8-bit channels, rounded.
    pub fn to_rgba8(self) -> [u8; 4] {
        let q = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        [q(self.r), q(self.g), q(self.b), q(self.a)]
    }

    /// Linear interpolation in sRGB: `amount` 0 gives `self`, 1 gives `other`.
    /// Colour channels are interpolated premultiplied, so mixing with
    /// transparent fades without darkening (as CSS `color-mix` does).
    pub fn mix(self, other: Rgba, amount: f32) -> Rgba {
        let t = amount.clamp(0.0, 1.0);
        let a = self.a * (1.0 - t) + other.a * t;
        if a <= 0.0 {
            return Rgba::TRANSPARENT;
        }
        let channel = |x: f32, y: f32| ((x * self.a) * (1.0 - t) + (y * other.a) * t) / a;
        Rgba::new(
            channel(self.r, other.r),
            channel(self.g, other.g),
            channel(self.b, other.b),
            a,
        )
    }

    /// The colour with its HSL lightness moved toward white by `amount` (0..1).
    pub fn lighter(self, amount: f32) -> Rgba {
        let (h, s, l) = self.to_hsl();
        Rgba::from_hsl(h, s, l + (1.0 - l) * amount.clamp(0.0, 1.0), self.a)
    }

    /// The colour with its HSL lightness moved toward black by `amount` (0..1).
    pub fn darker(self, amount: f32) -> Rgba {
        let (h, s, l) = self.to_hsl();
        Rgba::from_hsl(h, s, l * (1.0 - amount.clamp(0.0, 1.0)), self.a)
    }

    fn to_hsl(self) -> (f32, f32, f32) {
        let max = self.r.max(self.g).max(self.b);
        let min = self.r.min(self.g).min(self.b);
        let l = (max + min) / 2.0;
        let d = max - min;
        if d <= f32::EPSILON {
            return (0.0, 0.0, l);
        }
        let s = d / (1.0 - (2.0 * l - 1.0).abs());
        let h = if max == self.r {
            ((self.g - self.b) / d).rem_euclid(6.0)
        } else if max == self.g {
            (self.b - self.r) / d + 2.0
        } else {
            (self.r - self.g) / d + 4.0
        };
        (h * 60.0, s, l)
    }

    fn from_hsl(h: f32, s: f32, l: f32, a: f32) -> Rgba {
        let l = l.clamp(0.0, 1.0);
        let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
        let hp = h / 60.0;
        let x = c * (1.0 - (hp.rem_euclid(2.0) - 1.0).abs());
        let (r, g, b) = match hp as u32 {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        let m = l - c / 2.0;
        Rgba::new(r + m, g + m, b + m, a)
    }
}

impl fmt::Display for Rgba {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b, a] = self.to_rgba8();
        if a == 255 {
            write!(f, "#{r:02x}{g:02x}{b:02x}")
        } else {
            write!(f, "#{r:02x}{g:02x}{b:02x}{a:02x}")
        }
    }
}

macro_rules! named_enum {
    ($(#[$doc:meta])* $name:ident { $( $(#[$vdoc:meta])* $variant:ident = $css:literal ),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vdoc])* #[serde(rename = $css)] $variant, )*
        }

        impl $name {
            /// Every value, in declaration order (the order is the storage index).
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The CSS name.
            pub fn css_name(self) -> &'static str {
                match self { $($name::$variant => $css,)* }
            }

            /// The value named `name` (ASCII case-insensitive, exact).
            pub fn from_css_name(name: &str) -> Option<Self> {
                $( if name.eq_ignore_ascii_case($css) { return Some($name::$variant); } )*
                None
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.css_name())
            }
        }
    };
}

named_enum! {
    /// A group of colours for one kind of surface, as in KDE colour schemes.
    ColorSet {
        /// Window backgrounds and most controls' text.
        Window = "window",
        /// Content views: lists, text fields.
        View = "view",
        /// Push buttons and similar controls.
        Button = "button",
        /// Selected items.
        Selection = "selection",
        /// Tooltips.
        Tooltip = "tooltip",
        /// Areas styled opposite to the window (dark panels in a light theme).
        Complementary = "complementary",
        /// Headers and tool bars.
        Header = "header",
    }
}

named_enum! {
    /// A role within a [`ColorSet`], as in KDE colour schemes.
    ColorRole {
        /// The normal background.
        BackgroundNormal = "background-normal",
        /// The alternate background (alternating rows, inactive headers).
        BackgroundAlternate = "background-alternate",
        /// Normal text.
        ForegroundNormal = "foreground-normal",
        /// Less important text.
        ForegroundInactive = "foreground-inactive",
        /// Active or highlighted text.
        ForegroundActive = "foreground-active",
        /// Links.
        ForegroundLink = "foreground-link",
        /// Visited links.
        ForegroundVisited = "foreground-visited",
        /// Errors and destructive actions.
        ForegroundNegative = "foreground-negative",
        /// Warnings.
        ForegroundNeutral = "foreground-neutral",
        /// Success.
        ForegroundPositive = "foreground-positive",
        /// Focus indication.
        DecorationFocus = "decoration-focus",
        /// Hover indication.
        DecorationHover = "decoration-hover",
    }
}

/// A colour expression, resolved by a [`crate::Palette`] at paint time.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Color {
    /// A literal colour.
    Rgba(Rgba),
    /// A palette role: `palette(<set>, <role>)`.
    Palette(ColorSet, ColorRole),
    /// The element's text colour (`currentColor`).
    CurrentColor,
    /// `mix(a, b, amount)`: `amount` 0 is `a`, 1 is `b` (the two colours
    /// share one allocation; serialised as `[a, b, amount]`).
    #[serde(
        serialize_with = "mix_serde::serialize",
        deserialize_with = "mix_serde::deserialize"
    )]
    Mix(Arc<(Color, Color)>, f32),
    /// `lighter(c, amount)`: HSL lightness moved toward white.
    Lighter(Arc<Color>, f32),
    /// `darker(c, amount)`: HSL lightness moved toward black.
    Darker(Arc<Color>, f32),
    /// `alpha(c, factor)`: the colour with its alpha multiplied by `factor`.
    Alpha(Arc<Color>, f32),
}

impl Color {
    /// Fully transparent.
    pub const TRANSPARENT: Color = Color::Rgba(Rgba::TRANSPARENT);

    /// A palette role.
    pub fn palette(set: ColorSet, role: ColorRole) -> Color {
        Color::Palette(set, role)
    }

    /// `mix(self, other, amount)`.
    #[must_use]
    pub fn mix(self, other: Color, amount: f32) -> Color {
        Color::Mix(Arc::new((self, other)), amount)
    }

    /// `alpha(self, factor)`.
    #[must_use]
    pub fn with_alpha(self, factor: f32) -> Color {
        Color::Alpha(Arc::new(self), factor)
    }

    /// Whether the expression refers to `currentColor` anywhere.
    pub fn uses_current_color(&self) -> bool {
        match self {
            Color::CurrentColor => true,
            Color::Rgba(_) | Color::Palette(..) => false,
            Color::Mix(pair, _) => pair.0.uses_current_color() || pair.1.uses_current_color(),
            Color::Lighter(c, _) | Color::Darker(c, _) | Color::Alpha(c, _) => {
                c.uses_current_color()
            }
        }
    }

    /// The expression with every `currentColor` replaced by `current`.
    #[must_use]
    pub fn substitute_current_color(&self, current: &Color) -> Color {
        if !self.uses_current_color() {
            return self.clone();
        }
        let sub = |c: &Arc<Color>| Arc::new(c.substitute_current_color(current));
        match self {
            Color::CurrentColor => current.clone(),
            Color::Mix(pair, t) => Color::Mix(
                Arc::new((
                    pair.0.substitute_current_color(current),
                    pair.1.substitute_current_color(current),
                )),
                *t,
            ),
            Color::Lighter(c, t) => Color::Lighter(sub(c), *t),
            Color::Darker(c, t) => Color::Darker(sub(c), *t),
            Color::Alpha(c, t) => Color::Alpha(sub(c), *t),
            Color::Rgba(_) | Color::Palette(..) => self.clone(),
        }
    }
}

/// `mix()` is stored as `[a, b, amount]`, the shape of three separate fields.
mod mix_serde {
    use super::Color;
    use serde::{Deserialize, Serialize};
    use std::sync::Arc;

    /// The two colours.
    type Pair = Arc<(Color, Color)>;

    pub(super) fn serialize<S: serde::Serializer>(
        pair: &Pair,
        amount: &f32,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        (&pair.0, &pair.1, amount).serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<(Pair, f32), D::Error> {
        let (a, b, amount) = <(Color, Color, f32)>::deserialize(deserializer)?;
        Ok((Arc::new((a, b)), amount))
    }
}

impl From<Rgba> for Color {
    fn from(rgba: Rgba) -> Self {
        Color::Rgba(rgba)
    }
}

impl PropertyValue for Color {
    const GRAMMAR: &'static str = "<color> | palette(<set>, <role>) | mix(<color>, <color>, <number>) | lighter(<color>, <number>) | darker(<color>, <number>) | alpha(<color>, <number>) | currentColor";
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let call = |f: &mut fmt::Formatter<'_>, name: &str, c: &Color, t: f32| {
            write!(f, "{name}({c}, ")?;
            write_number(f, t)?;
            f.write_str(")")
        };
        match self {
            Color::Rgba(rgba) => write!(f, "{rgba}"),
            Color::Palette(set, role) => write!(f, "palette({set}, {role})"),
            Color::CurrentColor => f.write_str("currentColor"),
            Color::Mix(pair, t) => {
                write!(f, "mix({}, {}, ", pair.0, pair.1)?;
                write_number(f, *t)?;
                f.write_str(")")
            }
            Color::Lighter(c, t) => call(f, "lighter", c, *t),
            Color::Darker(c, t) => call(f, "darker", c, *t),
            Color::Alpha(c, t) => call(f, "alpha", c, *t),
        }
    }
}

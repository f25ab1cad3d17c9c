//! Lengths, numbers and radii.

use super::{PropertyValue, write_number};
use std::fmt;
use std::str::FromStr;

/// What relative lengths are relative to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LengthContext {
    /// The element's font size in px (the base of `em`).
    pub font_size: f32,
    /// The root element's font size in px (the base of `rem`).
    pub root_font_size: f32,
}

/// A length. Inputs convert absolute units (`pt`, `in`, …) to `px`; `em` and
/// `rem` stay relative until a query resolves them against font sizes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    /// Logical pixels.
    Px(f32),
    /// Multiples of the element's font size.
    Em(f32),
    /// Multiples of the root element's font size.
    Rem(f32),
}

impl Length {
    /// Zero pixels.
    pub const ZERO: Length = Length::Px(0.0);

    /// The length in pixels in `context`.
    pub fn to_px(self, context: &LengthContext) -> f32 {
        match self {
            Length::Px(v) => v,
            Length::Em(v) => v * context.font_size,
            Length::Rem(v) => v * context.root_font_size,
        }
    }

    /// The pixel value if the length is absolute.
    pub fn px(self) -> Option<f32> {
        match self {
            Length::Px(v) => Some(v),
            Length::Em(_) | Length::Rem(_) => None,
        }
    }
}

impl PropertyValue for Length {
    const GRAMMAR: &'static str = "<length>";
    fn resolve_lengths(&mut self, context: &LengthContext) {
        *self = Length::Px(self.to_px(context));
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (value, unit) = match *self {
            Length::Px(v) => (v, "px"),
            Length::Em(v) => (v, "em"),
            Length::Rem(v) => (v, "rem"),
        };
        write_number(f, value)?;
        f.write_str(unit)
    }
}

/// The error for text that is not a serialised [`Length`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LengthSyntaxError(String);

impl fmt::Display for LengthSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a length in px, em or rem", self.0)
    }
}

impl std::error::Error for LengthSyntaxError {}

impl FromStr for Length {
    type Err = LengthSyntaxError;
    /// Reads the serialised form (`12px`, `1.5em`, `2rem`); CSS parsing is the inputs' job.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || LengthSyntaxError(text.to_owned());
        let (number, make): (&str, fn(f32) -> Length) = if let Some(n) = text.strip_suffix("rem") {
            (n, Length::Rem)
        } else if let Some(n) = text.strip_suffix("em") {
            (n, Length::Em)
        } else if let Some(n) = text.strip_suffix("px") {
            (n, Length::Px)
        } else {
            return Err(error());
        };
        let value: f32 = number.parse().map_err(|_| error())?;
        if value.is_finite() {
            Ok(make(value))
        } else {
            Err(error())
        }
    }
}

/// Serialised as text at full precision (`13.333334px`; `Display` rounds
/// to 4 decimals for people), so a serialised style reads back exactly.
impl serde::Serialize for Length {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (value, unit) = match *self {
            Length::Px(v) => (v, "px"),
            Length::Em(v) => (v, "em"),
            Length::Rem(v) => (v, "rem"),
        };
        if serializer.is_human_readable() {
            serializer.collect_str(&format_args!("{value}{unit}"))
        } else {
            BinaryLength::from(*self).serialize(serializer)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Length {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
            text.parse().map_err(serde::de::Error::custom)
        } else {
            let binary = BinaryLength::deserialize(deserializer)?;
            let length = Length::from(binary);
            let (Length::Px(number) | Length::Em(number) | Length::Rem(number)) = length;
            if number.is_finite() {
                Ok(length)
            } else {
                Err(serde::de::Error::custom("a length must be finite"))
            }
        }
    }
}

/// The form binary formats (the compiled-theme cache) store: a unit tag
/// and the number, with no text to format or parse.
#[derive(serde::Serialize, serde::Deserialize)]
enum BinaryLength {
    Px(f32),
    Em(f32),
    Rem(f32),
}

impl From<Length> for BinaryLength {
    fn from(length: Length) -> Self {
        match length {
            Length::Px(v) => BinaryLength::Px(v),
            Length::Em(v) => BinaryLength::Em(v),
            Length::Rem(v) => BinaryLength::Rem(v),
        }
    }
}

impl From<BinaryLength> for Length {
    fn from(length: BinaryLength) -> Self {
        match length {
            BinaryLength::Px(v) => Length::Px(v),
            BinaryLength::Em(v) => Length::Em(v),
            BinaryLength::Rem(v) => Length::Rem(v),
        }
    }
}

/// A length or a percentage of a reference length the renderer knows.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LengthPercentage {
    /// An absolute or font-relative length.
    Length(Length),
    /// Percent of the reference length (100 = all of it).
    Percent(f32),
}

impl LengthPercentage {
    /// Zero.
    pub const ZERO: LengthPercentage = LengthPercentage::Length(Length::ZERO);

    /// Pixels, given the reference length the percentage refers to.
    pub fn to_px(self, reference: f32, context: &LengthContext) -> f32 {
        match self {
            LengthPercentage::Length(length) => length.to_px(context),
            LengthPercentage::Percent(p) => p / 100.0 * reference,
        }
    }

    pub(crate) fn resolve(&mut self, context: &LengthContext) {
        if let LengthPercentage::Length(length) = self {
            length.resolve_lengths(context);
        }
    }
}

impl fmt::Display for LengthPercentage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LengthPercentage::Length(length) => write!(f, "{length}"),
            LengthPercentage::Percent(p) => {
                write_number(f, *p)?;
                f.write_str("%")
            }
        }
    }
}

/// A unitless number.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Number(pub f32);

impl PropertyValue for Number {
    const GRAMMAR: &'static str = "<number>";
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_number(f, self.0)
    }
}

/// An integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Integer(pub i32);

impl PropertyValue for Integer {
    const GRAMMAR: &'static str = "<integer>";
}

impl fmt::Display for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The two radii of a corner: horizontal and vertical (equal for a circular corner).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Radius {
    /// Horizontal radius (percentages refer to the border box width).
    pub x: LengthPercentage,
    /// Vertical radius (percentages refer to the border box height).
    pub y: LengthPercentage,
}

impl Radius {
    /// A circular corner of `px` pixels.
    pub fn circular(px: f32) -> Self {
        let r = LengthPercentage::Length(Length::Px(px));
        Self { x: r, y: r }
    }
}

impl PropertyValue for Radius {
    const GRAMMAR: &'static str = "<length-percentage [0,∞]>{1,2}";
    fn resolve_lengths(&mut self, context: &LengthContext) {
        self.x.resolve(context);
        self.y.resolve(context);
    }
}

impl fmt::Display for Radius {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.x == self.y {
            write!(f, "{}", self.x)
        } else {
            write!(f, "{} {}", self.x, self.y)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Length;

    #[test]
    fn text_formats_keep_units_and_binary_formats_read_back_exactly() {
        for length in [Length::Px(13.333_334), Length::Em(1.5), Length::Rem(-2.0)] {
            let json = serde_json::to_string(&length).unwrap_or_else(|e| panic!("{e}"));
            assert!(json.contains("px") || json.contains("em"), "{json}");
            let from_json: Length = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(from_json, length);
            let bytes = postcard::to_stdvec(&length).unwrap_or_else(|e| panic!("{e}"));
            assert!(bytes.len() <= 5, "{bytes:?}");
            let back: Length = postcard::from_bytes(&bytes).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back, length);
        }
    }

    #[test]
    fn binary_formats_reject_lengths_that_are_not_finite() {
        let bytes = postcard::to_stdvec(&Length::Px(f32::NAN)).unwrap_or_else(|e| panic!("{e}"));
        assert!(postcard::from_bytes::<Length>(&bytes).is_err());
    }
}

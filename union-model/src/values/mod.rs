//! Typed property values: what a leaf of the property tree can hold.
//!
//! Each type documents its CSS grammar in [`PropertyValue::GRAMMAR`] (the
//! property reference is generated from it) and prints itself as CSS through
//! `Display`. Inputs build these values; nothing here parses CSS.

mod color;
mod image;
mod keywords;
mod length;
mod lists;
mod text;

pub use color::{Color, ColorRole, ColorSet, Rgba};
pub use image::{
    ColorStop, EdgeWidth, EdgeWidths, Image, LinearGradient, NinePatchSlice, RadialExtent,
    RadialGradient, RadialShape, RadialSize, RepeatAxes, SliceOffset, SvgPart, Url,
};
pub use keywords::{
    Align, AlignContainer, BoxArea, Elide, FontStyle, LineStyle, OverflowWrap, RepeatMode,
    TextWrapMode, Visibility,
};
pub use length::{Integer, Length, LengthContext, LengthPercentage, Number, Radius};
pub use lists::{Easing, Shadow, ShadowList, StepPosition, Transition, TransitionList};
pub use text::{FontFamily, FontWeight, IconName};

use std::fmt;

/// A type a property leaf can hold.
pub trait PropertyValue: Clone + fmt::Debug + fmt::Display + PartialEq {
    /// The CSS value grammar, in the notation of the CSS specifications.
    const GRAMMAR: &'static str;

    /// Replaces relative lengths (`em`, `rem`) with pixels. Types without
    /// lengths keep the default, which does nothing.
    fn resolve_lengths(&mut self, _context: &LengthContext) {}
}

/// Writes items separated by `", "`.
pub(crate) fn write_comma_list<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    items: &[T],
) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

/// Writes a float the way CSS serialises numbers: no trailing `.0`.
pub(crate) fn write_number(f: &mut fmt::Formatter<'_>, value: f32) -> fmt::Result {
    if value == value.trunc() && value.abs() < 1e7 {
        write!(f, "{}", value as i64)
    } else {
        let text = format!("{value:.4}");
        f.write_str(text.trim_end_matches('0').trim_end_matches('.'))
    }
}

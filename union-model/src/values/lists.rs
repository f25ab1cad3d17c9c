//! List-valued properties: box shadows and transitions.

use super::{Color, Length, LengthContext, PropertyValue, write_comma_list, write_number};
use std::fmt;
use std::sync::Arc;

/// One box shadow.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Shadow {
    /// Horizontal offset.
    pub x: Length,
    /// Vertical offset.
    pub y: Length,
    /// Blur radius; the blur is a gaussian with σ = blur / 2.
    pub blur: Length,
    /// Grows (or with a negative value shrinks) the shadow shape.
    pub spread: Length,
    /// Shadow colour.
    pub color: Color,
    /// Drawn inside the padding box instead of outside the border box.
    pub inset: bool,
}

impl fmt::Display for Shadow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.inset {
            f.write_str("inset ")?;
        }
        write!(
            f,
            "{} {} {} {} {}",
            self.x, self.y, self.blur, self.spread, self.color
        )
    }
}

/// Box shadows in paint order: the first is drawn on top.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ShadowList(pub Vec<Shadow>);

impl PropertyValue for ShadowList {
    const GRAMMAR: &'static str = "none | [inset? && <length>{2,4} && <color>?]#";
    fn resolve_lengths(&mut self, context: &LengthContext) {
        for shadow in &mut self.0 {
            for length in [
                &mut shadow.x,
                &mut shadow.y,
                &mut shadow.blur,
                &mut shadow.spread,
            ] {
                length.resolve_lengths(context);
            }
        }
    }
}

impl fmt::Display for ShadowList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_comma_list(f, &self.0)
    }
}

/// Where a step happens in a `steps()` easing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepPosition {
    /// The first step happens at the start (`jump-start`).
    JumpStart,
    /// The last step happens at the end (`jump-end`, the default).
    JumpEnd,
    /// Both (`jump-both`).
    JumpBoth,
    /// Neither (`jump-none`).
    JumpNone,
}

/// A timing function.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Easing {
    /// Constant speed.
    Linear,
    /// `cubic-bezier(x1, y1, x2, y2)`; the CSS keywords `ease`, `ease-in`,
    /// `ease-out` and `ease-in-out` are these with their standard points.
    CubicBezier(f32, f32, f32, f32),
    /// `steps(n, position)`.
    Steps(u32, StepPosition),
}

impl Easing {
    /// CSS `ease`.
    pub const EASE: Easing = Easing::CubicBezier(0.25, 0.1, 0.25, 1.0);
    /// CSS `ease-in`.
    pub const EASE_IN: Easing = Easing::CubicBezier(0.42, 0.0, 1.0, 1.0);
    /// CSS `ease-out`.
    pub const EASE_OUT: Easing = Easing::CubicBezier(0.0, 0.0, 0.58, 1.0);
    /// CSS `ease-in-out`.
    pub const EASE_IN_OUT: Easing = Easing::CubicBezier(0.42, 0.0, 0.58, 1.0);
}

impl fmt::Display for Easing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Easing::Linear => f.write_str("linear"),
            e if e == Easing::EASE => f.write_str("ease"),
            e if e == Easing::EASE_IN => f.write_str("ease-in"),
            e if e == Easing::EASE_OUT => f.write_str("ease-out"),
            e if e == Easing::EASE_IN_OUT => f.write_str("ease-in-out"),
            Easing::CubicBezier(a, b, c, d) => {
                f.write_str("cubic-bezier(")?;
                for (i, v) in [a, b, c, d].into_iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write_number(f, v)?;
                }
                f.write_str(")")
            }
            Easing::Steps(n, position) => {
                let position = match position {
                    StepPosition::JumpStart => "jump-start",
                    StepPosition::JumpEnd => "jump-end",
                    StepPosition::JumpBoth => "jump-both",
                    StepPosition::JumpNone => "jump-none",
                };
                write!(f, "steps({n}, {position})")
            }
        }
    }
}

/// One transition.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Transition {
    /// The CSS name of the property that animates, or `all`.
    pub property: Arc<str>,
    /// Duration in seconds.
    pub duration: f32,
    /// The timing function.
    pub easing: Easing,
    /// Delay before the transition starts, in seconds.
    pub delay: f32,
}

impl fmt::Display for Transition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.property)?;
        write_number(f, self.duration)?;
        write!(f, "s {}", self.easing)?;
        if self.delay != 0.0 {
            f.write_str(" ")?;
            write_number(f, self.delay)?;
            f.write_str("s")?;
        }
        Ok(())
    }
}

/// Transitions, one per animated property.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct TransitionList(pub Vec<Transition>);

impl PropertyValue for TransitionList {
    const GRAMMAR: &'static str =
        "none | [[<property-name> | all] || <time> || <easing-function> || <time>]#";
}

impl fmt::Display for TransitionList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_comma_list(f, &self.0)
    }
}

//! The control scene: the whole, backend-neutral answer to "what does this
//! control look like?".
//!
//! An output gives a [`SceneRequest`] (the element chain with states and
//! context, a size or none for the implicit size, the value of a range
//! control, text and icon as the application sets them) and a [`Measure`]
//! (its own text measurement and icon lookup). It gets back a
//! [`ControlScene`]: the control's size and style, and its parts in paint
//! order, each with its element, its rectangle in control coordinates, its
//! computed style and its content. Colours stay symbolic: a palette change
//! repaints the same scene without querying again.
//!
//! What is decided here, once for every output:
//! - **which parts exist**: the control's sub-elements from the element
//!   catalogue, one per sub-element hint (`SpinBox > Indicator.up`), each
//!   queried as a child of the control; a part whose style draws nothing
//!   (no background, border, frame, icon, shadow or size), a text part
//!   without text and an icon part without an icon the output can draw are
//!   left out;
//! - **their sizes**: text measured by the output, icons and boxes by their
//!   `width`/`height` (the schema's initial values otherwise);
//! - **where they go**: the generic sub-element layout ([`crate::layout`]),
//!   where the control's `text-alignment-*`/`icon-alignment-*` place its
//!   text and icon and a part's own `layout-alignment-*` leaves win; range
//!   controls and switches place their value-driven parts by behaviour
//!   ([`crate::catalogue::Placement`]): see `placement.rs`;
//! - **the control's size**: the request's, else its own `width`/`height`,
//!   else its implicit size (range controls: a default length along the
//!   orientation), in whole logical pixels.
//!
//! What is not decided here: pixels. Rectangles are fractional logical
//! pixels; outputs snap them at their scale factor, resolve colours with a
//! palette and draw.

mod build;
mod kept;
mod placement;

pub use build::{MAX_SCENE_SIDE, Scenes, build_scene};

use crate::geometry::Rect;
use crate::values::{Image, SvgPart};
use crate::{ComputedStyle, Element, Query, Style};
use std::sync::Arc;

/// Something a theme asks for that an output draws differently: every
/// output reports these (per control and property) instead of dropping
/// what it cannot draw.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gap {
    /// The element (`Button`, `Slider > Handle`).
    pub element: String,
    /// The CSS property.
    pub property: &'static str,
    /// What is drawn instead.
    pub instead: &'static str,
}

impl std::fmt::Display for Gap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: `{}`: {}", self.element, self.property, self.instead)
    }
}

/// What an output measures for the scene with its own fonts and icons.
pub trait Measure {
    /// Width and height in logical px of `text` set in `style`'s font
    /// (family, size, weight, wrapping and eliding at `max_width` logical
    /// px), for drawing at `scale` device pixels per logical pixel.
    fn text_size(
        &mut self,
        text: &str,
        style: &Style,
        max_width: Option<f32>,
        scale: f32,
    ) -> (f32, f32);

    /// Whether the output can draw `icon`: an icon it cannot find takes no room.
    fn has_icon(&mut self, icon: &IconRef) -> bool;

    /// Which fonts and icons these are: a scene measured with another set
    /// is never reused with this one.
    fn fingerprint(&self) -> u64;
}

/// What to lay out: a control (the last element of the query's chain) and
/// what an application sets on it.
#[derive(Clone, Copy, Debug)]
pub struct SceneRequest<'a> {
    /// The element chain, with states, and the context.
    pub query: &'a Query,
    /// Border-box size in logical px; `None` for the control's own or implicit size.
    pub size: Option<(f32, f32)>,
    /// Device pixels per logical pixel the scene is drawn at (text is
    /// measured for it).
    pub scale: f32,
    /// The control's text; `None` shows the catalogue's sample label.
    pub text: Option<&'a str>,
    /// Value of a range control, 0 to 1.
    pub value: f32,
    /// A range slider's two values (0 to 1); `None` spreads
    /// `value` around the middle: `value / 2` and `0.5 + value / 2`.
    pub range: Option<(f32, f32)>,
    /// The control's icon, a freedesktop icon name, as an application sets
    /// one; used when the style names none.
    pub icon: Option<&'a str>,
}

impl<'a> SceneRequest<'a> {
    /// A request at scale 1, implicit size, sample text, value 0.5, no icon.
    pub fn new(query: &'a Query) -> Self {
        SceneRequest {
            query,
            size: None,
            scale: 1.0,
            text: None,
            value: 0.5,
            range: None,
            icon: None,
        }
    }
}

/// An icon to draw: by file or by freedesktop name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum IconRef {
    /// An image file (`icon-source`), as the theme wrote it (a path, or
    /// `file.svg#element` for one element of an SVG).
    File(Arc<str>),
    /// A freedesktop icon-theme name (`icon-name`, or the application's).
    Name(Arc<str>),
}

/// A box part's own icon, drawn centred in the part.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct BoxIcon {
    /// Which icon.
    pub icon: IconRef,
    /// Its size, logical px.
    pub size: (f32, f32),
}

impl BoxIcon {
    /// Where the icon goes in a part drawn at `rect`: centred.
    pub fn rect_in(&self, rect: Rect) -> Rect {
        Rect::new(
            rect.x + (rect.width - self.size.0) / 2.0,
            rect.y + (rect.height - self.size.1) / 2.0,
            self.size.0,
            self.size.1,
        )
    }
}

/// What a part draws besides its box.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Content {
    /// A box (background, border, frame, shadow) and its own icon, if its
    /// style names one the output can draw.
    Box {
        /// The icon drawn centred in the box.
        icon: Option<BoxIcon>,
    },
    /// The control's text, set in the part's font and colour.
    Text {
        /// The text.
        text: Arc<str>,
        /// The width it was wrapped or elided at (the requested control
        /// width), logical px.
        max_width: Option<f32>,
    },
    /// The control's icon, filling the part.
    Icon {
        /// Which icon.
        icon: IconRef,
    },
}

/// One part of a control, placed.
#[derive(Clone, Debug)]
pub struct ScenePart {
    /// The sub-element as queried (type and hint: `Indicator.up`).
    pub element: Element,
    /// Its border box in logical px, relative to the control's border box.
    pub rect: Rect,
    /// Its computed style (colours symbolic).
    pub style: Arc<ComputedStyle>,
    /// What it draws.
    pub content: Content,
}

impl ScenePart {
    /// The sub-element type (`Indicator`).
    pub fn kind(&self) -> &str {
        self.element.type_name()
    }

    /// The Plasma frame the part is drawn with (`svg-frame()` as its
    /// `border-image-source`), if any.
    pub fn frame(&self) -> Option<&SvgPart> {
        frame_of(&self.style.style)
    }
}

/// A control laid out: what every output draws.
#[derive(Clone, Debug)]
pub struct ControlScene {
    /// The control's element (the query's target).
    pub element: Element,
    /// The control's computed style: its own box.
    pub style: Arc<ComputedStyle>,
    /// Its border-box size, logical px.
    pub size: (f32, f32),
    /// Its parts in paint order (the last is on top).
    pub parts: Vec<ScenePart>,
}

impl ControlScene {
    /// The control's border box: at the origin, the scene's size.
    pub fn rect(&self) -> Rect {
        Rect::new(0.0, 0.0, self.size.0, self.size.1)
    }

    /// The Plasma frame the control is drawn with, if any.
    pub fn frame(&self) -> Option<&SvgPart> {
        frame_of(&self.style.style)
    }

    /// The first part of sub-element type `kind` (`Groove`), if any.
    pub fn part(&self, kind: &str) -> Option<&ScenePart> {
        self.parts.iter().find(|p| p.kind() == kind)
    }

    /// The topmost part under `(x, y)` (control coordinates), if any.
    pub fn part_at(&self, x: f32, y: f32) -> Option<&ScenePart> {
        self.parts.iter().rev().find(|p| p.rect.contains(x, y))
    }
}

/// A scene without its styles, for reports and snapshots: the control,
/// its size and each part's element, rectangle and content.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SceneOutline {
    /// The control as `Type#id.hint:state`.
    pub control: String,
    /// Its size, logical px.
    pub size: (f32, f32),
    /// Its parts, in paint order.
    pub parts: Vec<PartOutline>,
}

/// One part of a [`SceneOutline`].
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct PartOutline {
    /// The part as `Type.hint`.
    pub element: String,
    /// Where it sits, logical px from the control's top-left corner.
    pub rect: Rect,
    /// What it draws.
    pub content: Content,
}

impl ControlScene {
    /// The scene without its styles.
    pub fn outline(&self) -> SceneOutline {
        SceneOutline {
            control: self.element.to_string(),
            size: self.size,
            parts: self
                .parts
                .iter()
                .map(|p| PartOutline {
                    element: p.element.to_string(),
                    rect: p.rect,
                    content: p.content.clone(),
                })
                .collect(),
        }
    }
}

fn frame_of(style: &Style) -> Option<&SvgPart> {
    match style.border_image.source.value() {
        Some(Image::SvgFrame(part)) => Some(part),
        _ => None,
    }
}

/// Why a scene could not be made.
#[derive(Clone, Debug, PartialEq)]
pub enum SceneError {
    /// The query has no element.
    EmptyChain,
    /// A size or scale that is negative, not finite, or too large.
    InvalidSize(String),
}

impl std::fmt::Display for SceneError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SceneError::EmptyChain => f.write_str("the element chain is empty"),
            SceneError::InvalidSize(what) => write!(f, "invalid size: {what}"),
        }
    }
}

impl std::error::Error for SceneError {}

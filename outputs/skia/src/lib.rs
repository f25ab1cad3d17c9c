//! # union-skia
//!
//! Union's tiny-skia output: draws a styled element into a
//! [`tiny_skia::Pixmap`] with browser semantics. It is the pixel reference:
//! when another output disagrees with it, the other output is wrong.
//!
//! ## What it draws (so far)
//! For one element box, in CSS painting order: outer box shadows (offset,
//! spread, gaussian blur with σ = blur / 2, never under the box), the
//! background (colour, then a linear or radial gradient, clipped to the
//! border, padding or content box), inset shadows, borders (per-side widths
//! and colours with diagonal corner joins, per-corner elliptical radii with
//! CSS clamping), the outline (outside the border box, beyond its offset),
//! and the element's opacity over all of it. A box at integer logical
//! coordinates with integer widths draws crisp lines at integer scales.
//!
//! ## What it does not draw yet
//! Text, icons and background images (`url()`), 9-patch `border-image`,
//! dashed and dotted lines (drawn solid), whole controls with their
//! sub-elements. These follow with the rest of the renderer work.

#![forbid(unsafe_code)]

mod behaviour;
mod blur;
mod control;
mod geometry;
mod images;
mod paint;
mod text;

pub use control::{Rendered, Renderer, Scene};
pub use geometry::{Box2, Radii};
pub use images::{Images, MAX_IMAGE_FILE};
pub use paint::{MAX_SIDE, RenderError, RenderOptions, render_box};
pub use text::{DEFAULT_FONT_DIR, DEFAULT_FONT_SIZE, Fonts, TextLayout, TextStyle};
pub use tiny_skia;

//! # union-ksvg
//!
//! Plasma's SVG semantics, for Union: what KDE's `KSvg` library (`Svg` and
//! `FrameSvg` in libplasma) does with a desktop theme's SVG files.
//!
//! - [`SvgDocument`]: one `.svg` / `.svgz` file, its elements looked up by
//!   id (invisible `hint-*` elements included), recoloured by a KDE colour
//!   scheme through its `ColorScheme-*` classes ([`ColorScheme`]); one
//!   element drawn into a rectangle with all of its ancestors' transforms.
//! - [`FrameInfo`] and [`render_frame`]: nine-piece frames with libplasma's
//!   prefixes, margin / inset / tiling / stretching / compose-over-border
//!   hints and its whole-pixel geometry at any scale.
//!
//! - [`Piece`]: an element drawn at a whole-pixel size. A document keeps
//!   the pieces it has drawn (bounded), so a frame at a new size draws
//!   only what changed, and pieces that are constant along an axis (flat
//!   fills, gradients across it) are never drawn again for new lengths.
//!
//! It does not find themes, read their metadata or map frames onto
//! controls: that is `union-input-plasma`. It draws with resvg into
//! tiny-skia pixmaps; the only caches it holds are a document's own
//! element bounds and pieces.

#![forbid(unsafe_code)]

mod colors;
mod document;
mod frame;
mod piece;
mod stretch;

pub use colors::{ColorGroup, ColorScheme};
pub use document::{MAX_INFLATED, MAX_SVG_FILE, SvgDocument, SvgError, read_svg_text};
pub use frame::{Borders, Edges, FrameInfo, MAX_FRAME_SIDE, render_frame};
pub use piece::{MIN_UNIFORM_SPAN, Piece};

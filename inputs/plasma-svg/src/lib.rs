//! # union-input-plasma
//!
//! KDE Plasma desktop themes as Union themes. This crate finds a theme the
//! way libplasma does (`plasma/desktoptheme/<name>/` under the XDG data
//! folders), reads its metadata and its `colors` file (a KDE colour scheme)
//! into a palette, and finds its images with libplasma's variants and
//! fallbacks — reporting every fallback, which libplasma does silently.
//! Frames themselves are drawn by `union-ksvg`, which reproduces `FrameSvg`.
//!
//! Not yet here: compiling a theme into model rules (which control uses
//! which frame is to be a bundled mapping stylesheet), panels' enabled
//! borders and `plasmarc` settings.

#![forbid(unsafe_code)]

mod colors;
mod compile;
mod frame;
mod plugin;
mod theme;

pub use colors::{ColorsProblem, parse_colors};
pub use compile::{MAPPING, compile_theme, compile_with_mapping};
pub use frame::{FrameReport, frame_report};
pub use plugin::{NAME_PREFIX, PlasmaInput};
pub use theme::{ImageFile, PlasmaTheme, Variant, search_dirs};

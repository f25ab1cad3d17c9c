//! # union-input-plasma
//!
//! KDE Plasma desktop themes as Union themes. This crate finds a theme the
//! way libplasma does (`plasma/desktoptheme/<name>/` under the XDG data
//! folders), reads its metadata and its `colors` file (a KDE colour scheme)
//! into a palette, and finds its images with libplasma's variants and
//! fallbacks — reporting every fallback, which libplasma does silently.
//! Frames themselves are drawn by `union-ksvg`, which reproduces `FrameSvg`.
//!
//! [`PlasmaInput`] compiles a theme into model rules: the bundled mapping
//! stylesheet ([`MAPPING`], `mapping/controls.css`, Union's CSS dialect)
//! says which control and state draws which frame or element, through
//! `plasma-frame(IMAGE, PREFIX)` and `plasma-element(IMAGE, ID)`, which
//! this crate resolves in the theme (with reported fallbacks). Frames'
//! margins become padding, glow frames sit outside the control by their
//! margins, elements bring their size, and the `colors` file is the
//! palette. Themes are named `plasma:NAME`.
//!
//! Not here: panels' enabled borders, `plasmarc` settings (blur,
//! contrast), `mask-` frames used for blur regions, and animations between
//! frame states. Deferred values (`var()`) cannot call the `plasma-*`
//! functions.

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

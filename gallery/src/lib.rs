//! # union-gallery
//!
//! The theme author's tools: the `union` command-line tool — `union check`
//! (load themes, print every diagnostic), `union inspect` (what an element
//! looks like, and which rules made it so), `union render` (one element
//! into a PNG with the tiny-skia reference renderer), `union export` (every
//! control in every state on one contact sheet) — and, with the `window`
//! feature (on by default), `union gallery`, the interactive window.
//!
//! The window's logic lives in headless modules tested without a display:
//! [`pages`] (what is shown), [`cells`] (drawing a control in every state
//! with the author's switches, and what a click hits), [`inspect`] (the
//! rules and property origins), [`live`] (live reload) and [`themes`]
//! (finding themes). [`window`] only lays them out with egui.
//!
//! It does not draw controls itself (that is `union-skia`'s job) and only
//! loads CSS themes for now: installed Plasma themes are listed in the
//! picker but open once the Plasma input exists.

#![forbid(unsafe_code)]

pub mod cells;
pub mod export;
pub mod inspect;
pub mod live;
pub mod pages;
pub mod plasma_frame;
pub mod render;
pub mod themes;
#[cfg(feature = "window")]
pub mod window;

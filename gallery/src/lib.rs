//! # union-gallery
//!
//! The theme author's tools: the `union` command-line tool — `union check`
//! (load themes, print every diagnostic), `union inspect` (what an element
//! looks like, and which rules made it so; `--scene`: its parts and where
//! they sit), `union themes` (every theme it can find), `union render` (one
//! element into a PNG through an output), `union export` (every control in
//! every state on one contact sheet) — and, with the `window`
//! feature (on by default), `union gallery`, the interactive window.
//!
//! The window's logic lives in headless modules tested without a display:
//! [`pages`] (what is shown), [`cells`] (drawing a control in every state
//! with the author's switches, and what a click hits), [`inspect`] (the
//! rules and property origins), [`live`] (live reload) and [`themes`]
//! (finding themes; both from `union-themes`). [`window`] only lays them
//! out with egui.
//!
//! It does not draw controls itself: the outputs do (`union-skia`, the
//! reference, and `union-egui`; `--backend` picks one).

#![forbid(unsafe_code)]

pub mod cells;
pub mod export;
pub mod inspect;
/// Live reload, from `union-themes` (shared with every output).
pub use union_themes::live;
pub mod pages;
pub mod plasma_frame;
pub mod render;
pub mod themes;
#[cfg(feature = "window")]
pub mod window;

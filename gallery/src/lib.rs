//! # union-gallery
//!
//! The theme author's tools. Today: the `union` command-line tool —
//! `union check` (load themes, print every diagnostic), `union inspect`
//! (what an element looks like, and which rules made it so) and `union
//! render` (draw an element into a PNG with the tiny-skia reference
//! renderer). The interactive gallery app joins it with later work.
//!
//! It only loads CSS themes (the Plasma input is a later crate).

#![forbid(unsafe_code)]

pub mod cells;
pub mod export;
pub mod inspect;
pub mod live;
pub mod pages;
pub mod render;
pub mod themes;
#[cfg(feature = "window")]
pub mod window;

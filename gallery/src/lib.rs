//! # union-gallery
//!
//! The theme author's tools. Today: the `union` command-line tool —
//! `union check` (load themes, print every diagnostic) and `union inspect`
//! (what an element looks like, and which rules made it so). The gallery app
//! and `union render` join it with later work.
//!
//! It does not draw anything yet, and it only loads CSS themes (the Plasma
//! input is a later crate).

#![forbid(unsafe_code)]

pub mod inspect;
pub mod themes;

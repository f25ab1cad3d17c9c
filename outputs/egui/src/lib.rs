//! # union-egui
//!
//! Union's egui output. Three ways in:
//!
//! - **One line** ([`apply`]): the theme mapped onto egui's `Style` and
//!   `Visuals` (per-state widget looks, fills, strokes, radii, window and
//!   menu looks, selection, text fields, spacing, text sizes), so stock
//!   egui widgets take it; what `Style` cannot express comes back in
//!   [`Capabilities`].
//! - **Union widgets** ([`Widgets`]): button, tool button, check box,
//!   radio button, switch, tab button, slider, spin box, scroll bar,
//!   progress bar, label, combo
//!   box (its menu drawn as the theme's menu items), text field (egui's
//!   editing inside the theme's box), frame and group box around content,
//!   and any other catalogue control drawn as it is (`Widgets::control`:
//!   tool tips, menu items, separators…) — each a control scene painted at
//!   full fidelity, with egui's `Response`, focus and accessibility.
//! - **Drawing the control scene** ([`paint_scene`]): a
//!   [`union_model::scene::ControlScene`] painted with egui's painter —
//!   outer shadows (epaint's blurred shadow shapes), background colours and
//!   linear gradients (meshes), borders (one stroke, or a band per side
//!   when sides differ), outlines, text in egui's fonts, opacity. Text is
//!   measured with the same fonts ([`EguiMeasure`]), so the scene makes
//!   room for it as egui draws it.
//! - **Headless** ([`Headless`]): a context run for one pass, tessellated
//!   by epaint and rasterised on the CPU ([`raster`]), deterministic and
//!   GPU-free: what `union render --backend egui` and the tests draw with.
//!
//! ## Not yet
//! Menus and tool tips are drawn (`Widgets::control`) but have no
//! behaviour of their own; theme transitions cross-fade the whole control
//! from its previous look (for the longest declared duration) rather than
//! interpolating each property. The theme's
//! font is used when its file is found by name ([`fonts`]); otherwise egui's
//! own proportional font is.
//!
//! ## What it does not draw (reported as a [`Gap`] per element and property)
//! - elliptical corners (egui's are circular: the smaller radius is used)
//!   and radii above 255 points;
//! - inset shadows, negative spread;
//! - gradients clipped to rounded corners, radial gradients, images,
//!   Plasma frames and 9-patch border images;
//! - per-side border widths or colours with rounded corners (the sides are
//!   drawn as square bands), dashed and dotted borders (drawn solid);
//! - one element of an SVG as an icon (`file.svg#id`, Plasma's elements);
//! - a font family whose file is not found by name (egui's proportional
//!   font is used).

#![forbid(unsafe_code)]

mod apply;
pub mod fonts;
mod headless;
mod icons;
mod look;
mod measure;
mod paint;
pub mod raster;
mod widgets;

pub use apply::{Capabilities, apply, apply_with_fonts, style_for};
pub use headless::{Drawn, Headless};
pub use icons::{IconTexture, Icons};
pub use measure::EguiMeasure;
pub use paint::{Gap, font_size, paint_scene, paint_scene_faded};
pub use widgets::Widgets;

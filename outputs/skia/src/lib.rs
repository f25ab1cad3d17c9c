//! # union-skia
//!
//! Union's tiny-skia output: draws a styled element into a
//! [`tiny_skia::Pixmap`] with browser semantics. It is the pixel reference:
//! when another output disagrees with it, the other output is wrong.
//!
//! ## What it draws
//! - **One element's box** ([`render_box`]), in CSS painting order: outer box
//!   shadows (offset, spread, gaussian blur with σ = blur / 2, never under
//!   the box), the background (colour, then a linear or radial gradient or
//!   an image file sized to the padding box, optionally recoloured as a
//!   mask, clipped to the border, padding or content box), inset shadows,
//!   borders (per-side widths, colours and solid / dashed / dotted styles
//!   with diagonal corner joins, dashes fitted to each side like Chromium's,
//!   per-corner elliptical radii with CSS clamping) or a 9-patch
//!   `border-image` in their place (slices, widths, outsets, stretch /
//!   repeat / round / space, `fill`; SVG pieces drawn from the vector), or
//!   an `svg-frame()` (Plasma's nine-element frames, drawn by `union-ksvg`
//!   as libplasma's `FrameSvg` draws them, recoloured with the palette,
//!   cached per size; `svg-element()` and `file.svg#id` draw one element), the
//!   outline (outside the border box, beyond its offset), and the element's
//!   opacity over all of it. Boxes at integer logical coordinates draw crisp
//!   lines at integer scales. Backgrounds and one-colour borders and
//!   outlines are antialiased by their exact covered area; everything else
//!   is filled by tiny-skia. `tests/render` compares 50 such boxes with
//!   what headless Chromium draws.
//! - **Whole controls** ([`Renderer::paint`]): a
//!   [`union_model::scene::ControlScene`] — the control's box, then each
//!   part's box, text or icon where the scene placed it. The scene (which
//!   parts, their sizes and places) is the model's answer; this crate only
//!   measures text and finds icons for it ([`SkiaMeasure`]) and draws.
//!   [`Renderer::render`] builds and paints in one call; a renderer keeps
//!   the scenes it built (bounded), so a control drawn again with the same
//!   computed style, request, fonts and images is only painted.
//! - **Text** ([`Fonts`]): shaped and wrapped by parley, elided at start,
//!   middle or end, rasterised by swash, from an explicit font set (`DejaVu` by
//!   default) so renders are reproducible. Layouts, glyph images and each
//!   text's combined coverage mask are cached (bounded), so a label drawn
//!   again costs one masked blit per row.
//! - **Icons** ([`Images`]): by file (`icon-source`) or by freedesktop name
//!   (`icon-name`, looked up in `breeze`/`hicolor` icon themes, then fallback
//!   folders), SVG through resvg or PNG; symbolic icons are recoloured with
//!   `icon-color`.
//!
//! ## What it does not do
//! It decides no layout (the scene does) and loads no theme
//! (`union-themes` does).
//!
//! ## What it does not draw yet
//! Dashes bent along rounded corners (they are laid along the straight
//! sides and clipped to the curve), text on headers and footers (group box
//! and dialog titles), transitions
//! (a render is one instant), and icon-theme inheritance (`index.theme`).

#![forbid(unsafe_code)]

mod blend;
mod blit;
mod blur;
mod border_image;
mod control;
mod coverage;
mod dashes;
mod geometry;
mod glyphs;
mod image_file;
mod images;
mod instance;
#[doc(hidden)]
pub mod kernels;
mod paint;
mod shadow;
mod svg_parts;
mod text;

pub use control::{Rendered, Renderer, Scene, SkiaMeasure};
pub use image_file::{ImageFile, MAX_IMAGE_FILE};
pub use images::Images;
pub use paint::{MAX_SIDE, RenderError, RenderOptions, render_box};
pub use text::{DEFAULT_FONT_DIR, DEFAULT_FONT_SIZE, Fonts, TextLayout, TextStyle};
pub use tiny_skia;

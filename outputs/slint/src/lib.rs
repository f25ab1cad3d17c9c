//! Union's Slint output.
//!
//! **What it does.** It turns the model's control scene into Slint source:
//! - [`SceneDrawer`] draws one scene (one control in one state at one
//!   size) through Slint's software renderer, for `union render --backend
//!   slint` and the comparison with the tiny-skia reference;
//! - [`style`] generates a Slint widget style folder named `union` from a
//!   theme: `std-widgets.slint`, `style-base.slint` and the looks of each
//!   control, sampled from the scene over its states, sizes, text sizes
//!   and values, so an application that imports `std-widgets.slint` and
//!   never heard of Union looks like the theme when compiled with the
//!   style `union`.
//!
//! Both write each control as one component whose parts are Slint
//! `Rectangle`, `Text` and `Image` elements ([`look`]): one emitter, so
//! the rendered scene and the generated style cannot drift apart.
//!
//! Palette colours stay symbolic: they are properties of the generated
//! `UnionPalette` global, and colours derived from them (`mix`, `lighter`,
//! `darker`, `alpha`) are computed at run time by `UnionColor` exactly as
//! the model computes them, so a palette change needs no regeneration.
//!
//! **What it does not do.** Slint cannot express everything a theme may
//! ask for; what it cannot is reported as a [`Gap`] with the property and
//! the control, never silently dropped: per-side borders with rounded
//! corners (sides are drawn as square bands), elliptical radii (the smaller
//! radius), shadow spread, inset and extra shadows, repeating and radial
//! gradients, image backgrounds and Plasma frames (no nine-patch stand-in
//! is drawn yet), dashed and dotted borders (solid). Slint's software
//! renderer draws no drop shadows at all (slint-ui/slint#4177); the
//! generated style still declares them for the GPU renderers.
//!
//! **Two ways in.** At build time, [`build::write_style_for`] writes the
//! style for `slint-build` (this crate with `default-features = false`
//! needs no Slint at all); at run time, [`live::LiveApp`] compiles an
//! application with `slint-interpreter` and follows the theme's edits
//! (feature `runtime`, on by default).
//!
//! **Using the style.** Generate it once into a folder `DIR` (it lands in
//! `DIR/union/`), then give a Slint compiler the style name `union` and
//! *both* `DIR` and `DIR/union` as include paths: Slint checks that
//! `DIR/union/std-widgets.slint` exists, but looks `std-widgets.slint` up
//! directly in each include path (see [`style::GeneratedStyle::include_paths`]).
//! With `slint-build`, [`build::write_style_for`] does both; with
//! `slint-interpreter`, [`live::LiveApp`] does and follows the theme's
//! edits; `SLINT_STYLE=union` selects it for tools that read the variable
//! (with the include paths set).
//!
//! **Licence.** This crate is `MIT OR Apache-2.0`. It links Slint
//! (`slint`, `slint-interpreter`), which is licensed `GPL-3.0-only OR
//! LicenseRef-Slint-Royalty-free-2.0 OR LicenseRef-Slint-Software-3.0`:
//! an application that uses this crate, or the style it generates, is
//! bound by one of Slint's licences. The CLI has this output only when
//! built with the `slint` feature.

pub mod build;
#[cfg(feature = "runtime")]
mod drawer;
pub mod expr;
#[cfg(feature = "runtime")]
pub mod headless;
#[cfg(feature = "runtime")]
pub mod live;
pub mod look;
pub mod sample;
pub mod style;

#[cfg(feature = "runtime")]
pub use drawer::{Drawn, SceneDrawer, set_palette};
pub use look::Gap;

use look::IconFiles;
use std::path::PathBuf;
use union_model::Palette;
use union_model::icons::IconLookup;
use union_model::scene::IconRef;
use union_model::values::{ColorRole, ColorSet};

/// The Slint source of the palette global: one `in-out` colour per
/// (set, role), initially `palette`'s.
pub fn palette_global(palette: &Palette) -> String {
    let mut out = String::from("export global UnionPalette {\n");
    for set in ColorSet::ALL {
        for role in ColorRole::ALL {
            out.push_str(&format!(
                "    in-out property <color> {}: {};\n",
                expr::palette_property(*set, *role),
                expr::rgba(palette.role(*set, *role))
            ));
        }
    }
    out.push_str("}\n");
    out
}

/// The shared base every generated file imports: the colour functions and
/// the palette.
pub fn base_source(palette: &Palette) -> String {
    format!("{}\n{}", expr::COLOR_FUNCTIONS, palette_global(palette))
}

/// Icons found with a freedesktop lookup (names) or as files (paths).
#[derive(Debug)]
pub struct Icons(pub IconLookup);

impl IconFiles for Icons {
    fn file(&mut self, icon: &IconRef) -> Option<(PathBuf, bool)> {
        let path = match icon {
            IconRef::Name(name) => self.0.find(name)?,
            IconRef::File(path) => {
                let path = PathBuf::from(&**path);
                (path.is_file()).then_some(path)?
            }
        };
        let symbolic = union_model::icons::is_symbolic(&path);
        Some((path, symbolic))
    }
}

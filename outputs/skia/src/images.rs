//! Images and icons: SVG through usvg/resvg, PNG through tiny-skia, icons
//! found by freedesktop icon-theme name with the model's shared lookup
//! ([`union_model::icons`]).

use crate::image_file::{Fit, ImageFile, recolour};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tiny_skia::Pixmap;
use union_model::icons::IconLookup;
use union_model::values::Rgba;

/// Largest raster drawn for one image, per side (device px).
const MAX_IMAGE_SIDE: u32 = 4096;

/// A raster of one file: its device size, its tint and how it is fitted.
type RasterKey = (u32, u32, Option<[u8; 4]>, Fit);

/// Finds and rasterises images and icons; remembers what it found.
#[derive(Debug, Default)]
pub struct Images {
    icons: IconLookup,
    /// Per file (by its path's text, hashed as one string): its rasters.
    rasters: FxHashMap<OsString, FxHashMap<RasterKey, Option<Pixmap>>>,
    files: HashMap<PathBuf, Option<Arc<ImageFile>>>,
    symbolic: FxHashMap<OsString, bool>,
    /// Parts of SVGs: frames and elements.
    pub(crate) svg_parts: crate::svg_parts::SvgParts,
    instance: crate::instance::Instance,
}

impl Images {
    /// Which images these are: layouts made with other images (icons found
    /// elsewhere) are not reused with these.
    pub(crate) fn instance(&self) -> crate::instance::Instance {
        self.instance
    }

    /// Icons looked up in `fallback` folders only (reproducible renders).
    pub fn with_fallback(fallback: Vec<PathBuf>) -> Images {
        Images {
            icons: IconLookup::with_fallback(fallback),
            ..Images::default()
        }
    }

    /// Icons looked up in the machine's `breeze` and `hicolor` icon themes
    /// (under `$XDG_DATA_HOME` and `$XDG_DATA_DIRS`), then in `fallback`.
    pub fn with_system_icons(fallback: Vec<PathBuf>) -> Images {
        Images {
            icons: IconLookup::with_system_icons(fallback),
            ..Images::default()
        }
    }

    /// The file of the icon called `name`, if any theme or fallback folder has it.
    pub fn find_icon(&mut self, name: &str) -> Option<PathBuf> {
        self.icons.find(name)
    }

    /// `path` rasterised to `width` × `height` device pixels (aspect kept,
    /// centred), recoloured with `tint` as a mask when given. `None` (and
    /// remembered) when the file cannot be read or drawn.
    pub fn raster(
        &mut self,
        path: &Path,
        width: u32,
        height: u32,
        tint: Option<Rgba>,
    ) -> Option<&Pixmap> {
        self.cached_raster(path, width, height, tint, Fit::Contain)
    }

    /// `path` drawn into `width` × `height` device pixels as a browser draws
    /// a CSS image sized to a box (`background-size: 100% 100%`): rasters
    /// stretch, SVGs follow their `preserveAspectRatio`. Recoloured with
    /// `tint` as a mask when given.
    pub fn sized(
        &mut self,
        path: &Path,
        width: u32,
        height: u32,
        tint: Option<Rgba>,
    ) -> Option<&Pixmap> {
        self.cached_raster(path, width, height, tint, Fit::Css)
    }

    /// Whether the icon at `path` is symbolic (recoloured with the icon
    /// colour); read once per path.
    pub fn symbolic(&mut self, path: &Path) -> bool {
        if let Some(known) = self.symbolic.get(path.as_os_str()) {
            return *known;
        }
        let symbolic = union_model::icons::is_symbolic(path);
        self.symbolic.insert(path.as_os_str().to_owned(), symbolic);
        symbolic
    }

    /// The decoded file at `path`; `None` (and remembered) when it cannot
    /// be read or decoded.
    pub fn file(&mut self, path: &Path) -> Option<Arc<ImageFile>> {
        self.files
            .entry(path.to_path_buf())
            .or_insert_with_key(|path| ImageFile::read(path).ok().map(Arc::new))
            .clone()
    }

    fn cached_raster(
        &mut self,
        path: &Path,
        width: u32,
        height: u32,
        tint: Option<Rgba>,
        how: Fit,
    ) -> Option<&Pixmap> {
        let key = (
            width.min(MAX_IMAGE_SIDE),
            height.min(MAX_IMAGE_SIDE),
            tint.map(Rgba::to_rgba8),
            how,
        );
        let known = self
            .rasters
            .get(path.as_os_str())
            .is_some_and(|sizes| sizes.contains_key(&key));
        if !known {
            let raster = self.file(path).and_then(|file| {
                let mut pixmap = file.rasterise(key.0, key.1, how)?;
                if let Some(tint) = tint {
                    recolour(&mut pixmap, tint);
                }
                Some(pixmap)
            });
            self.rasters
                .entry(path.as_os_str().to_owned())
                .or_default()
                .insert(key, raster);
        }
        self.rasters
            .get(path.as_os_str())
            .and_then(|sizes| sizes.get(&key))
            .and_then(Option::as_ref)
    }
}

/// Whether the SVG at `path` is a symbolic (recolourable) icon: it uses the
/// `ColorScheme-*` classes of freedesktop/KDE symbolic icons.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_names_cannot_escape_their_folders() {
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/icons");
        let mut images = Images::with_fallback(vec![bundled.join("sub")]);
        assert_eq!(images.find_icon("../checkmark"), None);
        assert_eq!(images.find_icon(""), None);
        let mut images = Images::with_fallback(vec![bundled]);
        assert!(images.find_icon("checkmark").is_some());
        assert_eq!(images.find_icon("no-such-icon"), None);
    }
}

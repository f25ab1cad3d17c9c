//! Images and icons: SVG through usvg/resvg, PNG through tiny-skia, icons
//! found by freedesktop icon-theme name.
//!
//! Icon lookup is deliberately simple: the icon themes given (in order),
//! each searched for `<name>.svg` or `<name>.png` in any folder up to two
//! levels down (`actions/16/`, `16x16/actions/`, `scalable/`), the largest
//! SVG preferred; then the fallback folders. No `index.theme` inheritance
//! yet. Snapshot tests use fallback folders only, so they never depend on the
//! machine's icon themes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tiny_skia::{Pixmap, Transform};
use union_model::values::Rgba;

/// Largest image file read (bytes).
pub const MAX_IMAGE_FILE: u64 = 8 << 20;

/// Largest raster drawn for one image, per side (device px).
const MAX_IMAGE_SIDE: u32 = 4096;

/// A raster: the file, its device size and its tint.
type RasterKey = (PathBuf, u32, u32, Option<[u8; 4]>);

/// Finds and rasterises images and icons; remembers what it found.
#[derive(Debug, Default)]
pub struct Images {
    icon_themes: Vec<PathBuf>,
    fallback: Vec<PathBuf>,
    found: HashMap<String, Option<PathBuf>>,
    rasters: HashMap<RasterKey, Option<Pixmap>>,
}

impl Images {
    /// Icons looked up in `fallback` folders only (reproducible renders).
    pub fn with_fallback(fallback: Vec<PathBuf>) -> Images {
        Images {
            fallback,
            ..Images::default()
        }
    }

    /// Icons looked up in the machine's `breeze` and `hicolor` icon themes
    /// (under `$XDG_DATA_HOME` and `$XDG_DATA_DIRS`), then in `fallback`.
    pub fn with_system_icons(fallback: Vec<PathBuf>) -> Images {
        let mut data_dirs: Vec<PathBuf> = Vec::new();
        if let Some(home) = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
        {
            data_dirs.push(home);
        }
        let system = std::env::var_os("XDG_DATA_DIRS")
            .unwrap_or_else(|| "/usr/local/share:/usr/share".into());
        data_dirs.extend(std::env::split_paths(&system));
        let icon_themes = ["breeze", "hicolor"]
            .iter()
            .flat_map(|theme| data_dirs.iter().map(move |d| d.join("icons").join(theme)))
            .filter(|d| d.is_dir())
            .collect();
        Images {
            icon_themes,
            fallback,
            ..Images::default()
        }
    }

    /// The file of the icon called `name`, if any theme or fallback folder has it.
    pub fn find_icon(&mut self, name: &str) -> Option<PathBuf> {
        if let Some(found) = self.found.get(name) {
            return found.clone();
        }
        let valid = !name.is_empty() && !name.contains(['/', '\\']) && name != "." && name != "..";
        let found = valid
            .then(|| {
                self.icon_themes
                    .iter()
                    .find_map(|theme| search(theme, name, 2))
                    .or_else(|| self.fallback.iter().find_map(|dir| search(dir, name, 0)))
            })
            .flatten();
        self.found.insert(name.to_owned(), found.clone());
        found
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
        let key = (
            path.to_path_buf(),
            width.min(MAX_IMAGE_SIDE),
            height.min(MAX_IMAGE_SIDE),
            tint.map(Rgba::to_rgba8),
        );
        self.rasters
            .entry(key)
            .or_insert_with_key(|(path, w, h, _)| {
                let mut pixmap = rasterise(path, *w, *h).ok()?;
                if let Some(tint) = tint {
                    recolour(&mut pixmap, tint);
                }
                Some(pixmap)
            })
            .as_ref()
    }
}

/// Whether the SVG at `path` is a symbolic (recolourable) icon: it uses the
/// `ColorScheme-*` classes of freedesktop/KDE symbolic icons.
pub fn is_symbolic(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "svg")
        && std::fs::read_to_string(path).is_ok_and(|text| text.contains("ColorScheme-"))
}

fn search(dir: &Path, name: &str, depth: u32) -> Option<PathBuf> {
    for extension in ["svg", "png"] {
        let candidate = dir.join(format!("{name}.{extension}"));
        if candidate.is_file() {
            return Some(candidate);
        }
    }
    if depth == 0 {
        return None;
    }
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    // Scalable and large sizes first: they downscale best.
    folders.sort_by_key(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let size: i64 = name
            .split('x')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(if name == "scalable" { 10_000 } else { 0 });
        -size
    });
    folders.iter().find_map(|f| search(f, name, depth - 1))
}

fn rasterise(path: &Path, width: u32, height: u32) -> Result<Pixmap, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_IMAGE_FILE {
        return Err(format!("{size} bytes is larger than {MAX_IMAGE_FILE}"));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut out = Pixmap::new(width.max(1), height.max(1)).ok_or("empty image")?;
    let is_svg = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("svg" | "svgz")
    );
    if is_svg {
        let options = usvg::Options {
            resources_dir: path.parent().map(Path::to_path_buf),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_data(&bytes, &options).map_err(|e| e.to_string())?;
        let (sw, sh) = (tree.size().width(), tree.size().height());
        let (scale, dx, dy) = fit(sw, sh, width as f32, height as f32);
        resvg::render(
            &tree,
            Transform::from_row(scale, 0.0, 0.0, scale, dx, dy),
            &mut out.as_mut(),
        );
    } else {
        let image = Pixmap::decode_png(&bytes).map_err(|e| e.to_string())?;
        let (scale, dx, dy) = fit(
            image.width() as f32,
            image.height() as f32,
            width as f32,
            height as f32,
        );
        let paint = tiny_skia::PixmapPaint {
            quality: tiny_skia::FilterQuality::Bicubic,
            ..tiny_skia::PixmapPaint::default()
        };
        out.draw_pixmap(
            0,
            0,
            image.as_ref(),
            &paint,
            Transform::from_row(scale, 0.0, 0.0, scale, dx, dy),
            None,
        );
    }
    Ok(out)
}

/// Scale and offset that fit `sw`×`sh` into `w`×`h`, centred, aspect kept.
fn fit(sw: f32, sh: f32, w: f32, h: f32) -> (f32, f32, f32) {
    if sw <= 0.0 || sh <= 0.0 {
        return (1.0, 0.0, 0.0);
    }
    let scale = (w / sw).min(h / sh);
    (scale, (w - sw * scale) / 2.0, (h - sh * scale) / 2.0)
}

/// Keeps the alpha, replaces the colour (premultiplied).
fn recolour(pixmap: &mut Pixmap, tint: Rgba) {
    for pixel in pixmap.data_mut().chunks_exact_mut(4) {
        let coverage = f32::from(pixel[3]) / 255.0;
        pixel.copy_from_slice(&crate::paint::premultiplied(tint, coverage));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_keeps_the_aspect_and_centres() {
        assert_eq!(fit(16.0, 8.0, 32.0, 32.0), (2.0, 0.0, 8.0));
        assert_eq!(fit(0.0, 8.0, 32.0, 32.0), (1.0, 0.0, 0.0));
    }

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

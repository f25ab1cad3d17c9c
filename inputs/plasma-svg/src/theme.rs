//! Finding a Plasma desktop theme and its files, like libplasma: themes
//! live in `plasma/desktoptheme/<name>/` under the XDG data folders; an
//! image is looked for in the theme (its `opaque/` or `translucent/`
//! variant first when asked), then in the `default` theme. Unlike
//! libplasma, every fallback is reported.

use crate::colors::parse_colors;
use std::path::{Path, PathBuf};
use union_model::{Diagnostic, Palette, SourceLocation};

/// Which variant of the theme's images is preferred. libplasma takes
/// `opaque/` when the desktop has no compositing and `translucent/` when
/// it can blur behind windows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Variant {
    /// The theme's plain images.
    #[default]
    Normal,
    /// `opaque/` images first.
    Opaque,
    /// `translucent/` images first.
    Translucent,
}

impl Variant {
    fn folder(self) -> Option<&'static str> {
        match self {
            Variant::Normal => None,
            Variant::Opaque => Some("opaque"),
            Variant::Translucent => Some("translucent"),
        }
    }
}

/// The folders themes are looked for in: `plasma/desktoptheme/` under
/// each of `data_dirs` (`$XDG_DATA_HOME`, then `$XDG_DATA_DIRS`).
pub fn search_dirs(data_dirs: &[PathBuf]) -> Vec<PathBuf> {
    data_dirs
        .iter()
        .map(|d| d.join("plasma/desktoptheme"))
        .collect()
}

/// An image file of the theme, and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageFile {
    /// The file.
    pub path: PathBuf,
    /// Set when it is not the theme's own file for the variant asked for:
    /// what was used instead, for the theme author.
    pub fallback: Option<String>,
}

/// A Plasma desktop theme.
#[derive(Clone, Debug)]
pub struct PlasmaTheme {
    /// Its folder name (what Plasma's settings call it).
    pub name: String,
    /// Its folder.
    pub dir: PathBuf,
    /// The name it shows (`metadata.json`'s `KPlugin.Name`).
    pub display_name: String,
    /// Its colours: its `colors` file over KDE's default scheme.
    pub palette: Palette,
    /// Whether it has a `colors` file (else it follows the system's).
    pub has_colors: bool,
    /// Problems found reading it.
    pub diagnostics: Vec<Diagnostic>,
    /// The `default` theme, where missing images are looked for.
    default_dir: Option<PathBuf>,
}

fn is_theme(dir: &Path) -> bool {
    dir.join("metadata.json").is_file() || dir.join("metadata.desktop").is_file()
}

/// Largest metadata or `colors` file read, bytes.
const MAX_TEXT_FILE: u64 = 1 << 20;

/// A small text file of the theme: regular files only (a FIFO or device
/// would block or never end), at most [`MAX_TEXT_FILE`] bytes.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = union_model::files::read_regular(path, MAX_TEXT_FILE).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())
}

fn display_name(dir: &Path, fallback: &str) -> String {
    if let Ok(text) = read_text(&dir.join("metadata.json"))
        && let Ok(json) = serde_json::from_str::<serde_json::Value>(&text)
        && let Some(name) = json.pointer("/KPlugin/Name").and_then(|n| n.as_str())
    {
        return name.to_owned();
    }
    if let Ok(text) = read_text(&dir.join("metadata.desktop"))
        && let Some(name) = text.lines().find_map(|l| l.trim().strip_prefix("Name="))
    {
        return name.trim().to_owned();
    }
    fallback.to_owned()
}

impl PlasmaTheme {
    /// Opens THEME: a folder holding `metadata.json` or
    /// `metadata.desktop`, or the name of one in `search` (the first
    /// found wins).
    pub fn open(theme: &str, search: &[PathBuf]) -> Result<PlasmaTheme, String> {
        let path = Path::new(theme);
        let dir = if path.is_dir() {
            if !is_theme(path) {
                return Err(format!(
                    "{theme}: not a Plasma theme (no metadata.json or metadata.desktop)"
                ));
            }
            path.to_path_buf()
        } else {
            search
                .iter()
                .map(|d| d.join(theme))
                .find(|d| is_theme(d))
                .ok_or_else(|| {
                    let looked: Vec<String> =
                        search.iter().map(|d| d.display().to_string()).collect();
                    format!("no Plasma theme called {theme:?} in {}", looked.join(", "))
                })?
        };
        let name = dir
            .file_name()
            .map_or_else(|| theme.to_owned(), |n| n.to_string_lossy().into_owned());
        let default_dir = search
            .iter()
            .map(|d| d.join("default"))
            .find(|d| is_theme(d) && *d != dir);
        let mut diagnostics = Vec::new();
        let colors_file = dir.join("colors");
        let (palette, has_colors) = match read_text(&colors_file) {
            Ok(text) => {
                let (palette, problems) = parse_colors(&text, &Palette::breeze_light());
                diagnostics.extend(problems.into_iter().map(|p| {
                    Diagnostic::warning(
                        p.message,
                        Some(SourceLocation::new(&colors_file, p.line, 1)),
                    )
                }));
                (palette, true)
            }
            Err(_) => (Palette::breeze_light(), false),
        };
        Ok(PlasmaTheme {
            display_name: display_name(&dir, &name),
            name,
            dir,
            palette,
            has_colors,
            diagnostics,
            default_dir,
        })
    }

    /// The `default` theme's file for `image` (its variant first), when
    /// this theme is not the default theme itself.
    pub fn default_image(&self, image: &str, variant: Variant) -> Option<PathBuf> {
        let default = self.default_dir.as_deref()?;
        let names = file_names(image);
        let find = |folder: Option<&str>| {
            names.iter().find_map(|name| {
                let path = match folder {
                    Some(folder) => default.join(folder).join(name),
                    None => default.join(name),
                };
                path.is_file().then_some(path)
            })
        };
        variant
            .folder()
            .and_then(|f| find(Some(f)))
            .or_else(|| find(None))
    }

    /// The file for `image` (`widgets/button`, with or without `.svgz` /
    /// `.svg`), looked for as libplasma does: the variant's folder, the
    /// theme, then the `default` theme.
    pub fn image(&self, image: &str, variant: Variant) -> Option<ImageFile> {
        let names = file_names(image);
        let find = |dir: &Path, folder: Option<&str>| {
            names.iter().find_map(|name| {
                let path = match folder {
                    Some(folder) => dir.join(folder).join(name),
                    None => dir.join(name),
                };
                path.is_file().then_some(path)
            })
        };
        if let Some(folder) = variant.folder()
            && let Some(path) = find(&self.dir, Some(folder))
        {
            return Some(ImageFile {
                path,
                fallback: None,
            });
        }
        if let Some(path) = find(&self.dir, None) {
            let fallback = variant.folder().map(|folder| {
                format!(
                    "{image}: no {folder} variant in {}: using its plain one",
                    self.name
                )
            });
            return Some(ImageFile { path, fallback });
        }
        let path = self.default_image(image, variant)?;
        Some(ImageFile {
            path,
            fallback: Some(format!(
                "{image}: not in {}: using the default theme's",
                self.name
            )),
        })
    }
}

/// The file names `image` may have: as given when it has an extension,
/// else `.svgz` then `.svg`. Names that would leave the theme folder have
/// none.
fn file_names(image: &str) -> Vec<String> {
    let escapes = Path::new(image)
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_)));
    if escapes || image.is_empty() {
        Vec::new()
    } else if image.ends_with(".svgz") || image.ends_with(".svg") {
        vec![image.to_owned()]
    } else {
        vec![format!("{image}.svgz"), format!("{image}.svg")]
    }
}

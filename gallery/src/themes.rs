//! Finding and loading themes for the command-line tools.
//!
//! THEME is a path (a `.css` file, a folder with `style.css`, or a Plasma
//! theme folder), a name found among the bundled themes and
//! `$XDG_DATA_HOME`/`$XDG_DATA_DIRS` under `union/themes/`, or
//! `plasma:NAME` for an installed Plasma desktop theme.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_input_css::{CssInput, ThemeCache};
use union_input_plasma::PlasmaInput;
use union_model::{LoadError, LoadedTheme, ThemeRegistry};

/// `$XDG_DATA_HOME` (else `~/.local/share`) then each of `$XDG_DATA_DIRS`
/// (else `/usr/local/share:/usr/share`).
pub fn data_dirs() -> Vec<PathBuf> {
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/share")));
    let data_dirs =
        std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".into());
    data_home
        .into_iter()
        .chain(
            data_dirs
                .split(':')
                .filter(|d| !d.is_empty())
                .map(PathBuf::from),
        )
        .collect()
}

/// Where named themes are looked for, in order: the bundled themes, then
/// `union/themes/` in each of [`data_dirs`].
pub fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(bundled) = option_env!("CARGO_MANIFEST_DIR") {
        dirs.push(Path::new(bundled).join("../themes"));
    }
    dirs.extend(data_dirs().iter().map(|d| d.join("union/themes")));
    dirs
}

/// A registry with every input plugin registered. Compiled themes are
/// cached under `$XDG_CACHE_HOME/union/` unless `UNION_NO_CACHE` is set.
pub fn registry() -> ThemeRegistry {
    let cache = if std::env::var_os("UNION_NO_CACHE").is_none() {
        ThemeCache::default_location()
    } else {
        None
    };
    registry_with_cache(cache)
}

/// A registry with every input plugin registered, using `cache` (or none).
pub fn registry_with_cache(cache: Option<ThemeCache>) -> ThemeRegistry {
    let mut css = CssInput::new(search_dirs());
    if let Some(cache) = cache {
        css = css.with_cache(cache);
    }
    let mut registry = ThemeRegistry::new();
    registry.register_input(Arc::new(css));
    registry.register_input(Arc::new(PlasmaInput::new(plasma_dirs())));
    registry
}

/// Loads THEME (a path or a name).
pub fn load(registry: &ThemeRegistry, theme: &str) -> Result<Arc<LoadedTheme>, LoadError> {
    let path = Path::new(theme);
    if path.exists() {
        registry.load_path(path)
    } else {
        registry.load_named(theme)
    }
}

/// What kind of theme a [`ThemeEntry`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeKind {
    /// A Union CSS theme (a folder with `style.css`).
    Css,
    /// An installed Plasma desktop theme.
    Plasma,
}

/// A theme the gallery's picker offers.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeEntry {
    /// The name it is loaded by.
    pub name: String,
    /// Its folder.
    pub path: PathBuf,
    /// CSS or Plasma.
    pub kind: ThemeKind,
}

/// Where installed Plasma desktop themes are, like libplasma looks for
/// them: `plasma/desktoptheme/` under `$XDG_DATA_HOME` and each of
/// `$XDG_DATA_DIRS`.
pub fn plasma_dirs() -> Vec<PathBuf> {
    data_dirs()
        .iter()
        .map(|d| d.join("plasma/desktoptheme"))
        .collect()
}

/// Every theme in `css_dirs` (folders holding `style.css`) and
/// `plasma_dirs` (folders holding `metadata.json` or `metadata.desktop`),
/// sorted by name within each kind; a name found twice is the first one
/// found, as loading by name would pick.
pub fn list(css_dirs: &[PathBuf], plasma_dirs: &[PathBuf]) -> Vec<ThemeEntry> {
    let mut entries: Vec<ThemeEntry> = Vec::new();
    let kinds = [
        (css_dirs, ThemeKind::Css, &["style.css"][..]),
        (
            plasma_dirs,
            ThemeKind::Plasma,
            &["metadata.json", "metadata.desktop"][..],
        ),
    ];
    for (dirs, kind, markers) in kinds {
        let mut found: Vec<ThemeEntry> = Vec::new();
        for dir in dirs {
            let Ok(read) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut folders: Vec<PathBuf> = read.flatten().map(|e| e.path()).collect();
            folders.sort();
            for folder in folders {
                let Some(name) = folder.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                let is_theme = markers.iter().any(|m| folder.join(m).is_file());
                if is_theme && !found.iter().any(|e| e.name == name) {
                    found.push(ThemeEntry {
                        name: name.to_owned(),
                        path: folder.clone(),
                        kind,
                    });
                }
            }
        }
        found.sort_by(|a, b| a.name.cmp(&b.name));
        entries.extend(found);
    }
    entries
}

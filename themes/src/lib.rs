//! # union-themes
//!
//! One way to find and load a Union theme, used by the `union` tool, the
//! gallery and every output.
//!
//! ## What it does
//! - **Bundled themes in the binary**: `breeze`, `breeze-dark` and the
//!   fallback icons are embedded at build time and unpacked once, on first
//!   use, into a folder named after their content hash under
//!   `$XDG_CACHE_HOME/union/bundled/` (the temporary folder when there is no
//!   cache folder), so an installed binary or an application linking an
//!   output finds them without the source tree, and diagnostics name real
//!   files.
//! - **Lookup by name**: THEME is a path (a `.css` file, a folder with
//!   `style.css`, or a Plasma theme folder), a name found among the bundled
//!   themes, then under `union/themes/` in `$XDG_DATA_HOME` and each of
//!   `$XDG_DATA_DIRS`, or `plasma:NAME` for an installed Plasma desktop
//!   theme (`plasma/desktoptheme/` in the same folders, as libplasma looks).
//! - **A registry with both input plugins** (CSS and Plasma) and the
//!   compiled-theme cache (`$XDG_CACHE_HOME/union/css/`, off with
//!   `UNION_NO_CACHE`).
//! - **Listing**: [`list_all`] names every theme it can find, with its kind
//!   and folder; [`searched`] says where it looked.
//! - **Live reload** ([`live`]): a theme that follows its files in the
//!   background and never shows a broken edit, for every output.
//!
//! ## What it does not do
//! It parses nothing itself (the input plugins do) and draws nothing.

#![forbid(unsafe_code)]

pub mod live;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use union_input_css::{CssInput, ThemeCache};
use union_input_plasma::PlasmaInput;
use union_model::{LoadError, LoadedTheme, ThemeRegistry};

mod bundle {
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));
}

/// The name of the theme used when none is given.
pub const DEFAULT_THEME: &str = "breeze";

/// The names of the bundled themes.
pub const BUNDLED_THEMES: [&str; 2] = ["breeze", "breeze-dark"];

/// The embedded files: their paths relative to the bundle's root (`breeze/style.css`,
/// `icons/search.svg`) and contents.
pub fn bundled_files() -> &'static [(&'static str, &'static [u8])] {
    bundle::FILES
}

/// The folder the bundled themes are unpacked into (once per process; the
/// first process to unpack a bundle writes it atomically, later ones reuse it).
///
/// # Errors
/// When no folder can be written: the message names the folder.
pub fn bundle_root() -> Result<&'static Path, String> {
    static ROOT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    ROOT.get_or_init(unpack)
        .as_ref()
        .map(PathBuf::as_path)
        .map_err(Clone::clone)
}

fn unpack() -> Result<PathBuf, String> {
    let name = format!("{:016x}", bundle::BUNDLE_HASH);
    let mut errors = Vec::new();
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")));
    let parents = cache
        .map(|c| c.join("union/bundled"))
        .into_iter()
        .chain(std::iter::once(std::env::temp_dir().join("union-bundled")));
    for parent in parents {
        let root = parent.join(&name);
        if root.join(".complete").is_file() {
            return Ok(root);
        }
        match unpack_into(&parent, &root) {
            Ok(()) => return Ok(root),
            Err(e) => errors.push(format!("{}: {e}", root.display())),
        }
    }
    Err(format!(
        "cannot unpack the bundled themes: {}",
        errors.join("; ")
    ))
}

/// Writes every file into a fresh folder beside `root`, then renames it to
/// `root` (another process may have won the race: then its copy is used).
fn unpack_into(parent: &Path, root: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(parent)?;
    let staging = parent.join(format!(
        ".unpacking-{}-{}",
        std::process::id(),
        bundle::BUNDLE_HASH
    ));
    let _ = std::fs::remove_dir_all(&staging);
    for (path, bytes) in bundle::FILES {
        let target = staging.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&target, bytes)?;
    }
    std::fs::write(staging.join(".complete"), b"")?;
    match std::fs::rename(&staging, root) {
        Ok(()) => Ok(()),
        Err(_) if root.join(".complete").is_file() => {
            let _ = std::fs::remove_dir_all(&staging);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            Err(e)
        }
    }
}

/// The bundled fallback icons' folder (empty when the bundle cannot be unpacked).
pub fn bundled_icon_dirs() -> Vec<PathBuf> {
    bundle_root()
        .map(|root| vec![root.join("icons")])
        .unwrap_or_default()
}

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

/// Where named CSS themes are looked for, in order: the bundled themes,
/// then `union/themes/` in each of [`data_dirs`].
pub fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Ok(root) = bundle_root() {
        dirs.push(root.to_path_buf());
    }
    dirs.extend(data_dirs().iter().map(|d| d.join("union/themes")));
    dirs
}

/// Where installed Plasma desktop themes are, like libplasma looks for
/// them: `plasma/desktoptheme/` under each of [`data_dirs`].
pub fn plasma_dirs() -> Vec<PathBuf> {
    data_dirs()
        .iter()
        .map(|d| d.join("plasma/desktoptheme"))
        .collect()
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
///
/// # Errors
/// When no theme is found by that path or name, or it cannot be compiled.
pub fn load(registry: &ThemeRegistry, theme: &str) -> Result<Arc<LoadedTheme>, LoadError> {
    let path = Path::new(theme);
    if path.exists() {
        registry.load_path(path)
    } else {
        registry.load_named(theme)
    }
}

/// `error` as a user reads it: for a theme not found, where it was looked
/// for, and how to get Debian's Plasma themes when a `plasma:` name was asked.
pub fn explain(error: &LoadError) -> String {
    let LoadError::NotFound(name) = error else {
        return error.to_string();
    };
    let (dirs, hint) = if name.starts_with("plasma:") {
        (
            plasma_dirs(),
            "\n  Plasma desktop themes come with KDE Plasma; on Debian: `apt-get install plasma-framework` (default, breeze-dark, breeze-light, air, oxygen)",
        )
    } else {
        (search_dirs(), "\n  `union themes` lists every theme found")
    };
    let mut message = format!("{error}; looked in:");
    for dir in dirs {
        message.push_str(&format!("\n  {}", dir.display()));
    }
    message.push_str(hint);
    message
}

/// Loads THEME with a fresh [`registry`].
///
/// # Errors
/// As [`load`].
pub fn load_theme(theme: &str) -> Result<Arc<LoadedTheme>, LoadError> {
    load(&registry(), theme)
}

/// What kind of theme a [`ThemeEntry`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeKind {
    /// A Union CSS theme (a folder with `style.css`).
    Css,
    /// An installed Plasma desktop theme.
    Plasma,
}

impl ThemeKind {
    /// `css` or `plasma`.
    pub fn name(self) -> &'static str {
        match self {
            ThemeKind::Css => "css",
            ThemeKind::Plasma => "plasma",
        }
    }
}

/// A theme found.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeEntry {
    /// The name it is loaded by (`plasma:NAME` for Plasma themes is
    /// [`ThemeEntry::load_name`]).
    pub name: String,
    /// Its folder.
    pub path: PathBuf,
    /// CSS or Plasma.
    pub kind: ThemeKind,
}

impl ThemeEntry {
    /// What to pass to [`load`] for this theme.
    pub fn load_name(&self) -> String {
        match self.kind {
            ThemeKind::Css => self.name.clone(),
            ThemeKind::Plasma => format!("plasma:{}", self.name),
        }
    }

    /// Whether it is one of the themes embedded in this binary.
    pub fn is_bundled(&self) -> bool {
        bundle_root().is_ok_and(|root| self.path.starts_with(root))
    }
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

/// Every theme found in the usual places ([`search_dirs`], [`plasma_dirs`]).
pub fn list_all() -> Vec<ThemeEntry> {
    list(&search_dirs(), &plasma_dirs())
}

/// Every folder searched for themes, CSS first, then Plasma: for messages
/// that say where a theme was not found.
pub fn searched() -> Vec<PathBuf> {
    search_dirs().into_iter().chain(plasma_dirs()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_unpacks_every_embedded_file_as_it_was() {
        let root = bundle_root().unwrap_or_else(|e| panic!("{e}"));
        assert!(
            bundled_files()
                .iter()
                .any(|(p, _)| *p == "breeze/style.css"),
            "breeze is embedded"
        );
        for (path, bytes) in bundled_files() {
            let on_disk = std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(&on_disk, bytes, "{path}");
        }
    }

    #[test]
    fn bundled_themes_are_found_by_name_without_the_source_tree() {
        let root = bundle_root().unwrap_or_else(|e| panic!("{e}"));
        let found = list(&search_dirs(), &[]);
        for name in BUNDLED_THEMES {
            let entry = found
                .iter()
                .find(|e| e.name == name)
                .unwrap_or_else(|| panic!("{name} is listed: {found:?}"));
            assert!(entry.path.starts_with(root), "{name}: {:?}", entry.path);
            assert!(entry.is_bundled());
            assert_eq!(entry.kind, ThemeKind::Css);
            assert_eq!(entry.load_name(), name);
        }
        let loaded =
            load(&registry_with_cache(None), DEFAULT_THEME).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert!(loaded.theme.rules().len() > 50, "breeze has its rules");
    }
}

//! Finding and loading themes for the command-line tools.
//!
//! THEME is a path (a `.css` file, or a folder with `style.css`) or a name
//! found among the bundled themes and `$XDG_DATA_HOME`/`$XDG_DATA_DIRS`
//! under `union/themes/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_input_css::{CssInput, ThemeCache};
use union_model::{LoadError, LoadedTheme, ThemeRegistry};

/// Where named themes are looked for, in order.
pub fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(bundled) = option_env!("CARGO_MANIFEST_DIR") {
        dirs.push(Path::new(bundled).join("../themes"));
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/share")));
    dirs.extend(data_home.map(|d| d.join("union/themes")));
    let data_dirs =
        std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".into());
    dirs.extend(
        data_dirs
            .split(':')
            .filter(|d| !d.is_empty())
            .map(|d| Path::new(d).join("union/themes")),
    );
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

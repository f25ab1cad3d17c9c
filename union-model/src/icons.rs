//! Finding icons by freedesktop icon-theme name: one lookup every output
//! shares, so a name finds the same file whichever toolkit draws it.
//!
//! Deliberately simple: the icon themes given (in order), each searched for
//! `<name>.svg` or `<name>.png` in any folder up to two levels down
//! (`actions/16/`, `16x16/actions/`, `scalable/`), scalable and larger
//! sizes first; then the fallback folders (flat). No `index.theme`
//! inheritance yet. Snapshot tests use fallback folders only, so they
//! never depend on the machine's icon themes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Icon themes and fallback folders, and what was found in them.
#[derive(Clone, Debug, Default)]
pub struct IconLookup {
    icon_themes: Vec<PathBuf>,
    fallback: Vec<PathBuf>,
    found: HashMap<String, Option<PathBuf>>,
}

impl IconLookup {
    /// Icons looked up in `fallback` folders only (reproducible renders).
    pub fn with_fallback(fallback: Vec<PathBuf>) -> IconLookup {
        IconLookup {
            fallback,
            ..IconLookup::default()
        }
    }

    /// Icons looked up in the machine's `breeze` and `hicolor` icon themes
    /// (under `$XDG_DATA_HOME` and `$XDG_DATA_DIRS`), then in `fallback`.
    pub fn with_system_icons(fallback: Vec<PathBuf>) -> IconLookup {
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
        IconLookup {
            icon_themes,
            fallback,
            found: HashMap::new(),
        }
    }

    /// The file of the icon called `name`, if any theme or fallback folder
    /// has it (remembered either way).
    pub fn find(&mut self, name: &str) -> Option<PathBuf> {
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
}

/// Whether the icon file at `path` is symbolic: an SVG drawn in the colour
/// scheme's colours (`ColorScheme-…` classes), which outputs recolour with
/// `icon-color`.
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

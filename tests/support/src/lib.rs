//! Helpers shared by Union's tests. Not part of the product.

#![forbid(unsafe_code)]

pub mod image;
pub mod xwd;

use std::path::{Path, PathBuf};

/// A temporary folder of test files, removed when dropped.
///
/// Its name includes the test's name and the process id, so parallel tests
/// and parallel test binaries never share one.
#[derive(Debug)]
pub struct TempFolder {
    path: PathBuf,
}

impl TempFolder {
    /// A new, empty folder for the test `name`.
    ///
    /// # Panics
    /// When the folder cannot be created (tests fail loudly).
    pub fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("union-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        if let Err(error) = std::fs::create_dir_all(&path) {
            panic!("cannot create {}: {error}", path.display());
        }
        let path = path.canonicalize().unwrap_or(path);
        TempFolder { path }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `text` to `relative` (creating folders) and returns its path.
    ///
    /// # Panics
    /// When the file cannot be written.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path.join(relative);
        if let Some(parent) = path.parent()
            && let Err(error) = std::fs::create_dir_all(parent)
        {
            panic!("cannot create {}: {error}", parent.display());
        }
        if let Err(error) = std::fs::write(&path, text) {
            panic!("cannot write {}: {error}", path.display());
        }
        path
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Where `scripts/plasma-reference` keeps Debian's Plasma themes and
/// libplasma's reference frames: `$UNION_PLASMA_CACHE`, else
/// `~/.cache/union-plasma`.
pub fn plasma_cache() -> PathBuf {
    std::env::var_os("UNION_PLASMA_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/union-plasma")))
        .unwrap_or_else(|| PathBuf::from("target/union-plasma"))
}

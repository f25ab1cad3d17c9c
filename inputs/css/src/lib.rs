//! # union-input-css
//!
//! Union's CSS input: stylesheets parsed with lightningcss and compiled into
//! `union-model` rules.
//!
//! ## What it does
//! - Selectors: everything `union-selectors` matches; states as pseudo-classes
//!   with web names first and KDE Union's names as aliases; nesting with `&`
//!   (as `:is(parent)`, CSS Nesting's specificity); unknown pseudo-classes
//!   are errors, never "match anything".
//! - `@theme { display-name: …; extends: …; }` and
//!   `@palette <set> { <role>: <colour>; }` (see `at_rules`).
//! - Custom properties that inherit from the parent element, and `var()`
//!   with fallbacks, substituted when a style is computed (cycles and
//!   runaway expansion are bounded).
//! - `@import` (relative, cycles detected, depth and size bounded), `@media`
//!   on the query context (`prefers-color-scheme`, `pointer: coarse`,
//!   `window-active`), `:dir()`, `!important`.
//! - Values with web semantics: box shorthands in web order, lengths in
//!   px/pt/in/cm/mm/em/rem, every colour form lightningcss parses plus
//!   `palette()`, `mix()`, `color-mix(in srgb, …)`, `lighter()`, `darker()`,
//!   `alpha()`, `currentColor`; gradients; shadow lists with `inset` and
//!   spread; `border-image`; `url()` relative to the file; `svg-frame(url,
//!   prefix)` and `svg-element(url, id)` (parts of SVGs, as KDE's Plasma
//!   themes use them); `transition`.
//! - [`ImageFunctions`]: an embedding input may add image functions (the
//!   Plasma input's `plasma-frame()`), compiled with [`compile_text_with`].
//! - A compiled-theme cache ([`ThemeCache`]) keyed by every file's size,
//!   modification and status-change times and content hash and by the
//!   model's schema hash.
//! - Diagnostics with `file:line:column` for every problem — at the
//!   declaration, which lightningcss does not locate, found by scanning the
//!   source — and browser-like recovery: the bad declaration or rule is
//!   dropped, the rest is kept.
//!
//! ## What it does not do (yet)
//! - No `@layer`, `@supports`, `@font-face`, `calc()`, or viewport units.

#![forbid(unsafe_code)]

mod at_rules;
mod cache;
mod compile;
mod deferred;
mod locate;
mod media;
mod selector;
mod shorthand;
mod source;
mod values;

pub use cache::ThemeCache;
pub use compile::{Compiled, compile_path, compile_path_with, compile_text, compile_text_with};
pub use source::{MAX_FILE_SIZE, MAX_IMPORT_DEPTH, SourceFile};
pub use values::ImageFunctions;

use std::path::{Path, PathBuf};
use union_model::{InputPlugin, LoadOutput};

/// The CSS input plugin: reads a `.css` file, or a theme folder holding `style.css`.
#[derive(Debug, Default)]
pub struct CssInput {
    search_dirs: Vec<PathBuf>,
    cache: Option<ThemeCache>,
}

impl CssInput {
    /// A plugin that locates named themes as `<dir>/<name>/style.css` in `search_dirs`.
    pub fn new(search_dirs: Vec<PathBuf>) -> Self {
        Self {
            search_dirs,
            cache: None,
        }
    }

    /// Uses `cache` for compiled themes.
    #[must_use]
    pub fn with_cache(mut self, cache: ThemeCache) -> Self {
        self.cache = Some(cache);
        self
    }

    /// Compiles the stylesheet at `entry`, through the cache when there is one.
    pub fn compile(&self, entry: &Path) -> Compiled {
        let canonical = entry.canonicalize().unwrap_or_else(|_| entry.to_path_buf());
        if let Some(cache) = &self.cache {
            if let Some(cached) = cache.load(&canonical) {
                return cached;
            }
            let compiled = compile_path(&canonical);
            cache.store(&canonical, &compiled);
            return compiled;
        }
        compile_path(&canonical)
    }

    fn entry_file(path: &Path) -> PathBuf {
        if path.is_dir() {
            path.join("style.css")
        } else {
            path.to_path_buf()
        }
    }

    fn theme_name(path: &Path) -> String {
        let named = if path.file_name().is_some_and(|n| n == "style.css") {
            path.parent()
        } else {
            Some(path)
        };
        named
            .and_then(|p| {
                if p.is_dir() {
                    p.file_name()
                } else {
                    p.file_stem()
                }
            })
            .map_or_else(
                || "unnamed".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            )
    }
}

impl InputPlugin for CssInput {
    fn name(&self) -> &str {
        "css"
    }

    fn accepts(&self, path: &Path) -> bool {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("css"))
            || path.join("style.css").is_file()
    }

    fn locate(&self, name: &str) -> Option<PathBuf> {
        self.search_dirs
            .iter()
            .map(|dir| dir.join(name))
            .find(|dir| dir.join("style.css").is_file())
    }

    fn load(&self, path: &Path) -> LoadOutput {
        let entry = Self::entry_file(path);
        let mut compiled = self.compile(&entry);
        let diagnostics = std::mem::take(&mut compiled.diagnostics);
        let dependencies = std::mem::take(&mut compiled.files);
        LoadOutput {
            definition: Some(compiled.into_definition(Self::theme_name(path))),
            diagnostics,
            dependencies,
        }
    }
}

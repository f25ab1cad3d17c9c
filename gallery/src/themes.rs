//! Finding and loading themes for the command-line tools and the window:
//! the `union-themes` crate, which every output shares (bundled themes
//! embedded in the binary, XDG lookup, both input plugins, the compiled
//! cache, `plasma:NAME`).

pub use union_themes::{
    BUNDLED_THEMES, DEFAULT_THEME, ThemeEntry, ThemeKind, bundle_root, bundled_icon_dirs,
    data_dirs, explain, list, list_all, load, plasma_dirs, registry, registry_with_cache,
    search_dirs, searched,
};

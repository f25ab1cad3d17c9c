//! A warm start of the bundled Breeze theme, repeated for profilers: load
//! from the compiled-theme cache, index the rules, drop the theme (what the
//! `load` benchmark's warm start measures). `warm_start` is one start, for
//! `valgrind --tool=callgrind --toggle-collect='*warm_start*'`.

use union_input_css::ThemeCache;

#[inline(never)]
fn warm_start(cache: &ThemeCache, entry: &std::path::Path) -> usize {
    cache.load(entry).map_or(0, |compiled| {
        let theme = union_model::Theme::compile(compiled.into_definition("breeze"), None);
        std::hint::black_box(&theme);
        1
    })
}

fn main() {
    let entry = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../themes/breeze/style.css")
        .canonicalize()
        .unwrap_or_default();
    let dir = std::env::temp_dir().join("union-profile-cache");
    let cache = ThemeCache::new(&dir);
    cache.store(&entry, &union_input_css::compile_path(&entry));
    let starts: usize = (0..200).map(|_| warm_start(&cache, &entry)).sum();
    std::hint::black_box(starts);
    let _ = std::fs::remove_dir_all(&dir);
}

//! Loads the bundled Breeze theme from the compiled-theme cache repeatedly (for profilers).

fn main() {
    let entry = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../themes/breeze/style.css")
        .canonicalize()
        .unwrap_or_default();
    let dir = std::env::temp_dir().join("union-profile-cache");
    let cache = union_input_css::ThemeCache::new(&dir);
    cache.store(&entry, &union_input_css::compile_path(&entry));
    let mut rules = 0;
    for _ in 0..200 {
        rules += cache.load(&entry).map_or(0, |c| c.rules.len());
    }
    std::hint::black_box(rules);
    let _ = std::fs::remove_dir_all(&dir);
}

//! Compiles the bundled Breeze theme repeatedly (for profilers).

fn main() {
    let entry =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/breeze/style.css");
    let mut rules = 0;
    for _ in 0..50 {
        rules += union_input_css::compile_path(&entry).rules.len();
    }
    std::hint::black_box(rules);
}

use std::collections::HashSet;
fn main() {
    println!(
        "Value {} Declaration {} DeclaredValue {} Simple {} Rule {}",
        std::mem::size_of::<union_model::Value>(),
        std::mem::size_of::<union_model::Declaration>(),
        std::mem::size_of::<union_model::DeclaredValue>(),
        std::mem::size_of::<union_model::selectors::Simple>(),
        std::mem::size_of::<union_model::Rule>()
    );
    let p = std::path::Path::new("themes/breeze/style.css")
        .canonicalize()
        .unwrap();
    let c = union_input_css::compile_path(&p);
    let mut texts = HashSet::new();
    let mut all = HashSet::new();
    for r in &c.rules {
        for d in r.declarations.iter() {
            if let union_model::DeclaredValue::Deferred(x) = d.declared() {
                texts.insert(x.text().to_string());
                all.insert(std::sync::Arc::as_ptr(x) as *const ());
            }
        }
    }
    println!("deferred {} distinct texts {}", all.len(), texts.len());
}

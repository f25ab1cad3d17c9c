//! Prints the bounds of elements of a Plasma SVG, as union-ksvg sees them:
//! `cargo run -p union-ksvg --example elements -- FILE.svgz ID...`

#![allow(clippy::print_stdout, reason = "a tool for theme authors")]

use union_ksvg::{ColorScheme, SvgDocument};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((file, ids)) = args.split_first() else {
        return Err("usage: elements FILE.svgz ID...".to_owned());
    };
    let svg = SvgDocument::load(
        std::path::Path::new(file),
        &ColorScheme::new(union_model::Palette::breeze_light()),
    )
    .map_err(|e| e.to_string())?;
    for id in ids {
        match svg.element_rect(id) {
            Some(r) => println!(
                "{id}: x {} y {} w {} h {} → size {:?}",
                r.x(),
                r.y(),
                r.width(),
                r.height(),
                svg.element_size(id)
            ),
            None => println!("{id}: (none; has_element = {})", svg.has_element(id)),
        }
    }
    Ok(())
}

//! The theme-author guide's examples work: its two CSS blocks, saved as the
//! guide's `my-theme/style.css` and `buttons.css`, load without a single
//! diagnostic and style a button the way the guide says.

use std::path::Path;
use std::sync::Arc;
use union_gallery::themes::{load, registry_with_cache};
use union_model::{Element, Query, State, Styler};

fn css_blocks(markdown: &str) -> Vec<String> {
    markdown
        .split("```css\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_guide_example_theme_loads_cleanly() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/theme-authors.md");
    let text = std::fs::read_to_string(&guide).unwrap_or_else(|e| panic!("{e}"));
    let blocks = css_blocks(&text);
    assert_eq!(blocks.len(), 2, "style.css and buttons.css");
    let dir = std::env::temp_dir().join(format!("union-guide-{}/my-theme", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("style.css"), &blocks[0]).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("buttons.css"), &blocks[1]).unwrap_or_else(|e| panic!("{e}"));

    let registry = registry_with_cache(None);
    let loaded = load(&registry, &dir.join("style.css").display().to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(dir.parent().unwrap_or(&dir));
    assert!(
        loaded.diagnostics.is_empty(),
        "the guide's theme has diagnostics: {:?}",
        loaded.diagnostics
    );
    assert_eq!(loaded.theme.name(), "my-theme", "named after its folder");
    assert_eq!(loaded.theme.extends(), Some("breeze"));

    // The guide's handle rule and its disabled opacity apply.
    let styler = Styler::new(Arc::clone(&loaded.theme));
    let handle = styler.query(&Query::new(
        vec![Element::new("Slider"), Element::new("Handle")],
        union_model::Context::default(),
    ));
    let width = handle.style.layout.width.value().and_then(|l| l.px());
    assert_eq!(width, Some(20.0));
    let disabled = styler.query(&Query::element(
        Element::new("Button").with_state(State::Disabled),
    ));
    assert_eq!(
        disabled.style.display.opacity.value().map(|o| o.0),
        Some(0.5)
    );
}

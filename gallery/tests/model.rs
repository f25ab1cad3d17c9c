//! The gallery window's model, headless: its pages, what a click on a cell
//! selects, what the inspector says about it, and the theme picker's list.

use std::sync::Arc;
use union_gallery::cells::{Backend, CELL_MARGIN, Settings, hit_test, render_row};
use union_gallery::inspect::{Origin, inspect};
use union_gallery::pages::pages;
use union_gallery::themes::{ThemeKind, list, registry_with_cache};
use union_model::{Query, Styler, catalogue, chain};
use union_skia::{Fonts, Images, Renderer};
use union_test_support::TempFolder;

fn renderer() -> Renderer {
    Renderer::new(
        Fonts::deterministic().unwrap_or_else(|e| panic!("{e} (install fonts-dejavu-core)")),
        Images::with_fallback(Vec::new()),
    )
}

fn load(path: &std::path::Path) -> Arc<union_model::Theme> {
    let registry = registry_with_cache(None);
    let loaded = registry
        .load_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        loaded.diagnostics.is_empty(),
        "the test theme loads cleanly: {:?}",
        loaded.diagnostics
    );
    Arc::clone(&loaded.theme)
}

fn bundled(name: &str) -> Arc<union_model::Theme> {
    load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../themes")
            .join(name),
    )
}

#[test]
fn the_pages_show_every_control_exactly_once() {
    let pages = pages();
    let titles: Vec<&str> = pages.iter().map(|p| p.title).collect();
    assert_eq!(
        titles,
        [
            "Buttons",
            "Checkables",
            "Text inputs",
            "Ranges",
            "Bars and menus",
            "Containers and popups"
        ],
        "no control fell through to an \"Other\" page"
    );
    for control in catalogue::CONTROLS {
        let shown = pages
            .iter()
            .flat_map(|p| &p.controls)
            .filter(|c| **c == control.name)
            .count();
        assert_eq!(shown, 1, "{} is on {shown} pages", control.name);
    }
}

#[test]
fn a_row_has_a_cell_per_state_in_the_switches_context() {
    let theme = bundled("breeze");
    let styler = Styler::new(Arc::clone(&theme));
    let mut renderer = renderer();
    let settings = Settings {
        scale: 1.5,
        direction: union_model::Direction::Rtl,
        ..Settings::default()
    };
    let control = catalogue::control("CheckBox").unwrap_or_else(|| panic!("CheckBox"));
    let backend: &mut dyn Backend = &mut renderer;
    let cells =
        render_row(control, &theme, &styler, &settings, backend).unwrap_or_else(|e| panic!("{e}"));
    let states: Vec<&str> = cells.iter().map(|c| c.state.as_str()).collect();
    let mut expected = vec!["normal"];
    expected.extend(control.states.iter().map(|s| s.css_name()));
    assert_eq!(states, expected);
    for cell in &cells {
        assert_eq!(*cell.query.context(), settings.context());
        let (w, h) = cell.rendered.size;
        assert_eq!(
            cell.pixmap().width(),
            ((w + 2.0 * CELL_MARGIN) * 1.5).ceil() as u32,
            "drawn at the switches' scale"
        );
        assert!(h > 0.0);
    }
}

#[test]
fn a_click_selects_the_part_under_the_pointer_else_the_control() {
    let theme = bundled("breeze");
    let styler = Styler::new(Arc::clone(&theme));
    let mut renderer = renderer();
    let control = catalogue::control("CheckBox").unwrap_or_else(|| panic!("CheckBox"));
    let backend: &mut dyn Backend = &mut renderer;
    let cells = render_row(control, &theme, &styler, &Settings::default(), backend)
        .unwrap_or_else(|e| panic!("{e}"));
    let cell = &cells[0];
    let indicator = cell
        .rendered
        .scene
        .parts
        .iter()
        .find(|p| p.element.type_name() == "Indicator")
        .unwrap_or_else(|| panic!("a check box draws an indicator"));
    let r = indicator.rect;
    let centre = (
        CELL_MARGIN + r.x + r.width / 2.0,
        CELL_MARGIN + r.y + r.height / 2.0,
    );
    let picked = hit_test(cell, centre.0, centre.1).unwrap_or_else(|| panic!("a hit"));
    let names: Vec<&str> = picked.chain().iter().map(|e| e.type_name()).collect();
    assert_eq!(names, ["Window", "CheckBox", "Indicator"]);

    // Inside the box, outside every part: the bottom-right corner pixel.
    let (w, h) = cell.rendered.size;
    let corner = hit_test(cell, CELL_MARGIN + w - 0.5, CELL_MARGIN + h - 0.5);
    let outside_parts = cell.rendered.scene.part_at(w - 0.5, h - 0.5).is_none();
    assert!(outside_parts, "the padding keeps parts off the corner");
    let picked = corner.unwrap_or_else(|| panic!("the control's own box"));
    assert_eq!(picked.chain().len(), 2, "the control itself");
    // In the margin around the box: nothing.
    assert!(hit_test(cell, 1.0, 1.0).is_none());
}

const INSPECTED: &str = "\
Window { color: #102030; }
Button { background-color: #ff0000; border-top-width: 3px; }
Button:hover { background-color: #0000ff; }
Window > Button { border-top-width: 1px !important; }
";

#[test]
fn the_inspector_names_the_rule_behind_every_property() {
    let folder = TempFolder::new("gallery-inspector");
    let path = folder.write("style.css", INSPECTED);
    let styler = Styler::new(load(&path));
    let query = Query::new(
        chain::parse_chain("Window > Button:hover").unwrap_or_else(|e| panic!("{e}")),
        union_model::Context::default(),
    );
    let inspection = inspect(&styler, &query);
    assert_eq!(inspection.element, "Window > Button:hover");
    let selectors: Vec<&str> = inspection
        .rules
        .iter()
        .map(|r| r.selector.as_str())
        .collect();
    assert_eq!(
        selectors,
        ["window > button", "button:hover", "button"],
        "winning first: !important, then by specificity (type names fold to lower case)"
    );
    assert!(inspection.rules[0].important);
    assert_eq!(inspection.rules[1].specificity, [0, 1, 1]);
    let line_of = |index: usize| inspection.rules[index].source.as_ref().map(|s| s.line);
    assert_eq!(
        (line_of(0), line_of(1), line_of(2)),
        (Some(4), Some(3), Some(2))
    );

    let property = |name: &str| {
        inspection
            .properties
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} is resolved"))
    };
    let background = property("background-color");
    assert_eq!(background.origin, Origin::Rule(1), "from Button:hover");
    assert!(
        background.value.ends_with("#0000ffff"),
        "{}",
        background.value
    );
    assert_eq!(
        property("border-top-width").origin,
        Origin::Rule(0),
        "the !important rule beats the more specific one"
    );
    assert_eq!(property("border-top-width").value, "1px");
    match &property("color").origin {
        Origin::Inherited { element, rule } => {
            assert_eq!(element, "Window");
            assert_eq!(rule.selector, "window");
            assert_eq!(rule.source.as_ref().map(|s| s.line), Some(1));
        }
        other => panic!("color is inherited from the window, not {other:?}"),
    }
    assert!(
        !inspection.properties.iter().any(|p| p.name == "margin-top"),
        "undecided properties are not listed"
    );
}

#[test]
fn the_theme_list_finds_css_and_plasma_themes_first_found_wins() {
    let folder = TempFolder::new("gallery-theme-list");
    folder.write("a/zeta/style.css", "");
    folder.write("a/alpha/style.css", "");
    folder.write("a/not-a-theme/readme.txt", "");
    folder.write("b/alpha/style.css", "");
    folder.write("plasma/oxygen/metadata.desktop", "[Desktop Entry]\n");
    folder.write("plasma/breeze-dark/metadata.json", "{}");
    folder.write("plasma/empty/colors", "");
    let root = folder.path();
    let entries = list(
        &[root.join("a"), root.join("b"), root.join("missing")],
        &[root.join("plasma")],
    );
    let found: Vec<(&str, ThemeKind)> = entries.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert_eq!(
        found,
        [
            ("alpha", ThemeKind::Css),
            ("zeta", ThemeKind::Css),
            ("breeze-dark", ThemeKind::Plasma),
            ("oxygen", ThemeKind::Plasma),
        ]
    );
    assert_eq!(
        entries[0].path,
        root.join("a/alpha"),
        "the first folder wins"
    );
}

#[test]
fn buttons_show_a_sample_icon_like_an_application_would_give_them() {
    let theme = bundled("breeze");
    let styler = Styler::new(Arc::clone(&theme));
    let mut renderer = Renderer::new(
        Fonts::deterministic().unwrap_or_else(|e| panic!("{e} (install fonts-dejavu-core)")),
        Images::with_fallback(union_gallery::render::bundled_icon_dirs()),
    );
    let has_icon = |name: &str, renderer: &mut Renderer| {
        let control = catalogue::control(name).unwrap_or_else(|| panic!("{name}"));
        let backend: &mut dyn Backend = renderer;
        let cells = render_row(control, &theme, &styler, &Settings::default(), backend)
            .unwrap_or_else(|e| panic!("{e}"));
        cells[0]
            .rendered
            .scene
            .parts
            .iter()
            .any(|p| p.element.type_name() == "Icon")
    };
    assert!(has_icon("Button", &mut renderer), "a button shows its icon");
    assert!(has_icon("ToolButton", &mut renderer));
    assert!(
        !has_icon("TextField", &mut renderer),
        "a text field has none"
    );
}

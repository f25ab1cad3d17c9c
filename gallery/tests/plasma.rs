//! Plasma desktop themes as Union themes, end to end: Debian's five themes
//! (fetched by `scripts/plasma-reference`, which `scripts/test` runs)
//! compile through the bundled mapping and draw every mapped control; the
//! frames a control draws are libplasma's own frames; margins become
//! padding; fallbacks are reported; broken themes load what they can.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use tiny_skia::Pixmap;
use union_gallery::cells::{Settings, render_row};
use union_input_plasma::{PlasmaInput, PlasmaTheme, Variant, frame_report};
use union_model::chain::parse_chain;
use union_model::values::Image;
use union_model::{
    Context, Diagnostic, LoadedTheme, Query, Severity, Slot, Styler, ThemeRegistry, catalogue,
};
use union_skia::{Renderer, Scene};
use union_test_support::TempFolder;
use union_test_support::image::{compare, write_diff_image};
use union_test_support::plasma_cache as cache;

/// The controls the mapping must cover (issue 5's list).
const MAPPED: [&str; 21] = [
    "Button",
    "ToolButton",
    "CheckBox",
    "RadioButton",
    "Switch",
    "TextField",
    "TextArea",
    "ComboBox",
    "SpinBox",
    "Slider",
    "ProgressBar",
    "ScrollBar",
    "TabBar",
    "TabButton",
    "ToolBar",
    "Menu",
    "MenuItem",
    "ToolTip",
    "Frame",
    "Dialog",
    "ItemDelegate",
];

const THEMES: [&str; 5] = ["default", "breeze-dark", "breeze-light", "air", "oxygen"];

/// Per-channel difference tolerated (antialiasing, as in
/// `inputs/plasma-svg/tests/libplasma.rs`), and the share of pixels that
/// may exceed it.
const PER_CHANNEL: u8 = 24;
const MAX_DIFFERING: f32 = 0.03;

fn theme_dirs() -> PathBuf {
    let dirs = cache().join("themes/usr/share/plasma/desktoptheme");
    assert!(
        dirs.join("default/metadata.json").is_file(),
        "{}: no Debian Plasma themes; run scripts/plasma-reference first (scripts/test does)",
        dirs.display()
    );
    dirs
}

fn load(theme: &str) -> Arc<LoadedTheme> {
    let dirs = theme_dirs();
    let mut registry = ThemeRegistry::new();
    registry.register_input(Arc::new(PlasmaInput::new(vec![dirs.clone()])));
    registry
        .load_named(&format!("plasma:{theme}"))
        .unwrap_or_else(|e| panic!("plasma:{theme}: {e}"))
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(ToString::to_string)
        .collect()
}

fn query(chain: &str) -> Query {
    Query::new(
        parse_chain(chain).unwrap_or_else(|e| panic!("{chain}: {e}")),
        Context::default(),
    )
}

/// Whether a style draws a part of an SVG (a frame, an element or an
/// element as icon).
fn draws_svg_part(styler: &Styler, chain: &str) -> bool {
    let style = styler.query(&query(chain));
    let svg = |slot: &Slot<Image>| {
        matches!(
            slot.value(),
            Some(Image::SvgFrame(_) | Image::SvgElement(_))
        )
    };
    svg(&style.style.background.image)
        || svg(&style.style.border_image.source)
        || style
            .style
            .icon
            .source
            .value()
            .is_some_and(|url| url.0.contains(".svg"))
}

fn renderer() -> Renderer {
    let fonts = union_skia::Fonts::deterministic().unwrap_or_else(|e| panic!("fonts: {e}"));
    let images = union_skia::Images::with_fallback(union_gallery::render::bundled_icon_dirs());
    Renderer::new(fonts, images)
}

fn visible_pixels(pixmap: &Pixmap) -> usize {
    pixmap.pixels().iter().filter(|p| p.alpha() > 0).count()
}

#[test]
fn every_debian_theme_draws_every_mapped_control() {
    for name in THEMES {
        let loaded = load(name);
        assert_eq!(
            errors(&loaded.diagnostics),
            Vec::<String>::new(),
            "plasma:{name} loads without warnings or errors"
        );
        let styler = Styler::new(Arc::clone(&loaded.theme));
        let mut renderer = renderer();
        for control_name in MAPPED {
            let control = catalogue::control(control_name)
                .unwrap_or_else(|| panic!("{control_name} is in the catalogue"));
            // The mapping gives the control, or one of its parts, a Plasma
            // image in at least one of its states.
            let chains: Vec<String> = std::iter::once(String::new())
                .chain(control.states.iter().map(|s| format!(":{s}")))
                .flat_map(|state| {
                    let own = format!("Window > {control_name}{state}");
                    let parts: Vec<String> = control
                        .sub_elements
                        .iter()
                        .map(|part| format!("{own} > {part}"))
                        .collect();
                    std::iter::once(own).chain(parts)
                })
                .collect();
            assert!(
                chains.iter().any(|chain| draws_svg_part(&styler, chain)),
                "plasma:{name}: the mapping gives {control_name} no Plasma image"
            );
            for scale in [1.0, 1.5] {
                let settings = Settings {
                    scale,
                    ..Settings::default()
                };
                let cells = render_row(control, &loaded.theme, &styler, &settings, &mut renderer)
                    .unwrap_or_else(|e| panic!("plasma:{name} {control_name}@{scale}: {e}"));
                for cell in &cells {
                    assert!(
                        visible_pixels(cell.pixmap()) > 0,
                        "plasma:{name} {control_name} {} @{scale} draws nothing",
                        cell.state
                    );
                }
            }
        }
    }
}

/// `chain` drawn at `size` and `scale` with no text, against libplasma's
/// frame `image`/`prefix` at that size (reference drawn by
/// `scripts/plasma-reference` from the default theme's plain images).
fn assert_draws_libplasma_frame(
    chain: &str,
    image: &str,
    prefix: &str,
    size: (u32, u32),
    scale: f32,
) {
    let loaded = load("union-default-plain");
    let styler = Styler::new(Arc::clone(&loaded.theme));
    let mut renderer = renderer();
    let query = query(chain);
    let scene = Scene {
        size: Some((size.0 as f32, size.1 as f32)),
        scale,
        text: Some(""),
        ..Scene::new(&query)
    };
    let actual = renderer
        .render(&styler, loaded.theme.palette(), &scene)
        .unwrap_or_else(|e| panic!("{chain}: {e}"))
        .pixmap;
    let named = if prefix.is_empty() { "-" } else { prefix };
    let reference = cache().join(format!(
        "frames/union-default-plain--{}--{named}--{}x{}@{scale}.png",
        image.replace('/', "_"),
        size.0,
        size.1
    ));
    let expected = Pixmap::load_png(&reference)
        .unwrap_or_else(|e| panic!("{}: {e}: run scripts/plasma-reference", reference.display()));
    assert_eq!(
        (actual.width(), actual.height()),
        (expected.width(), expected.height()),
        "{chain}@{scale}: size"
    );
    let result = compare(&expected, &actual, PER_CHANNEL);
    let share = result.differing as f32 / (expected.width() * expected.height()) as f32;
    if share > MAX_DIFFERING {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/snapshot-diffs/plasma-controls");
        let file = format!("{chain}@{scale}").replace([' ', '>', '/'], "_");
        write_diff_image(&dir, &file, &expected, &actual, PER_CHANNEL);
        panic!(
            "{chain}@{scale}: {} pixels ({:.1}%) differ from libplasma's {image} {prefix:?} by more than {PER_CHANNEL} (max {}); see {}",
            result.differing,
            share * 100.0,
            result.max_difference,
            dir.display()
        );
    }
}

#[test]
fn controls_draw_libplasmas_frames() {
    for scale in [1.0, 2.0] {
        assert_draws_libplasma_frame("Window > Frame", "widgets/frame", "plain", (90, 60), scale);
        assert_draws_libplasma_frame(
            "Window > Frame.sunken",
            "widgets/frame",
            "sunken",
            (90, 60),
            scale,
        );
        assert_draws_libplasma_frame(
            "Window > Dialog",
            "dialogs/background",
            "",
            (220, 140),
            scale,
        );
        assert_draws_libplasma_frame("Window > ToolTip", "widgets/tooltip", "", (160, 48), scale);
        assert_draws_libplasma_frame(
            "Window > Button",
            "widgets/button",
            "normal",
            (100, 32),
            scale,
        );
        assert_draws_libplasma_frame(
            "Window > TextField",
            "widgets/lineedit",
            "base",
            (140, 30),
            scale,
        );
    }
}

#[test]
fn frame_margins_become_padding_and_glows_sit_outside() {
    let dirs = theme_dirs();
    let loaded = load("default");
    let styler = Styler::new(Arc::clone(&loaded.theme));
    let theme =
        PlasmaTheme::open("default", &[dirs]).unwrap_or_else(|e| panic!("default theme: {e}"));
    let margins = |prefix: &str| {
        let (_, report) = frame_report(
            &theme,
            "widgets/button",
            prefix,
            Variant::Normal,
            (100.0, 32.0),
            1.0,
        )
        .unwrap_or_else(|e| panic!("widgets/button: {e}"));
        report.info.fixed_margins
    };
    let px = |slot: &Slot<union_model::values::Length>| slot.value().and_then(|l| l.px());
    let normal = margins("normal");
    let button = styler.query(&query("Window > Button"));
    let padding = &button.style.layout.padding;
    assert_eq!(
        [
            px(&padding.left),
            px(&padding.top),
            px(&padding.right),
            px(&padding.bottom)
        ],
        [
            Some(normal.left),
            Some(normal.top),
            Some(normal.right),
            Some(normal.bottom)
        ],
        "a button is padded by its frame's margins"
    );
    assert!(normal.left > 0.0 && normal.top > 0.0);
    let hover = margins("hover");
    let hovered = styler.query(&query("Window > Button:hover"));
    let outset = hovered
        .style
        .border_image
        .outset
        .value()
        .map(|o| o.to_string());
    assert_eq!(
        outset.as_deref(),
        Some(
            union_model::values::EdgeWidths(
                [hover.top, hover.right, hover.bottom, hover.left].map(|v| {
                    union_model::values::EdgeWidth::Length(
                        union_model::values::LengthPercentage::Length(
                            union_model::values::Length::Px(v),
                        ),
                    )
                })
            )
            .to_string()
            .as_str()
        ),
        "the hover glow sits outside the button by its own margins"
    );
    // A rule that sets padding itself keeps it: the check box indicator.
    let indicator = styler.query(&query("Window > CheckBox > Indicator"));
    assert_eq!(px(&indicator.style.layout.padding.left), Some(0.0));
}

#[test]
fn fallbacks_are_reported() {
    let dark = load("breeze-dark");
    let text: Vec<String> = dark.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|d| d
                .contains("note: widgets/button: not in breeze-dark: using the default theme's")),
        "{text:#?}"
    );
    let air = load("air");
    let text: Vec<String> = air.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|d| d.contains(
            "air/widgets/button.svgz:1:1: note: widgets/button: no frame \"toolbutton-hover\""
        ) && d.contains("using the default theme's")),
        "{text:#?}"
    );
    // breeze-dark draws the default theme's SVGs in its own colours.
    let styler = Styler::new(Arc::clone(&dark.theme));
    let style = styler.query(&query("Window > Button"));
    let Some(Image::SvgFrame(part)) = style.style.background.image.value() else {
        panic!("a button has a frame");
    };
    assert!(
        part.source.0.contains("/default/widgets/button.svg"),
        "{}",
        part.source.0
    );
}

#[test]
fn a_broken_theme_loads_what_it_can() {
    let folder = TempFolder::new("plasma-broken");
    let dir = folder.path().join("broken");
    folder.write("broken/metadata.desktop", "[Desktop Entry]\nName=Broken\n");
    folder.write("broken/widgets/button.svg", "<svg><g id=\"normal-center\"");
    folder.write("broken/colors", "[Colors:Window]\nBackgroundNormal=1,2\n");
    let input = PlasmaInput::new(vec![theme_dirs()]);
    let output = union_model::InputPlugin::load(&input, &dir);
    let text: Vec<String> = output.diagnostics.iter().map(ToString::to_string).collect();
    let Some(definition) = output.definition else {
        panic!("the theme still loads");
    };
    assert!(!definition.rules.is_empty());
    assert!(
        text.iter().any(|d| d.starts_with(&format!(
            "{}:1:1: error:",
            dir.join("widgets/button.svg").display()
        ))),
        "the unreadable SVG is an error at its file: {text:#?}"
    );
    assert!(
        text.iter()
            .any(|d| d.contains("colors:2:") && d.contains("warning")),
        "the bad colour is a warning at its line: {text:#?}"
    );
    // Everything else comes from the default theme.
    assert!(
        text.iter()
            .any(|d| d.contains("widgets/lineedit: not in broken: using the default theme's")),
        "{text:#?}"
    );
}

//! The control scene, the contract every output draws: which parts a
//! control has, where they sit and what they show, for every catalogue
//! control in the bundled themes, measured by a fake measurer (text is
//! 0.5 em per character and 1.25 em high) so the numbers depend on the
//! model alone.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test fixtures fail loudly"
)]

use std::sync::Arc;
use union_gallery::pages::{control_chain, control_row, control_size};
use union_input_css::{SourceFile, compile_text};
use union_model::catalogue::{self, CONTROLS};
use union_model::geometry::Rect;
use union_model::scene::{
    ControlScene, IconRef, Measure, SceneOutline, ScenePart, SceneRequest, Scenes,
};
use union_model::{Context, Direction, Query, Style, Styler, Theme, chain};
use union_render_tests::bundled_theme;

/// Text: 0.5 em per character, 1.25 em per line; every icon exists but
/// those named `missing`.
struct FakeMeasure;

impl Measure for FakeMeasure {
    fn text_size(&mut self, text: &str, style: &Style, _: Option<f32>, _: f32) -> (f32, f32) {
        let em = style
            .text
            .font_size
            .value()
            .and_then(|l| l.px())
            .unwrap_or(10.0);
        let lines = text.lines().count().max(1);
        let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        (longest as f32 * em * 0.5, lines as f32 * em * 1.25)
    }

    fn has_icon(&mut self, icon: &IconRef) -> bool {
        !matches!(icon, IconRef::Name(name) if &**name == "missing")
    }

    fn fingerprint(&self) -> u64 {
        1
    }
}

fn scene(
    styler: &Styler,
    element: &str,
    context: Context,
    edit: impl Fn(&mut SceneRequest<'_>),
) -> Arc<ControlScene> {
    let query = Query::new(chain::parse_chain(element).unwrap(), context);
    let mut request = SceneRequest::new(&query);
    edit(&mut request);
    Scenes::default()
        .build(styler, &request, &mut FakeMeasure)
        .unwrap_or_else(|e| panic!("{element}: {e}"))
}

fn theme(css: &str) -> Arc<Theme> {
    let compiled = compile_text(&SourceFile::from_text("/virtual/scene.css", css));
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    Arc::new(Theme::compile(compiled.into_definition("scene"), None))
}

fn part<'a>(scene: &'a ControlScene, element: &str) -> &'a ScenePart {
    scene
        .parts
        .iter()
        .find(|p| p.element.to_string() == element)
        .unwrap_or_else(|| panic!("{element} in {:?}", scene.outline()))
}

fn rtl() -> Context {
    Context {
        direction: Direction::Rtl,
        ..Context::default()
    }
}

/// Every control of the catalogue in its normal state and each of its
/// states, and mirrored, as insta snapshots (one per control).
#[test]
fn scenes_of_every_control_in_breeze() {
    let styler = Styler::new(bundled_theme("breeze"));
    for control in &CONTROLS {
        let size = control_size(control.name);
        let mut outlines: Vec<(String, SceneOutline)> = control_row(control)
            .into_iter()
            .map(|(state, element)| {
                let built = scene(&styler, &element, Context::default(), |r| r.size = size);
                (state, built.outline())
            })
            .collect();
        let (parent, attributes) = control_chain(control.name);
        let element = format!("{parent}{}{attributes}", control.name);
        let mirrored = scene(&styler, &element, rtl(), |r| r.size = size);
        outlines.push(("rtl".to_owned(), mirrored.outline()));
        insta::with_settings!({ snapshot_path => "snapshots/scenes", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!(format!("breeze-{}", control.name.to_ascii_lowercase()), outlines);
        });
    }
}

#[test]
fn parts_come_from_the_catalogue_with_their_hints() {
    let styler = Styler::new(bundled_theme("breeze"));
    // (chain, parts expected in paint order)
    let cases: [(&str, &[&str]); 5] = [
        (
            "Window > SpinBox",
            &["Text", "Indicator.up", "Indicator.down"],
        ),
        (
            "Window > RangeSlider[orientation=horizontal]",
            &["Groove", "Fill", "Handle.first", "Handle.second"],
        ),
        ("Window > CheckBox", &["Indicator", "Text"]),
        (
            "Window > Slider[orientation=horizontal]",
            &["Groove", "Fill", "Handle"],
        ),
        ("Window > Label", &["Text"]),
    ];
    for (element, expected) in cases {
        let built = scene(&styler, element, Context::default(), |_| {});
        let names: Vec<String> = built.parts.iter().map(|p| p.element.to_string()).collect();
        assert_eq!(names, expected, "{element}");
    }
    // The catalogue's sample label unless the application gives text; an
    // empty text shows no text part.
    let label = scene(&styler, "Window > CheckBox", Context::default(), |_| {});
    assert!(
        matches!(&part(&label, "Text").content, union_model::scene::Content::Text { text, .. } if &**text == "Option")
    );
    let none = scene(&styler, "Window > CheckBox", Context::default(), |r| {
        r.text = Some("");
    });
    assert!(none.parts.iter().all(|p| p.kind() != "Text"));
    // An icon the output cannot find takes no room; one it finds does.
    let missing = scene(&styler, "Window > Button", Context::default(), |r| {
        r.icon = Some("missing");
    });
    assert!(missing.parts.iter().all(|p| p.kind() != "Icon"));
    let found = scene(&styler, "Window > Button", Context::default(), |r| {
        r.icon = Some("search");
    });
    assert!(found.size.0 > missing.size.0, "the icon widens the button");
    assert!(
        matches!(&part(&found, "Icon").content, union_model::scene::Content::Icon { icon: IconRef::Name(n) } if &**n == "search")
    );
}

/// Where value-driven parts go, checked against what a toolkit does.
#[test]
fn range_parts_follow_value_orientation_and_direction() {
    let styler = Styler::new(theme(
        "slider { padding: 2px }
         slider > groove { height: 4px; width: 4px; background-color: gray }
         slider > fill { background-color: blue }
         slider > handle { width: 10px; height: 10px; background-color: white }
         rangeslider > groove { height: 4px; background-color: gray }
         rangeslider > fill { background-color: blue }
         rangeslider > handle { width: 10px; height: 10px; background-color: white }
         progressbar > groove { background-color: gray }
         progressbar > fill { background-color: blue }
         scrollbar > groove { background-color: gray }
         scrollbar > handle { background-color: black }
         scrollbar > indicator { height: 12px; background-color: gray }
         switch > indicator { width: 30px; height: 14px; background-color: gray }
         switch > handle { width: 12px; height: 12px; background-color: white }
         switch:checked > handle { layout-alignment-horizontal: end }",
    ));
    let horizontal = "Slider[orientation=horizontal]";
    // (value, direction, handle x): travel = content width 96 - handle 10.
    for (value, context, handle_x) in [
        (0.0, Context::default(), 2.0),
        (0.25, Context::default(), 2.0 + 0.25 * 86.0),
        (1.0, Context::default(), 88.0),
        (0.25, rtl(), 100.0 - 2.0 - 10.0 - 0.25 * 86.0),
    ] {
        let built = scene(&styler, horizontal, context, |r| {
            r.size = Some((100.0, 20.0));
            r.value = value;
        });
        let handle = part(&built, "Handle").rect;
        let groove = part(&built, "Groove").rect;
        let fill = part(&built, "Fill").rect;
        assert!(
            (handle.x - handle_x).abs() < 1e-3,
            "{value} {context:?}: {handle:?}"
        );
        assert_eq!(
            groove,
            Rect::new(2.0, 8.0, 96.0, 4.0),
            "centred, its own height"
        );
        // The fill has no height of its own: it lies in the groove, from
        // the start (right in RTL) to the handle's centre.
        assert_eq!((fill.y, fill.height), (groove.y, groove.height));
        let centre = handle.x + 5.0;
        if context.direction == Direction::Rtl {
            assert!((fill.x - centre).abs() < 1e-3 && (fill.right() - 98.0).abs() < 1e-3);
        } else {
            assert!((fill.x - 2.0).abs() < 1e-3 && (fill.right() - centre).abs() < 1e-3);
        }
    }
    // Vertical sliders grow upwards.
    let vertical = scene(
        &styler,
        "Slider[orientation=vertical]",
        Context::default(),
        |r| {
            r.size = Some((20.0, 100.0));
            r.value = 0.0;
        },
    );
    let handle = part(&vertical, "Handle").rect;
    assert!((handle.bottom() - 98.0).abs() < 1e-3, "{handle:?}");
    // A range slider: handles at both values, the fill between their centres.
    let range = scene(
        &styler,
        "RangeSlider[orientation=horizontal]",
        Context::default(),
        |r| {
            r.size = Some((100.0, 20.0));
            r.range = Some((0.2, 0.7));
        },
    );
    let (first, second) = (
        part(&range, "Handle.first").rect,
        part(&range, "Handle.second").rect,
    );
    assert!((first.x - 0.2 * 90.0).abs() < 1e-3 && (second.x - 0.7 * 90.0).abs() < 1e-3);
    let fill = part(&range, "Fill").rect;
    assert!(
        (fill.x - (first.x + 5.0)).abs() < 1e-3 && (fill.right() - (second.x + 5.0)).abs() < 1e-3
    );
    // A progress bar's default length; its fill runs to the value.
    let progress = scene(&styler, "ProgressBar", Context::default(), |r| {
        r.value = 0.3;
    });
    assert_eq!(
        progress.size.0,
        catalogue::control("ProgressBar")
            .and_then(|c| c.placement)
            .map_or(0.0, |p| p.length)
    );
    assert!((part(&progress, "Fill").rect.width - 0.3 * progress.size.0).abs() < 1e-3);
    // A vertical scroll bar: step buttons at the ends, a 30 % handle between.
    let bar = scene(
        &styler,
        "ScrollBar[orientation=vertical]",
        Context::default(),
        |r| {
            r.size = Some((12.0, 100.0));
            r.value = 1.0;
        },
    );
    assert_eq!(
        part(&bar, "Indicator.up").rect,
        Rect::new(0.0, 0.0, 12.0, 12.0)
    );
    assert_eq!(
        part(&bar, "Indicator.down").rect,
        Rect::new(0.0, 88.0, 12.0, 12.0)
    );
    assert_eq!(part(&bar, "Groove").rect, Rect::new(0.0, 12.0, 12.0, 76.0));
    let thumb = part(&bar, "Handle").rect;
    assert!((thumb.height - 0.3 * 76.0).abs() < 1e-3 && (thumb.bottom() - 88.0).abs() < 1e-3);
    // A switch's handle at the track's start, at its end when checked, and
    // mirrored right to left.
    for (element, context, at_end) in [
        ("Switch", Context::default(), false),
        ("Switch:checked", Context::default(), true),
        ("Switch:checked", rtl(), false),
    ] {
        let built = scene(&styler, element, context, |r| r.text = Some(""));
        let track = part(&built, "Indicator").rect;
        let knob = part(&built, "Handle").rect;
        let expected = if at_end {
            track.right() - 12.0
        } else {
            track.x
        };
        assert!(
            (knob.x - expected).abs() < 1e-3,
            "{element} {context:?}: {knob:?} in {track:?}"
        );
    }
}

#[test]
fn a_fill_with_a_size_of_its_own_is_centred_and_one_without_fills_its_groove() {
    let styler = Styler::new(theme(
        "progressbar { min-height: 20px }
         progressbar > groove { height: 6px; background-color: gray }
         progressbar > fill { background-color: blue }
         progressbar.thick > fill { height: 10px }",
    ));
    let thin = scene(&styler, "ProgressBar", Context::default(), |_| {});
    let groove = part(&thin, "Groove").rect;
    assert_eq!((groove.y, groove.height), (7.0, 6.0));
    let fill = part(&thin, "Fill").rect;
    assert_eq!(
        (fill.y, fill.height),
        (groove.y, groove.height),
        "not the control's height"
    );
    let thick = scene(&styler, "ProgressBar.thick", Context::default(), |_| {});
    let fill = part(&thick, "Fill").rect;
    assert_eq!((fill.y, fill.height), (5.0, 10.0));
}

/// Every part of every control, in every state, in both bundled themes,
/// at its implicit size and at a larger one, lies inside the control, and
/// the parts the generic layout places side by side do not overlap.
#[test]
fn parts_lie_inside_their_control_and_do_not_overlap() {
    let mut checked = 0;
    for name in ["breeze", "breeze-dark"] {
        let styler = Styler::new(bundled_theme(name));
        for control in &CONTROLS {
            for (_, element) in control_row(control) {
                for context in [Context::default(), rtl()] {
                    for grow in [false, true] {
                        let size = control_size(control.name);
                        let first = scene(&styler, &element, context, |r| r.size = size);
                        let built = if grow {
                            let (w, h) = first.size;
                            scene(&styler, &element, context, |r| {
                                r.size = Some((w + 40.0, h + 10.0));
                            })
                        } else {
                            first
                        };
                        let bounds = built.rect();
                        for part in &built.parts {
                            assert!(
                                bounds.encloses(&part.rect, 0.01),
                                "{name} {element} {context:?}: {} at {:?} outside {bounds:?}",
                                part.element,
                                part.rect
                            );
                        }
                        let side_by_side: Vec<&ScenePart> = built
                            .parts
                            .iter()
                            .filter(|p| matches!(p.kind(), "Text" | "Icon" | "Indicator"))
                            .filter(|p| !(control.name == "Switch" && p.kind() == "Handle"))
                            .collect();
                        for (i, a) in side_by_side.iter().enumerate() {
                            for b in &side_by_side[i + 1..] {
                                let w = a.rect.right().min(b.rect.right()) - a.rect.x.max(b.rect.x);
                                let h =
                                    a.rect.bottom().min(b.rect.bottom()) - a.rect.y.max(b.rect.y);
                                assert!(
                                    w <= 0.01 || h <= 0.01,
                                    "{name} {element} {context:?}: {} {:?} overlaps {} {:?}",
                                    a.element,
                                    a.rect,
                                    b.element,
                                    b.rect
                                );
                            }
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 400, "{checked} scenes checked");
}

/// Right to left mirrors every part placed by the layout.
#[test]
fn right_to_left_mirrors_the_layout() {
    let styler = Styler::new(bundled_theme("breeze"));
    for element in [
        "Window > CheckBox",
        "Window > ComboBox",
        "Window > SpinBox",
        "Window > Button",
    ] {
        let ltr = scene(&styler, element, Context::default(), |r| {
            r.icon = Some("search");
        });
        let mirrored = scene(&styler, element, rtl(), |r| r.icon = Some("search"));
        assert_eq!(ltr.size, mirrored.size, "{element}");
        for (a, b) in ltr.parts.iter().zip(&mirrored.parts) {
            let expected = a.rect.mirrored(ltr.size.0);
            assert!(
                (expected.x - b.rect.x).abs() < 1e-3 && expected.y == b.rect.y,
                "{element}: {} at {:?} mirrors to {:?}, not {:?}",
                a.element,
                a.rect,
                expected,
                b.rect
            );
        }
    }
}

/// A scene asked for again is the one kept, until the style changes.
#[test]
fn a_scene_is_kept_until_its_style_or_request_changes() {
    let styler = Styler::new(bundled_theme("breeze"));
    let query = Query::new(
        chain::parse_chain("Window > Button").unwrap(),
        Context::default(),
    );
    let mut scenes = Scenes::default();
    let request = SceneRequest::new(&query);
    let first = scenes.build(&styler, &request, &mut FakeMeasure).unwrap();
    let again = scenes.build(&styler, &request, &mut FakeMeasure).unwrap();
    assert!(Arc::ptr_eq(&first, &again));
    let other = SceneRequest {
        text: Some("Other"),
        ..request
    };
    let changed = scenes.build(&styler, &other, &mut FakeMeasure).unwrap();
    assert!(!Arc::ptr_eq(&first, &changed));
    styler.set_theme(bundled_theme("breeze-dark"));
    let restyled = scenes.build(&styler, &request, &mut FakeMeasure).unwrap();
    assert!(
        !Arc::ptr_eq(&first, &restyled),
        "a new theme finds no kept scene"
    );
}

/// Horizontal is the default orientation: a slider or progress bar without
/// the attribute is styled and placed like a horizontal one.
#[test]
fn range_controls_without_an_orientation_are_horizontal() {
    let styler = Styler::new(bundled_theme("breeze"));
    for control in ["Slider", "RangeSlider", "ProgressBar"] {
        let bare = scene(
            &styler,
            &format!("Window > {control}"),
            Context::default(),
            |_| {},
        );
        let explicit = scene(
            &styler,
            &format!("Window > {control}[orientation=horizontal]"),
            Context::default(),
            |_| {},
        );
        assert_eq!(bare.outline().parts, explicit.outline().parts, "{control}");
        assert_eq!(bare.size, explicit.size, "{control}");
    }
}

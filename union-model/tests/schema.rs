//! The generated schema: names, types, generic access, serialisation, and
//! the checked-in property reference.

use std::sync::Arc;
use union_model::values::*;
use union_model::{Declaration, PROPERTIES, PROPERTY_COUNT, PropertyId, Slot, Style, Value};

/// One sample value per value type. A new value type without a sample fails
/// `every_leaf_round_trips`.
fn sample(type_name: &str) -> Option<Value> {
    let length = LengthPercentage::Length(Length::Px(2.0));
    let stops = vec![
        ColorStop {
            color: Color::Rgba(Rgba::BLACK),
            position: None,
        },
        ColorStop {
            color: Color::palette(ColorSet::View, ColorRole::BackgroundNormal),
            position: Some(LengthPercentage::Percent(80.0)),
        },
    ];
    Some(match type_name {
        "Visibility" => Value::Visibility(Visibility::Hidden),
        "Number" => Value::Number(Number(0.5)),
        "Length" => Value::Length(Length::Em(1.5)),
        "AlignContainer" => Value::AlignContainer(AlignContainer::Background),
        "Align" => Value::Align(Align::StackFill),
        "Integer" => Value::Integer(Integer(-2)),
        "FontFamily" => Value::FontFamily(FontFamily(vec![
            Arc::from("Noto Sans"),
            Arc::from("sans-serif"),
        ])),
        "FontWeight" => Value::FontWeight(FontWeight(600)),
        "FontStyle" => Value::FontStyle(FontStyle::Italic),
        "Color" => Value::Color(
            Color::palette(ColorSet::Button, ColorRole::DecorationHover)
                .mix(Color::CurrentColor, 0.25),
        ),
        "TextWrapMode" => Value::TextWrapMode(TextWrapMode::Wrap),
        "OverflowWrap" => Value::OverflowWrap(OverflowWrap::Anywhere),
        "Elide" => Value::Elide(Elide::Middle),
        "IconName" => Value::IconName(IconName(Arc::from("document-open"))),
        "Url" => Value::Url(Url(Arc::from("/usr/share/icons/x.svg"))),
        "Image" => Value::Image(Box::new(Image::Linear(LinearGradient {
            angle: 180.0,
            stops,
            repeating: false,
        }))),
        "BoxArea" => Value::BoxArea(BoxArea::PaddingBox),
        "NinePatchSlice" => Value::NinePatchSlice(Box::new(NinePatchSlice {
            offsets: [
                SliceOffset::Number(4.0),
                SliceOffset::Number(5.0),
                SliceOffset::Percent(10.0),
                SliceOffset::Number(5.0),
            ],
            fill: true,
        })),
        "EdgeWidths" => Value::EdgeWidths(Box::new(EdgeWidths([
            EdgeWidth::Length(length),
            EdgeWidth::Number(1.0),
            EdgeWidth::Auto,
            EdgeWidth::Number(1.0),
        ]))),
        "RepeatAxes" => Value::RepeatAxes(RepeatAxes {
            horizontal: RepeatMode::Round,
            vertical: RepeatMode::Stretch,
        }),
        "LineStyle" => Value::LineStyle(LineStyle::Dashed),
        "Radius" => Value::Radius(Radius {
            x: length,
            y: LengthPercentage::Percent(50.0),
        }),
        "ShadowList" => Value::ShadowList(ShadowList(vec![Shadow {
            x: Length::Px(0.0),
            y: Length::Px(1.0),
            blur: Length::Px(4.0),
            spread: Length::Px(-1.0),
            color: Color::Rgba(Rgba::new(0.0, 0.0, 0.0, 0.3)),
            inset: true,
        }])),
        "TransitionList" => Value::TransitionList(TransitionList(vec![Transition {
            property: Arc::from("background-color"),
            duration: 0.15,
            easing: Easing::EASE_OUT,
            delay: 0.0,
        }])),
        _ => return None,
    })
}

#[test]
fn schema_covers_at_least_union_and_names_are_unique() {
    const {
        assert!(
            PROPERTY_COUNT >= 79,
            "the schema must cover KDE Union's 79 leaves"
        );
    }
    let mut names: Vec<&str> = PROPERTIES.iter().map(|p| p.css_name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), PROPERTY_COUNT);
    for (index, info) in PROPERTIES.iter().enumerate() {
        assert_eq!(info.id.index(), index);
        assert_eq!(PropertyId::from_css_name(info.css_name), Some(info.id));
        assert!(
            !info.doc.is_empty() && !info.grammar.is_empty(),
            "{}",
            info.css_name
        );
    }
    assert_eq!(PropertyId::from_css_name("no-such-property"), None);
}

#[test]
fn web_names_where_the_web_has_them() {
    for (css, path) in [
        ("padding-top", "layout.padding.top"),
        ("margin-left", "layout.margin.left"),
        ("border-top-left-radius", "corners.top_left"),
        ("border-right-color", "border.right.color"),
        ("box-shadow", "shadow.layers"),
        ("border-image-slice", "border_image.slice"),
        ("color", "text.color"),
        ("font-size", "text.font_size"),
        ("transition", "transition.entries"),
        ("visibility", "display.visibility"),
    ] {
        let id = PropertyId::from_css_name(css).unwrap_or_else(|| panic!("{css} missing"));
        assert_eq!(id.info().path, path);
    }
}

#[test]
fn every_leaf_round_trips_through_generic_access_and_serde() {
    let mut style = Style::default();
    for id in PropertyId::ALL {
        let value = sample(id.info().value_type)
            .unwrap_or_else(|| panic!("no sample for {}", id.info().value_type));
        assert!(id.accepts(&value));
        assert!(style.set(id, Slot::Set(value.clone())), "{id}");
        assert_eq!(style.get(id), Slot::Set(value), "{id}");
    }
    assert_eq!(style.decided().count(), PROPERTY_COUNT);
    let json = serde_json::to_string(&style).unwrap();
    let back: Style = serde_json::from_str(&json).unwrap();
    assert_eq!(back, style);

    // none survives serialisation as null; unset is left out.
    let mut sparse = Style::default();
    sparse.set(PropertyId::BackgroundColor, Slot::None);
    let json = serde_json::to_string(&sparse).unwrap();
    assert_eq!(json, r#"{"background":{"color":null}}"#);
    let back: Style = serde_json::from_str(&json).unwrap();
    assert_eq!(back.background.color, Slot::None);
    assert_eq!(back.background.image, Slot::Unset);
}

#[test]
fn wrongly_typed_values_are_refused() {
    let error = Declaration::value(PropertyId::BackgroundColor, Value::Length(Length::Px(1.0)))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`background-color` takes a Color value, not a Length"
    );
    let mut style = Style::default();
    assert!(!style.set(PropertyId::Width, Slot::Set(Value::Number(Number(1.0)))));
    assert_eq!(style.layout.width, Slot::Unset);
}

#[test]
fn values_print_as_css() {
    let table: Vec<(Value, &str)> = vec![
        (Value::Length(Length::Px(1.5)), "1.5px"),
        (Value::Length(Length::Em(2.0)), "2em"),
        (
            Value::Color(Color::Rgba(Rgba::rgb8(61, 174, 233))),
            "#3daee9",
        ),
        (
            Value::Color(
                Color::palette(ColorSet::Selection, ColorRole::BackgroundNormal).with_alpha(0.5),
            ),
            "alpha(palette(selection, background-normal), 0.5)",
        ),
        (Value::FontWeight(FontWeight::BOLD), "bold"),
        (
            Value::RepeatAxes(RepeatAxes::both(RepeatMode::Round)),
            "round",
        ),
        (sample("NinePatchSlice").unwrap(), "4 5 10% fill"),
        (
            sample("ShadowList").unwrap(),
            "inset 0px 1px 4px -1px #0000004d",
        ),
        (
            sample("TransitionList").unwrap(),
            "background-color 0.15s ease-out",
        ),
        (sample("Radius").unwrap(), "2px 50%"),
        (sample("FontFamily").unwrap(), "\"Noto Sans\", sans-serif"),
        (
            sample("Image").unwrap(),
            "linear-gradient(180deg, #000000, palette(view, background-normal) 80%)",
        ),
    ];
    for (value, css) in table {
        assert_eq!(value.to_string(), css);
    }
}

#[test]
fn keyword_grammars_list_every_keyword() {
    assert_eq!(
        PropertyId::TextElide.info().grammar,
        "none | start | middle | end"
    );
    assert_eq!(
        PropertyId::BorderTopStyle.info().grammar,
        "none | solid | dashed | dotted"
    );
}

/// Compares a checked-in generated document with its generator's output;
/// `UPDATE_DOCS=1` rewrites it.
fn check_generated_doc(relative: &str, generated: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, generated).unwrap_or_else(|e| panic!("cannot write {relative}: {e}"));
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{relative} is out of date with union-model/schema; run `UPDATE_DOCS=1 cargo test -p union-model --test schema`"
    );
}

#[test]
fn checked_in_property_reference_matches_the_schema() {
    check_generated_doc(
        "docs/properties.md",
        &union_model::docs::properties_markdown(),
    );
}

#[test]
fn checked_in_element_catalogue_matches_the_schema() {
    check_generated_doc("docs/elements.md", &union_model::docs::elements_markdown());
}

#[test]
fn the_catalogue_covers_the_required_controls() {
    use union_model::catalogue::{CATALOGUE_VERSION, CONTROLS, control, is_sub_element};
    assert!(CONTROLS.len() >= 30, "{} controls", CONTROLS.len());
    for name in [
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
        "RangeSlider",
        "ProgressBar",
        "BusyIndicator",
        "ScrollBar",
        "ScrollView",
        "TabBar",
        "TabButton",
        "ToolBar",
        "MenuBar",
        "Menu",
        "MenuItem",
        "ToolTip",
        "Frame",
        "GroupBox",
        "Label",
        "ItemDelegate",
        "CheckDelegate",
        "Dialog",
        "Page",
        "Window",
        "Separator",
    ] {
        assert!(control(name).is_some(), "{name} is missing");
    }
    for sub in ["Indicator", "Handle", "Groove", "Fill", "Text", "Icon"] {
        assert!(is_sub_element(sub), "{sub}");
    }
    let slider = control("Slider").unwrap();
    assert_eq!(slider.sub_elements, &["Groove", "Fill", "Handle"]);
    assert!(slider.states.contains(&union_model::State::Pressed));
    assert!(
        control("CheckBox")
            .unwrap()
            .states
            .contains(&union_model::State::Indeterminate)
    );
    assert_eq!(CATALOGUE_VERSION.split('.').count(), 3);
}

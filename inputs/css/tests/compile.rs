//! Table tests: CSS in → resolved properties out, and diagnostics with exact locations.

use std::sync::Arc;
use union_input_css::{SourceFile, compile_text};
use union_model::{ColorScheme, Context, Direction, Element, Query, State, Styler, Theme};

const FILE: &str = "/virtual/theme.css";

fn compile(css: &str) -> (Arc<Theme>, Vec<String>) {
    let compiled = compile_text(&SourceFile::from_text(FILE, css));
    let diagnostics = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    (
        Arc::new(Theme::compile(compiled.into_definition("test"), None)),
        diagnostics,
    )
}

/// The decided properties of the last element of `chain`, as CSS lines.
fn resolve(css: &str, chain: Vec<Element>, context: Context) -> String {
    let (theme, diagnostics) = compile(css);
    assert!(
        diagnostics.is_empty(),
        "unexpected diagnostics for {css:?}:\n{}",
        diagnostics.join("\n")
    );
    let styler = Styler::new(theme);
    styler
        .query(&Query::new(chain, context))
        .style
        .to_css_declarations()
}

fn button() -> Element {
    Element::new("Button")
}

/// A row: (description, css, chain, expected declarations — every decided leaf, in schema order).
type Case = (&'static str, &'static str, Vec<Element>, &'static str);

/// Resolves every row and reports all mismatches at once.
fn run_table(table: Vec<Case>) {
    let mut failures = Vec::new();
    for (description, css, chain, expected) in table {
        let actual = resolve(css, chain, Context::default());
        if actual != expected {
            failures.push(format!(
                "{description}\n  css: {css}\n  expected:\n{expected}  actual:\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (description, css, chain, expected declarations — every decided leaf, in schema order)
fn cases() -> Vec<Case> {
    vec![
        (
            "padding: four values in web order",
            "button { padding: 1px 2px 3px 4px }",
            vec![button()],
            "padding-top: 1px;\npadding-right: 2px;\npadding-bottom: 3px;\npadding-left: 4px;\n",
        ),
        (
            "padding: two values are vertical then horizontal",
            "button { padding: 1px 2px }",
            vec![button()],
            "padding-top: 1px;\npadding-right: 2px;\npadding-bottom: 1px;\npadding-left: 2px;\n",
        ),
        (
            "margin: three values",
            "button { margin: 1px 2px 3px }",
            vec![button()],
            "margin-top: 1px;\nmargin-right: 2px;\nmargin-bottom: 3px;\nmargin-left: 2px;\n",
        ),
        (
            "absolute units become px",
            "button { width: 12pt; height: 0.5in; min-width: 0 }",
            vec![button()],
            "width: 16px;\nheight: 48px;\nmin-width: 0px;\n",
        ),
        (
            "em and rem resolve against font sizes",
            "window { font-size: 10px } button { font-size: 2em; padding-left: 1em; padding-right: 1rem }",
            vec![Element::new("Window"), button()],
            "padding-right: 13.3333px;\npadding-left: 20px;\nfont-size: 20px;\n",
        ),
        (
            "hex, rgb(), hsl(), named and transparent colours",
            "button { color: #3daee9; background-color: rgb(61 174 233 / 50%); border-top-color: hsl(0 100% 50%); border-left-color: red; border-right-color: transparent }",
            vec![button()],
            "color: #3daee9;\nbackground-color: #3daee980;\nborder-top-color: #ff0000;\nborder-right-color: #00000000;\nborder-left-color: #ff0000;\n",
        ),
        (
            "symbolic colours stay symbolic",
            "button { color: palette(view, foreground-normal); background-color: mix(palette(button, background-normal), white, 0.25); border-top-color: alpha(currentColor, 0.5); border-left-color: lighter(#808080, 50%) }",
            vec![button()],
            "color: palette(view, foreground-normal);\nbackground-color: mix(palette(button, background-normal), #ffffff, 0.25);\nborder-top-color: alpha(currentColor, 0.5);\nborder-left-color: lighter(#808080, 0.5);\n",
        ),
        (
            "color-mix() weights follow CSS: 25% red is 0.75 of the way to blue",
            "button { color: color-mix(in srgb, red 25%, blue) }",
            vec![button()],
            "color: mix(#ff0000, #0000ff, 0.75);\n",
        ),
        (
            "color-mix() of palette roles stays symbolic, with CSS weights",
            "button { color: color-mix(in srgb, palette(window, foreground-normal) 25%, transparent) }",
            vec![button()],
            "color: mix(palette(window, foreground-normal), #00000000, 0.75);\n",
        ),
        (
            "border shorthand sets every side",
            "button { border: 1px solid red }",
            vec![button()],
            "border-top-width: 1px;\nborder-top-color: #ff0000;\nborder-top-style: solid;\nborder-right-width: 1px;\nborder-right-color: #ff0000;\nborder-right-style: solid;\nborder-bottom-width: 1px;\nborder-bottom-color: #ff0000;\nborder-bottom-style: solid;\nborder-left-width: 1px;\nborder-left-color: #ff0000;\nborder-left-style: solid;\n",
        ),
        (
            "border-side shorthand with defaults",
            "button { border-bottom: 2px dashed }",
            vec![button()],
            "border-bottom-width: 2px;\nborder-bottom-color: currentColor;\nborder-bottom-style: dashed;\n",
        ),
        (
            "border-side shorthand in any order",
            "button { border-left: red dotted 3px }",
            vec![button()],
            "border-left-width: 3px;\nborder-left-color: #ff0000;\nborder-left-style: dotted;\n",
        ),
        (
            "outline shorthand sets every side; a style alone gives a medium width",
            "button { outline: dashed }",
            vec![button()],
            "outline-top-width: 3px;\noutline-top-color: currentColor;\noutline-top-style: dashed;\noutline-right-width: 3px;\noutline-right-color: currentColor;\noutline-right-style: dashed;\noutline-bottom-width: 3px;\noutline-bottom-color: currentColor;\noutline-bottom-style: dashed;\noutline-left-width: 3px;\noutline-left-color: currentColor;\noutline-left-style: dashed;\n",
        ),
        (
            "background shorthand with the image before the colour",
            "button { background: linear-gradient(red, blue) #00ff00 }",
            vec![button()],
            "background-color: #00ff00;\nbackground-image: linear-gradient(180deg, #ff0000, #0000ff);\n",
        ),
        (
            "border: none is none on every leaf",
            "button { border-top: none }",
            vec![button()],
            "border-top-width: none;\nborder-top-color: none;\nborder-top-style: none;\n",
        ),
        (
            "border-radius: two values and elliptical",
            "button { border-radius: 4px 8px / 2px }",
            vec![button()],
            "border-top-left-radius: 4px 2px;\nborder-top-right-radius: 8px 2px;\nborder-bottom-right-radius: 4px 2px;\nborder-bottom-left-radius: 8px 2px;\n",
        ),
        (
            "box-shadow lists with inset and spread",
            "button { box-shadow: 0 1px 2px rgba(0, 0, 0, 0.3), inset 0 0 0 1px red }",
            vec![button()],
            "box-shadow: 0px 1px 2px 0px #0000004d, inset 0px 0px 0px 1px #ff0000;\n",
        ),
        (
            "box-shadow with the colour first and a palette colour last",
            "button { box-shadow: #00ff00 1px 2px, 0 0 3px palette(view, decoration-focus) inset }",
            vec![button()],
            "box-shadow: 1px 2px 0px 0px #00ff00, inset 0px 0px 3px 0px palette(view, decoration-focus);\n",
        ),
        (
            "gradients",
            "button { background-image: linear-gradient(to right, red, palette(selection, background-normal) 80%) }",
            vec![button()],
            "background-image: linear-gradient(90deg, #ff0000, palette(selection, background-normal) 80%);\n",
        ),
        (
            "radial gradients",
            "button { background-image: radial-gradient(circle 10px at 25% 50%, red, blue) }",
            vec![button()],
            "background-image: radial-gradient(circle 10px at 25% 50%, #ff0000, #0000ff);\n",
        ),
        (
            "background shorthand",
            "button { background: palette(button, background-normal) }",
            vec![button()],
            "background-color: palette(button, background-normal);\nbackground-image: none;\n",
        ),
        (
            "background: none",
            "button { background: none }",
            vec![button()],
            "background-color: none;\nbackground-image: none;\n",
        ),
        (
            "transitions",
            "button { transition: background-color 150ms ease-out, color .2s linear 50ms }",
            vec![button()],
            "transition: background-color 0.15s ease-out, color 0.2s linear 0.05s;\n",
        ),
        (
            "border-image 9-patch",
            "button { border-image: url(frame.svg) 4 6 fill / 4px / 0 round stretch }",
            vec![button()],
            "border-image-source: url(\"/virtual/frame.svg\");\nborder-image-slice: 4 6 fill;\nborder-image-width: 4px;\nborder-image-outset: 0;\nborder-image-repeat: round stretch;\n",
        ),
        (
            "border-image splits at slashes outside url()",
            "button { border-image: url(images/frame.svg) 10 / 2px }",
            vec![button()],
            "border-image-source: url(\"/virtual/images/frame.svg\");\nborder-image-slice: 10;\nborder-image-width: 2px;\nborder-image-outset: 0;\nborder-image-repeat: stretch;\n",
        ),
        (
            "border-image fills omitted parts with initial values",
            "button { border-image: url(f.svg) 3 }",
            vec![button()],
            "border-image-source: url(\"/virtual/f.svg\");\nborder-image-slice: 3;\nborder-image-width: 1;\nborder-image-outset: 0;\nborder-image-repeat: stretch;\n",
        ),
        (
            "Union's own properties",
            "button { icon-size: 22px 16px; text-elide: middle; layout-alignment-horizontal: stack-center; icon-name: \"document-open\"; text-wrap-mode: wrap }",
            vec![button()],
            "layout-alignment-horizontal: stack-center;\ntext-wrap-mode: wrap;\ntext-elide: middle;\nicon-name: \"document-open\";\nicon-width: 22px;\nicon-height: 16px;\n",
        ),
        (
            "fonts",
            "button { font-family: \"Noto Sans\", sans-serif; font-weight: 600; font-style: italic; font-size: 10pt }",
            vec![button()],
            "font-family: \"Noto Sans\", sans-serif;\nfont-size: 13.3333px;\nfont-weight: 600;\nfont-style: italic;\n",
        ),
        (
            "state pseudo-classes, web names and aliases",
            "button:hover { padding-top: 1px } button:hovered { padding-right: 2px } button:active { padding-bottom: 3px } button:pressed { padding-left: 4px }",
            vec![
                button()
                    .with_state(State::Hovered)
                    .with_state(State::Pressed),
            ],
            "padding-top: 1px;\npadding-right: 2px;\npadding-bottom: 3px;\npadding-left: 4px;\n",
        ),
        (
            ":enabled is not disabled",
            "button:enabled { opacity: 1 } button:disabled { opacity: 0.5 }",
            vec![button().with_state(State::Disabled)],
            "opacity: 0.5;\n",
        ),
        (
            "nesting with & and a nested descendant",
            "button { padding-top: 1px; &:hover { padding-top: 2px } .flat & { padding-left: 3px } label { padding-right: 9px } }",
            vec![
                Element::new("ToolBar").with_hint("flat"),
                button().with_state(State::Hovered),
            ],
            "padding-top: 2px;\npadding-left: 3px;\n",
        ),
        (
            "a nested rule without & is a descendant",
            "toolbar { button { margin-top: 5px } }",
            vec![Element::new("ToolBar"), Element::new("Frame"), button()],
            "margin-top: 5px;\n",
        ),
        (
            "!important beats an id",
            "button { opacity: 0.3 !important } #ok { opacity: 0.9 }",
            vec![button().with_id("ok")],
            "opacity: 0.3;\n",
        ),
        (
            "later declarations win within a rule",
            "button { opacity: 0.3; opacity: 0.4 }",
            vec![button()],
            "opacity: 0.4;\n",
        ),
        (
            "inherit",
            "window { background-color: red } button { background-color: inherit }",
            vec![Element::new("Window"), button()],
            "background-color: #ff0000;\n",
        ),
        (
            "none blocks lower rules",
            "button { background-color: red } button:hover { background-color: none }",
            vec![button().with_state(State::Hovered)],
            "background-color: none;\n",
        ),
        (
            "attribute selectors",
            "button[orientation=horizontal] { gap: 4px } button[display^=\"icon\" i] { gap: 6px }",
            vec![
                button()
                    .with_attribute("orientation", "horizontal")
                    .with_attribute("display", "ICON-only"),
            ],
            "gap: 6px;\n",
        ),
        (
            "sibling combinators and structural pseudo-classes",
            "separator + button { margin-left: 1px } button:first-child { margin-right: 2px } button:last-child { margin-top: 3px }",
            vec![
                Element::new("ToolBar"),
                button()
                    .at_position(1, 2)
                    .with_preceding_siblings(vec![Element::new("Separator")]),
            ],
            "margin-top: 3px;\nmargin-left: 1px;\n",
        ),
    ]
}

#[test]
fn custom_properties_inherit_and_var_substitutes_at_computed_time() {
    let window = || Element::new("Window");
    let table: Vec<Case> = vec![
        (
            "inherited custom properties, in a shorthand too",
            "window { --accent: #3daee9; --pad: 4px } button { color: var(--accent); padding: var(--pad) 2px }",
            vec![window(), button()],
            "padding-top: 4px;\npadding-right: 2px;\npadding-bottom: 4px;\npadding-left: 2px;\ncolor: #3daee9;\n",
        ),
        (
            "the nearest declaration wins",
            "window { --c: red } toolbar { --c: blue } button { color: var(--c) }",
            vec![window(), Element::new("ToolBar"), button()],
            "color: #0000ff;\n",
        ),
        (
            "fallbacks",
            "button { opacity: var(--nope, 0.25); margin-top: var(--nope, var(--also-nope, 3px)) }",
            vec![button()],
            "opacity: 0.25;\nmargin-top: 3px;\n",
        ),
        (
            "custom properties refer to each other",
            "window { --a: 2px; --b: var(--a) } button { margin-top: var(--b) }",
            vec![window(), button()],
            "margin-top: 2px;\n",
        ),
        (
            "a child redefining a reference changes the result where it is used",
            "window { --size: 2px } button { --size: 5px; --double: var(--size) var(--size); margin: var(--double) }",
            vec![window(), button()],
            "margin-top: 5px;\nmargin-right: 5px;\nmargin-bottom: 5px;\nmargin-left: 5px;\n",
        ),
        (
            "invalid at computed-value time: inherited leaves inherit, others are unset",
            "window { color: red; background-color: blue } label { --nope: 1px } button { color: var(--nope); background-color: var(--nope) }",
            vec![window(), button()],
            "color: #ff0000;\n",
        ),
        (
            "a value that does not parse after substitution is invalid too",
            "window { --w: bold } button { margin-top: var(--w); opacity: 0.5 }",
            vec![window(), button()],
            "opacity: 0.5;\n",
        ),
        (
            "cycles make custom properties invalid, so fallbacks apply",
            "button { --x: var(--y); --y: var(--x); opacity: var(--x, 0.5) }",
            vec![button()],
            "opacity: 0.5;\n",
        ),
        (
            "symbolic colours through var()",
            "window { --fg: palette(window, foreground-normal) } button { border-top-color: alpha(var(--fg), 0.5) }",
            vec![window(), button()],
            "border-top-color: alpha(palette(window, foreground-normal), 0.5);\n",
        ),
    ];
    run_table(table);
}

#[test]
fn css_in_resolved_properties_out() {
    run_table(cases());
}

#[test]
fn every_css_color_4_form_becomes_srgb() {
    let css = "button { color: lab(50% 40 59); background-color: oklch(70% 0.1 200); \
               border-top-color: color(display-p3 1 0 0); border-left-color: hwb(200 10% 20%); \
               border-right-color: rgb(from red r g b / 50%); border-bottom-color: lch(60% 50 120 / 0.5); }";
    let expected = "color: #bf5702;\nbackground-color: #40b1b7;\nborder-top-color: #ff0f0e;\n\
                    border-right-color: #ff000080;\nborder-bottom-color: #769c3e80;\nborder-left-color: #1a90cc;\n";
    assert_eq!(resolve(css, vec![button()], Context::default()), expected);
}

#[test]
fn media_queries_and_dir_follow_the_context() {
    let css = "button { opacity: 1 }
        @media (prefers-color-scheme: dark) { button { opacity: 0.8 } }
        @media (pointer: coarse) { button { min-height: 40px } }
        @media not (window-active) { button { gap: 1px } }
        button:dir(rtl) { padding-left: 9px }";
    let light = resolve(css, vec![button()], Context::default());
    assert_eq!(light, "opacity: 1;\n");
    let other = Context {
        color_scheme: ColorScheme::Dark,
        form_factor: union_model::FormFactor::Touch,
        window_active: false,
        direction: Direction::Rtl,
        ..Context::default()
    };
    assert_eq!(
        resolve(css, vec![button()], other),
        "opacity: 0.8;\nmin-height: 40px;\ngap: 1px;\npadding-left: 9px;\n"
    );
}

#[test]
fn nested_specificity_is_that_of_is_of_the_parent_list() {
    // `#ok, button { & .x {} }` nests as `:is(#ok, button) .x`: specificity (1,1,0)
    // for every element it matches, so it beats `button .x.y` (0,2,1).
    let css = "#ok, button { & .x { opacity: 0.1 } } button .x.y { opacity: 0.2 }";
    let chain = vec![
        button(),
        Element::new("Label").with_hint("x").with_hint("y"),
    ];
    assert_eq!(resolve(css, chain, Context::default()), "opacity: 0.1;\n");
}

/// (description, css, expected diagnostics, then what still applies to a Button)
fn diagnostic_cases() -> Vec<(&'static str, &'static str, Vec<&'static str>, &'static str)> {
    vec![
        (
            "unknown property, rest of the rule kept",
            "button {\n  colr: red;\n  opacity: 0.5;\n}",
            vec![
                "/virtual/theme.css:2:3: error: `colr`: unknown property `colr` (see docs/properties.md); the declaration is ignored",
            ],
            "opacity: 0.5;\n",
        ),
        (
            "invalid value of a known property",
            "button { opacity: 0.5; color: notacolor }",
            vec![
                "/virtual/theme.css:1:24: error: `color`: expected a colour, found `notacolor`; the declaration is ignored",
            ],
            "opacity: 0.5;\n",
        ),
        (
            "bad length unit",
            "button {\n    padding-left: 10vw;\n}",
            vec![
                "/virtual/theme.css:2:5: error: `padding-left`: the unit `vw` is not supported here (use px, pt, em or rem); the declaration is ignored",
            ],
            "",
        ),
        (
            "unknown pseudo-class drops the rule, not the sheet",
            "button:frobbed { opacity: 0.1 }\nbutton { opacity: 0.2 }",
            vec![
                "/virtual/theme.css:1:1: error: unknown pseudo-class `:frobbed`; the rule is ignored",
            ],
            "opacity: 0.2;\n",
        ),
        (
            "WebKit scrollbar names are explained",
            "button:horizontal { opacity: 0.1 }",
            vec![
                "/virtual/theme.css:1:8: error: lightningcss reserves this pseudo-class name for WebKit scrollbars (`:horizontal`, `:vertical`, `:start`, `:end`, …); use an attribute such as `[orientation=horizontal]`; the rule is ignored",
            ],
            "",
        ),
        (
            "unsupported media feature",
            "@media (min-width: 100px) { button { opacity: 0.1 } }",
            vec![
                "/virtual/theme.css:1:1: error: unsupported media feature `(width >= 100px)`: Union knows prefers-color-scheme, pointer and window-active; the @media block is ignored",
            ],
            "",
        ),
        (
            "a bad colour in a shadow list reports the colour's own error",
            "button {\n  opacity: 0.5;\n  box-shadow: 0 1px red, 0 0 3px palette(view, shadow);\n}",
            vec![
                "/virtual/theme.css:3:3: error: `box-shadow`: `shadow` is not a colour role; the declaration is ignored",
            ],
            "opacity: 0.5;\n",
        ),
        (
            "second of two same-named declarations is located",
            "button {\n  opacity: 0.5;\n  opacity: nope;\n}",
            vec![
                "/virtual/theme.css:3:3: error: `opacity`: expected a number; the declaration is ignored",
            ],
            "opacity: 0.5;\n",
        ),
        (
            "syntax error recovery",
            "button { opacity: 0.5 }\n}}} garbage {\nlabel { opacity: 1 }",
            vec![],
            "opacity: 0.5;\n",
        ),
    ]
}

#[test]
fn diagnostics_have_exact_locations_and_loading_recovers() {
    let mut failures = Vec::new();
    for (description, css, expected, still) in diagnostic_cases() {
        let (theme, diagnostics) = compile(css);
        let matches_expected = if expected.is_empty() {
            true
        } else {
            diagnostics == expected
        };
        let actual = Styler::new(theme)
            .query(&Query::element(button()))
            .style
            .to_css_declarations();
        if !matches_expected || actual != still {
            failures.push(format!(
                "{description}\n  diagnostics: {diagnostics:#?}\n  expected: {expected:#?}\n  applies: {actual:?}, expected {still:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Sample CSS text for each schema value type.
fn sample(value_type: &str) -> &'static str {
    match value_type {
        "Length" => "3px",
        "Number" => "0.5",
        "Integer" => "2",
        "Color" => "palette(view, background-normal)",
        "Visibility" => "hidden",
        "AlignContainer" => "background",
        "Align" => "end",
        "FontFamily" => "\"Noto Sans\"",
        "FontWeight" => "bold",
        "FontStyle" => "italic",
        "TextWrapMode" => "wrap",
        "OverflowWrap" => "anywhere",
        "Elide" => "end",
        "IconName" => "\"go-next\"",
        "Url" => "url(icon.svg)",
        "Image" => "linear-gradient(red, blue)",
        "BoxArea" => "padding-box",
        "NinePatchSlice" => "4 fill",
        "EdgeWidths" => "2px 1",
        "RepeatAxes" => "round",
        "LineStyle" => "solid",
        "Radius" => "4px",
        "ShadowList" => "0 1px 2px black",
        "TransitionList" => "opacity 100ms",
        _ => "",
    }
}

#[test]
fn every_schema_property_can_be_written_in_css() {
    let mut failures = Vec::new();
    for info in union_model::PROPERTIES.iter() {
        let css = format!(
            "button {{ {}: {} }}",
            info.css_name,
            sample(info.value_type)
        );
        let (theme, diagnostics) = compile(&css);
        let style = Styler::new(theme)
            .query(&Query::element(button()))
            .style
            .clone();
        if !diagnostics.is_empty() || !style.get(info.id).is_decided() {
            failures.push(format!("{css}: {diagnostics:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `+` and `~` against siblings the chain records and siblings it only
/// knows exist (the element's position says so): the universal selector
/// needs no facts, so it matches an unknown sibling; anything else does not.
#[test]
fn sibling_combinators_with_typed_untyped_and_unknown_siblings() {
    let chain = |element: Element| {
        union_model::chain::parse_chain("Window > ToolBar")
            .map(|mut c| {
                c.push(element);
                c
            })
            .unwrap_or_default()
    };
    let tool = || Element::new("ToolButton");
    // (selector, the element, whether it matches)
    let cases: Vec<(&str, Element, bool)> = vec![
        ("* + toolbutton", tool().at_position(2, 3), true),
        ("* ~ toolbutton", tool().at_position(2, 3), true),
        ("button + toolbutton", tool().at_position(2, 3), false),
        ("button ~ toolbutton", tool().at_position(2, 3), false),
        (
            "*:not(button) + toolbutton",
            tool().at_position(2, 3),
            false,
        ),
        ("* + toolbutton", tool().at_position(0, 3), false),
        ("* ~ toolbutton", tool(), false),
        (
            "button + toolbutton",
            tool()
                .at_position(1, 3)
                .with_preceding_siblings(vec![Element::new("Button")]),
            true,
        ),
        (
            "label + toolbutton",
            tool()
                .at_position(1, 3)
                .with_preceding_siblings(vec![Element::new("Button")]),
            false,
        ),
        (
            "*:not(label) + toolbutton",
            tool()
                .at_position(1, 3)
                .with_preceding_siblings(vec![Element::new("Button")]),
            true,
        ),
        // Two siblings precede; one is recorded (the nearer), the other
        // is unknown: `~` reaches past the recorded one.
        (
            "label ~ toolbutton",
            tool()
                .at_position(2, 3)
                .with_preceding_siblings(vec![Element::new("Button")]),
            false,
        ),
        (
            "* + * + toolbutton",
            tool()
                .at_position(2, 3)
                .with_preceding_siblings(vec![Element::new("Button")]),
            true,
        ),
        (
            "* + button + toolbutton",
            tool()
                .at_position(2, 3)
                .with_preceding_siblings(vec![Element::new("Button")]),
            true,
        ),
    ];
    let mut failures = Vec::new();
    for (selector, element, expected) in cases {
        let css = format!("{selector} {{ opacity: 0.5 }}");
        let described = format!("{element}");
        let resolved = resolve(&css, chain(element), Context::default());
        if resolved.contains("opacity: 0.5") != expected {
            failures.push(format!("{selector} on {described}: expected {expected}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_var_no_rule_defines_is_reported_where_it_is_written() {
    // (css, diagnostics)
    let cases: [(&str, &[&str]); 5] = [
        (
            "button {\n  color: var(--undefined);\n}",
            &[
                "/virtual/theme.css:2:3: warning: `var(--undefined)`: no rule of the theme defines `--undefined`, so this declaration is invalid where it applies (give a fallback: `var(--undefined, …)`)",
            ],
        ),
        ("button { color: var(--undefined, red) }", &[]),
        (
            "window { --accent: red } button { color: var(--accent) }",
            &[],
        ),
        ("button { color: var(--later) } label { --later: red }", &[]),
        // A theme that extends another may take it from there.
        (
            "@theme { extends: \"breeze\"; } button { color: var(--from-breeze) }",
            &[],
        ),
    ];
    for (css, expected) in cases {
        let (_, diagnostics) = compile(css);
        assert_eq!(diagnostics, expected, "{css}");
    }
}

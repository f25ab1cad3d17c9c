//! The bundled themes: they load cleanly, cover every catalogue control in
//! every state, and the dark one differs by palette.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use std::process::Command;
use std::sync::Arc;
use union_gallery::themes;
use union_model::catalogue::CONTROLS;
use union_model::values::Rgba;
use union_model::{Context, Element, Query, State, StateSet, Styler, Theme};

const BUNDLED: [&str; 2] = ["breeze", "breeze-dark"];

fn theme(name: &str) -> Arc<Theme> {
    theme_through(name, None)
}

fn theme_through(name: &str, cache: Option<union_input_css::ThemeCache>) -> Arc<Theme> {
    let registry = themes::registry_with_cache(cache);
    let loaded = themes::load(&registry, name).unwrap();
    assert!(
        loaded.diagnostics.is_empty(),
        "{name}: {:?}",
        loaded.diagnostics
    );
    Arc::clone(&loaded.theme)
}

#[test]
fn bundled_themes_pass_union_check_with_zero_diagnostics() {
    let output = Command::new(env!("CARGO_BIN_EXE_union"))
        .arg("check")
        .args(BUNDLED)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "",
        "no diagnostics at all, not even warnings"
    );
}

/// What an element and its sub-elements look like, as text.
fn appearance(styler: &Styler, control: &str, subs: &[&str], states: StateSet) -> String {
    let element = Element::new(control).with_states(states);
    let mut out = styler
        .query(&Query::new(
            vec![Element::new("Window"), element.clone()],
            Context::default(),
        ))
        .style
        .to_css_declarations();
    for sub in subs {
        let chain = vec![Element::new("Window"), element.clone(), Element::new(sub)];
        out.push_str(&format!("> {sub}\n"));
        out.push_str(
            &styler
                .query(&Query::new(chain, Context::default()))
                .style
                .to_css_declarations(),
        );
    }
    out
}

#[test]
fn every_catalogue_control_is_styled_in_every_state() {
    // (control, state) pairs that deliberately look like their stateless form.
    // A group box without the `checkable` hint has no check box, so
    // `:checked` changes nothing on it (the catalogue: "Toggles (then
    // `:checked` applies)").
    let same_by_design: &[(&str, State)] = &[("GroupBox", State::Checked)];
    for name in BUNDLED {
        let styler = Styler::new(theme(name));
        let mut failures = Vec::new();
        for control in &CONTROLS {
            let plain = appearance(&styler, control.name, control.sub_elements, StateSet::EMPTY);
            let own = styler.query(&Query::new(
                vec![Element::new("Window"), Element::new(control.name)],
                Context::default(),
            ));
            let theme = styler.theme();
            let targets_type = own.matched_rules.iter().filter_map(|i| theme.rules().rule(*i)).any(|r| {
                r.selector.compounds().last().is_some_and(|c| {
                    c.iter().any(|p| matches!(p, union_model::selectors::Simple::Type(t) if t.as_str() == control.name.to_ascii_lowercase()))
                })
            });
            if !targets_type {
                failures.push(format!("{}: no rule styles it", control.name));
            }
            for state in control.states {
                if same_by_design.contains(&(control.name, *state)) {
                    continue;
                }
                let with = appearance(
                    &styler,
                    control.name,
                    control.sub_elements,
                    StateSet::EMPTY.with(*state),
                );
                if with == plain {
                    failures.push(format!(
                        "{}:{} looks like {}",
                        control.name,
                        state.css_name(),
                        control.name
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
    }
}

#[test]
fn bundled_themes_read_back_from_the_cache_exactly() {
    let dir = std::env::temp_dir().join(format!("union-theme-cache-{}", std::process::id()));
    let cache = || Some(union_input_css::ThemeCache::new(&dir));
    for name in BUNDLED {
        let fresh = Styler::new(theme(name));
        let _stored = theme_through(name, cache());
        let cached = Styler::new(theme_through(name, cache()));
        for control in &CONTROLS {
            for sub in std::iter::once(None).chain(control.sub_elements.iter().map(Some)) {
                let mut chain = vec![
                    Element::new("Window"),
                    Element::new(control.name).with_state(State::Hovered),
                ];
                chain.extend(sub.map(|s| Element::new(s)));
                let query = Query::new(chain, Context::default());
                assert_eq!(
                    fresh.query(&query).style,
                    cached.query(&query).style,
                    "{name}: {}",
                    control.name
                );
            }
        }
    }
    assert!(
        std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0) >= 2,
        "entries were written"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn breeze_dark_is_breeze_with_dark_colours() {
    let light = theme("breeze");
    let dark = theme("breeze-dark");
    let chain = || {
        Query::new(
            vec![Element::new("Window"), Element::new("Button")],
            Context::default(),
        )
    };
    let light_button = Styler::new(Arc::clone(&light)).query(&chain());
    let dark_button = Styler::new(Arc::clone(&dark)).query(&chain());
    // The same rules decide the same leaves…
    assert_eq!(light_button.style, dark_button.style);
    // …and the palette makes them dark.
    let background = light_button.style.background.color.value().unwrap();
    assert_eq!(
        light_button.resolve_color(background, light.palette()),
        Rgba::rgb8(0xfc, 0xfc, 0xfc)
    );
    assert_eq!(
        dark_button.resolve_color(background, dark.palette()),
        Rgba::rgb8(0x29, 0x2c, 0x30)
    );
    let text = light_button.style.text.color.value().unwrap();
    assert_eq!(
        dark_button.resolve_color(text, dark.palette()),
        Rgba::rgb8(0xfc, 0xfc, 0xfc)
    );
}

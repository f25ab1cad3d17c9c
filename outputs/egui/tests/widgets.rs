//! Union widgets answer like stock egui widgets: pointer and keyboard
//! change the states the theme sees (the pixels show the theme's hover
//! look), clicks toggle, drags move a slider, and AccessKit hears of them.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use std::sync::Arc;
use union_egui::Widgets;
use union_egui::raster::{Canvas, Textures};
use union_model::icons::IconLookup;
use union_model::{Context, Element, Query, State, Styler, Theme};

fn breeze() -> Arc<Theme> {
    let registry = union_themes::registry_with_cache(None);
    Arc::clone(&union_themes::load(&registry, "breeze").unwrap().theme)
}

/// The resolved background and top border colours of `element` in `Window`.
fn looks(theme: &Arc<Theme>, element: Element) -> (egui::Color32, egui::Color32) {
    let styler = Styler::new(Arc::clone(theme));
    let query = Query::new(vec![Element::new("Window"), element], Context::default());
    let style = styler.query(&query);
    let resolve = |color: &union_model::values::Color| {
        let [r, g, b, a] = style.resolve_color(color, theme.palette()).to_rgba8();
        egui::Color32::from_rgba_unmultiplied(r, g, b, a)
    };
    (
        resolve(style.style.background.color.value().unwrap()),
        resolve(style.style.border.top.color.value().unwrap()),
    )
}

/// An egui app of Union widgets driven by synthetic input.
struct App {
    ctx: egui::Context,
    textures: Textures,
    widgets: Widgets,
    checked: bool,
    value: f32,
    button: Option<egui::Response>,
    check: Option<egui::Response>,
    slider: Option<egui::Response>,
    /// The clock, seconds; each frame moves it on by `step`.
    time: f64,
    step: f64,
}

impl App {
    fn new() -> App {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        App {
            ctx,
            textures: Textures::default(),
            widgets: Widgets::new(breeze(), Context::default(), IconLookup::default()),
            checked: false,
            value: 0.0,
            button: None,
            check: None,
            slider: None,
            time: 0.0,
            // Longer than Breeze's transitions (each frame shows settled
            // looks), shorter than egui's longest click.
            step: 0.5,
        }
    }

    /// One frame with `events`; returns its pixels.
    fn frame(&mut self, events: Vec<egui::Event>) -> (Canvas, egui::FullOutput) {
        self.time += self.step;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(300.0, 200.0),
            )),
            time: Some(self.time),
            predicted_dt: self.step as f32,
            events,
            ..egui::RawInput::default()
        };
        let widgets = &self.widgets;
        let (checked, value) = (&mut self.checked, &mut self.value);
        let mut responses = (None, None, None);
        let mut output = self.ctx.run_ui(input, |ui| {
            responses.0 = Some(widgets.button(ui, "Press"));
            responses.1 = Some(widgets.check_box(ui, checked, "Option"));
            responses.2 = Some(widgets.slider(ui, value, 200.0));
        });
        (self.button, self.check, self.slider) = responses;
        self.textures
            .apply(std::mem::take(&mut output.textures_delta));
        let primitives = self.ctx.tessellate(std::mem::take(&mut output.shapes), 1.0);
        let mut canvas = Canvas::new(300, 200);
        canvas.draw(&primitives, &self.textures, 1.0);
        (canvas, output)
    }
}

fn moved(at: egui::Pos2) -> egui::Event {
    egui::Event::PointerMoved(at)
}

fn button(at: egui::Pos2, pressed: bool) -> egui::Event {
    egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    }
}

#[test]
fn hover_press_and_click_change_what_the_theme_sees() {
    let theme = breeze();
    let normal = looks(&theme, Element::new("Button"));
    let hovered = looks(&theme, Element::new("Button").with_state(State::Hovered));
    let pressed = looks(&theme, Element::new("Button").with_state(State::Pressed));
    assert!(
        normal.1 != hovered.1 && normal.0 != pressed.0,
        "Breeze borders a hovered button and fills a pressed one: {normal:?} {hovered:?} {pressed:?}"
    );
    let mut app = App::new();
    app.frame(Vec::new());
    let rect = app.button.as_ref().unwrap().rect;
    let inside = rect.center() + egui::vec2(0.0, rect.height() / 2.0 - 4.0);
    let fill = |canvas: &Canvas| canvas.pixel(inside.x as u32, inside.y as u32);
    let edge = rect.center_top();
    let border = |canvas: &Canvas| canvas.pixel(edge.x as u32, edge.y as u32);
    let (canvas, _) = app.frame(Vec::new());
    assert_eq!((fill(&canvas), border(&canvas)), normal);
    app.frame(vec![moved(inside)]);
    let (canvas, _) = app.frame(Vec::new());
    assert!(app.button.as_ref().unwrap().hovered());
    assert_eq!(border(&canvas), hovered.1, "the hover look");
    app.frame(vec![button(inside, true)]);
    let (canvas, _) = app.frame(Vec::new());
    assert_eq!(fill(&canvas), pressed.0, "the pressed look");

    // A click on the check box toggles it.
    let check = app.check.as_ref().unwrap().rect.left_center() + egui::vec2(6.0, 0.0);
    app.frame(vec![button(inside, false), moved(check)]);
    app.frame(vec![button(check, true)]);
    app.frame(vec![button(check, false)]);
    assert!(app.checked, "clicked on");
    assert!(app.check.as_ref().unwrap().clicked());
}

#[test]
fn a_declared_transition_fades_the_old_look_into_the_new() {
    let theme = breeze();
    let normal = looks(&theme, Element::new("Button")).1;
    let hovered = looks(&theme, Element::new("Button").with_state(State::Hovered)).1;
    let mut app = App::new();
    app.frame(Vec::new());
    let rect = app.button.as_ref().unwrap().rect;
    let edge = rect.center_top();
    let border = |canvas: &Canvas| canvas.pixel(edge.x as u32, edge.y as u32);
    // Breeze declares 0.15 s for the border colour: 50 ms steps.
    app.step = 0.05;
    app.frame(vec![moved(rect.center())]);
    let (canvas, _) = app.frame(Vec::new());
    let midway = border(&canvas);
    assert!(
        midway != normal && midway != hovered,
        "between {normal:?} and {hovered:?}: {midway:?}"
    );
    for _ in 0..6 {
        app.frame(Vec::new());
    }
    let (canvas, _) = app.frame(Vec::new());
    assert_eq!(border(&canvas), hovered, "settled");
}

#[test]
fn dragging_moves_the_slider_and_accesskit_hears_of_the_widgets() {
    let mut app = App::new();
    app.frame(Vec::new());
    let rect = app.slider.as_ref().unwrap().rect;
    let start = rect.left_center() + egui::vec2(2.0, 0.0);
    let end = rect.center();
    app.frame(vec![moved(start)]);
    app.frame(vec![button(start, true)]);
    app.frame(vec![moved(end)]);
    app.frame(vec![button(end, false)]);
    assert!(
        (app.value - 0.5).abs() < 0.1,
        "dragged to the middle: {}",
        app.value
    );

    let (_, output) = app.frame(Vec::new());
    let update = output.platform_output.accesskit_update.unwrap();
    let roles: Vec<egui::Role> = update.nodes.iter().map(|(_, node)| node.role()).collect();
    for role in [egui::Role::Button, egui::Role::CheckBox, egui::Role::Slider] {
        assert!(roles.contains(&role), "{role:?} in {roles:?}");
    }
}

/// Runs one frame of `ui_fn` with `events`.
fn run(ctx: &egui::Context, events: Vec<egui::Event>, ui_fn: &mut dyn FnMut(&mut egui::Ui)) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(400.0, 300.0),
        )),
        time: Some(0.0),
        events,
        ..egui::RawInput::default()
    };
    let mut output = ctx.run_ui(input, |ui| ui_fn(ui));
    output.textures_delta.clear();
}

#[test]
fn a_combo_box_opens_its_menu_and_picks_an_item() {
    let ctx = egui::Context::default();
    let widgets = Widgets::new(breeze(), Context::default(), IconLookup::default());
    let items = ["First", "Second", "Third"];
    let mut selected = 0;
    let mut rect = egui::Rect::NOTHING;
    let frame = |events: Vec<egui::Event>, selected: &mut usize, rect: &mut egui::Rect| {
        run(&ctx, events, &mut |ui| {
            *rect = widgets.combo_box(ui, selected, &items).rect;
        });
    };
    frame(Vec::new(), &mut selected, &mut rect);
    let at = rect.center();
    frame(vec![moved(at), button(at, true)], &mut selected, &mut rect);
    frame(vec![button(at, false)], &mut selected, &mut rect);
    frame(Vec::new(), &mut selected, &mut rect);
    // The menu opens below the box; each item is as tall as a menu item.
    let second = egui::pos2(rect.center().x, rect.bottom() + rect.height() * 1.5);
    frame(
        vec![moved(second), button(second, true)],
        &mut selected,
        &mut rect,
    );
    frame(vec![button(second, false)], &mut selected, &mut rect);
    assert_eq!(selected, 1, "the second item was picked");
}

#[test]
fn a_text_field_takes_typed_text() {
    let ctx = egui::Context::default();
    let widgets = Widgets::new(breeze(), Context::default(), IconLookup::default());
    let mut text = String::new();
    let mut rect = egui::Rect::NOTHING;
    let frame = |events: Vec<egui::Event>, text: &mut String, rect: &mut egui::Rect| {
        run(&ctx, events, &mut |ui| {
            *rect = widgets.text_field(ui, text, 200.0).rect;
        });
    };
    frame(Vec::new(), &mut text, &mut rect);
    let at = rect.center();
    frame(vec![moved(at), button(at, true)], &mut text, &mut rect);
    frame(vec![button(at, false)], &mut text, &mut rect);
    frame(
        vec![egui::Event::Text("Hello".to_owned())],
        &mut text,
        &mut rect,
    );
    assert_eq!(text, "Hello");
}

#[test]
fn a_spin_box_steps_on_its_arrows_and_a_scroll_bar_follows_its_handle() {
    let ctx = egui::Context::default();
    let widgets = Widgets::new(breeze(), Context::default(), IconLookup::default());
    let mut number = 5_i64;
    let mut position = 0.0_f32;
    let mut rects = (egui::Rect::NOTHING, egui::Rect::NOTHING);
    let mut time = 0.0;
    let mut frame = |events: Vec<egui::Event>,
                     number: &mut i64,
                     position: &mut f32,
                     rects: &mut (egui::Rect, egui::Rect)| {
        time += 0.1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(400.0, 300.0),
            )),
            time: Some(time),
            events,
            ..egui::RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            rects.0 = widgets.spin_box(ui, number, 0..=10).rect;
            rects.1 = widgets.scroll_bar(ui, position, 200.0).rect;
        });
        output.textures_delta.clear();
    };
    frame(Vec::new(), &mut number, &mut position, &mut rects);
    // Breeze stacks the arrows at the end: up above, down below.
    let up = egui::pos2(rects.0.right() - 16.0, rects.0.top() + 10.0);
    for pressed in [true, false] {
        frame(
            vec![moved(up), button(up, pressed)],
            &mut number,
            &mut position,
            &mut rects,
        );
    }
    assert_eq!(number, 6, "the up arrow steps once");
    let down = egui::pos2(rects.0.right() - 16.0, rects.0.bottom() - 10.0);
    for pressed in [true, false] {
        frame(
            vec![moved(down), button(down, pressed)],
            &mut number,
            &mut position,
            &mut rects,
        );
    }
    assert_eq!(number, 5, "the down arrow steps back");
    // Drag the scroll bar's handle from the top to the middle.
    let bar = rects.1;
    let start = egui::pos2(bar.center().x, bar.top() + 30.0);
    let end = egui::pos2(bar.center().x, bar.center().y + 30.0);
    let mut step = |events| frame(events, &mut number, &mut position, &mut rects);
    step(vec![moved(start)]);
    step(vec![button(start, true)]);
    step(vec![moved(end)]);
    step(vec![button(end, false)]);
    assert!(position > 0.3 && position < 0.9, "scrolled: {position}");
}

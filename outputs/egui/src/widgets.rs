//! Widgets drawn from the control scene: each allocates the room its scene
//! asks for (or is given), reads its states from egui's `Response`
//! (hovered, pressed, focused, disabled) and its own value (checked, on,
//! value), and paints the scene with [`crate::paint_scene`]. They answer
//! like the stock widgets: the same `Response`, keyboard focus, and
//! accessibility information through `widget_info` (AccessKit).

use crate::icons::Icons;
use crate::measure::EguiMeasure;
use crate::paint::{Gap, paint_scene, paint_scene_faded};
use egui::{Response, Role, Sense, Ui, WidgetInfo};
use std::sync::{Arc, Mutex, PoisonError};
use union_model::icons::IconLookup;
use union_model::scene::{ControlScene, SceneRequest, Scenes};
use union_model::{Context, Element, Query, State, Styler, Theme};

/// A Union theme for egui widgets: holds the query engine, the scenes
/// built before and the query context. Cheap to share by reference.
#[derive(Debug)]
pub struct Widgets {
    styler: Styler,
    context: Mutex<Context>,
    scenes: Mutex<Scenes>,
    icons: Mutex<Icons>,
    gaps: Mutex<Vec<Gap>>,
}

/// A control's transition between two sets of states.
#[derive(Clone, Copy, Debug)]
struct Transition {
    /// The states shown now.
    states: union_model::StateSet,
    /// The states faded out.
    from: union_model::StateSet,
    /// Bumped at each change: the animated value runs from `serial - 1`.
    serial: u32,
}

/// What a control shows besides its states.
#[derive(Clone, Copy, Debug, Default)]
struct Show<'a> {
    text: Option<&'a str>,
    value: f32,
    checked: bool,
    sense_drag: bool,
}

impl Widgets {
    /// Widgets in `theme`, in `context`, with icons found by `icons`.
    pub fn new(theme: Arc<Theme>, context: Context, icons: IconLookup) -> Widgets {
        Widgets {
            styler: Styler::new(theme),
            context: Mutex::new(context),
            scenes: Mutex::new(Scenes::default()),
            icons: Mutex::new(Icons::new(icons)),
            gaps: Mutex::new(Vec::new()),
        }
    }

    /// Restyles every widget with `theme` from the next frame (a reloaded
    /// theme, or the same rules with another palette: then nothing is
    /// matched again).
    pub fn set_theme(&self, theme: Arc<Theme>) {
        self.styler.set_theme(theme);
    }

    /// Changes the query context (direction, colour scheme, …).
    pub fn set_context(&self, context: Context) {
        *self.context.lock().unwrap_or_else(PoisonError::into_inner) = context;
    }

    /// What the theme asked for that the widgets drew otherwise, so far.
    pub fn gaps(&self) -> Vec<Gap> {
        self.gaps
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn context(&self) -> Context {
        *self.context.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn scene(
        &self,
        ui: &Ui,
        element: &Element,
        show: Show<'_>,
        size: Option<egui::Vec2>,
    ) -> Option<Arc<ControlScene>> {
        let chain = vec![Element::new("Window"), element.clone()];
        let query = Query::new(chain, self.context());
        let request = SceneRequest {
            size: size.map(|s| (s.x, s.y)),
            scale: ui.ctx().pixels_per_point(),
            text: show.text,
            value: show.value,
            ..SceneRequest::new(&query)
        };
        let mut icons = self.icons.lock().unwrap_or_else(PoisonError::into_inner);
        let mut measure = EguiMeasure::new(ui.ctx(), &mut icons);
        self.scenes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .build(&self.styler, &request, &mut measure)
            .ok()
    }

    /// Allocates, senses and paints one control; `element` gets the states.
    fn sensed(
        &self,
        ui: &mut Ui,
        mut element: Element,
        show: Show<'_>,
        width: Option<f32>,
    ) -> (Response, Option<Arc<ControlScene>>) {
        let natural = self.scene(ui, &element, show, None);
        let (w, h) = natural.as_ref().map_or((0.0, 0.0), |s| s.size);
        let size = egui::vec2(width.unwrap_or(w), h);
        let sense = if show.sense_drag {
            Sense::click_and_drag()
        } else {
            Sense::click()
        };
        let (rect, response) = ui.allocate_exact_size(size, sense);
        element.set_state(State::Hovered, response.hovered());
        element.set_state(State::Pressed, response.is_pointer_button_down_on());
        element.set_state(State::Focused, response.has_focus());
        element.set_state(State::VisualFocus, response.has_focus());
        element.set_state(State::Disabled, !ui.is_enabled());
        element.set_state(State::Checked, show.checked);
        let scene = self.scene(ui, &element, show, Some(rect.size()));
        if let Some(scene) = &scene {
            self.paint(ui, rect, scene);
            self.transition(ui, response.id, &element, scene, show, rect);
        }
        (response, scene)
    }

    /// A control showing `text`, announced to AccessKit as `role`.
    fn labeled(
        &self,
        ui: &mut Ui,
        control: &str,
        text: &str,
        role: Role,
        (checked, width): (bool, Option<f32>),
    ) -> Response {
        let show = Show {
            text: Some(text),
            checked,
            ..Show::default()
        };
        let (response, _) = self.sensed(ui, Element::new(control), show, width);
        let enabled = ui.is_enabled();
        response.widget_info(|| WidgetInfo::labeled(role, enabled, text));
        response
    }

    /// A push button.
    pub fn button(&self, ui: &mut Ui, text: &str) -> Response {
        self.labeled(ui, "Button", text, Role::Button, (false, None))
    }

    /// A tool button (flat until hovered in most themes).
    pub fn tool_button(&self, ui: &mut Ui, text: &str) -> Response {
        self.labeled(ui, "ToolButton", text, Role::Button, (false, None))
    }

    fn toggle(
        &self,
        ui: &mut Ui,
        control: &str,
        on: &mut bool,
        text: &str,
        kind: Role,
    ) -> Response {
        let show = Show {
            text: Some(text),
            checked: *on,
            ..Show::default()
        };
        let (mut response, _) = self.sensed(ui, Element::new(control), show, None);
        if response.clicked() {
            *on = !*on;
            response.mark_changed();
        }
        let (enabled, checked) = (ui.is_enabled(), *on);
        response.widget_info(|| WidgetInfo::selected(kind, enabled, checked, text));
        response
    }

    /// A check box that toggles `checked`.
    pub fn check_box(&self, ui: &mut Ui, checked: &mut bool, text: &str) -> Response {
        self.toggle(ui, "CheckBox", checked, text, Role::CheckBox)
    }

    /// A switch that toggles `on`.
    pub fn switch(&self, ui: &mut Ui, on: &mut bool, text: &str) -> Response {
        self.toggle(ui, "Switch", on, text, Role::Switch)
    }

    /// A radio button; clicked means the caller selects it.
    pub fn radio_button(&self, ui: &mut Ui, selected: bool, text: &str) -> Response {
        let show = Show {
            text: Some(text),
            checked: selected,
            ..Show::default()
        };
        let (response, _) = self.sensed(ui, Element::new("RadioButton"), show, None);
        let enabled = ui.is_enabled();
        response.widget_info(|| WidgetInfo::selected(Role::RadioButton, enabled, selected, text));
        response
    }

    /// A tab button; `:checked` is the current tab.
    pub fn tab_button(&self, ui: &mut Ui, current: bool, text: &str) -> Response {
        let show = Show {
            text: Some(text),
            checked: current,
            ..Show::default()
        };
        let (response, _) = self.sensed(ui, Element::new("TabButton"), show, None);
        let enabled = ui.is_enabled();
        response.widget_info(|| WidgetInfo::selected(Role::Tab, enabled, current, text));
        response
    }

    /// A horizontal slider for `value` in 0–1, `width` points wide.
    pub fn slider(&self, ui: &mut Ui, value: &mut f32, width: f32) -> Response {
        let element = Element::new("Slider").with_attribute("orientation", "horizontal");
        let show = Show {
            value: *value,
            sense_drag: true,
            ..Show::default()
        };
        let (mut response, scene) = self.sensed(ui, element, show, Some(width));
        if let (Some(pointer), Some(scene)) = (response.interact_pointer_pos(), scene) {
            let (groove, handle) = groove_and_handle(&scene);
            let handle = handle.width;
            let travel = (groove.width - handle).max(1.0);
            let at = pointer.x - response.rect.min.x - groove.x - handle / 2.0;
            let new = (at / travel).clamp(0.0, 1.0);
            if (new - *value).abs() > f32::EPSILON {
                *value = new;
                response.mark_changed();
            }
        }
        let (enabled, shown) = (ui.is_enabled(), f64::from(*value));
        response.widget_info(|| WidgetInfo::slider(enabled, shown, ""));
        response
    }

    /// A spin box for `value` in `range`: the arrows the theme draws step
    /// it by one (and the arrow keys, when focused).
    pub fn spin_box(
        &self,
        ui: &mut Ui,
        value: &mut i64,
        range: std::ops::RangeInclusive<i64>,
    ) -> Response {
        let text = value.to_string();
        let show = Show {
            text: Some(&text),
            ..Show::default()
        };
        let (mut response, scene) = self.sensed(ui, Element::new("SpinBox"), show, None);
        let mut step = 0;
        if let (Some(pointer), Some(scene)) = (response.interact_pointer_pos(), &scene)
            && response.clicked()
        {
            let at = pointer - response.rect.min;
            if let Some(part) = scene.part_at(at.x, at.y) {
                if part.element.to_string() == "Indicator.up" {
                    step = 1;
                } else if part.element.to_string() == "Indicator.down" {
                    step = -1;
                }
            }
        }
        if response.has_focus() {
            ui.input(|i| {
                if i.key_pressed(egui::Key::ArrowUp) {
                    step += 1;
                }
                if i.key_pressed(egui::Key::ArrowDown) {
                    step -= 1;
                }
            });
        }
        let new = value
            .saturating_add(step)
            .clamp(*range.start(), *range.end());
        if new != *value {
            *value = new;
            response.mark_changed();
        }
        let (enabled, shown) = (ui.is_enabled(), *value as f64);
        response.widget_info(|| WidgetInfo::slider(enabled, shown, ""));
        response
    }

    /// A vertical scroll bar `height` points tall for `position` (0–1):
    /// dragging the handle scrolls.
    pub fn scroll_bar(&self, ui: &mut Ui, position: &mut f32, height: f32) -> Response {
        let element = Element::new("ScrollBar")
            .with_attribute("orientation", "vertical")
            .with_attribute("policy", "always-on");
        let show = Show {
            value: *position,
            sense_drag: true,
            ..Show::default()
        };
        let natural = self.scene(ui, &element, show, None);
        let width = natural.as_ref().map_or(12.0, |s| s.size.0);
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::drag());
        let mut element = element;
        element.set_state(State::Hovered, response.hovered());
        element.set_state(State::Pressed, response.is_pointer_button_down_on());
        element.set_state(State::Disabled, !ui.is_enabled());
        let scene = self.scene(ui, &element, show, Some(rect.size()));
        let mut response = response;
        if let Some(scene) = &scene {
            self.paint(ui, rect, scene);
            let (groove, handle) = groove_and_handle(scene);
            let travel = (groove.height - handle.height).max(1.0);
            if response.dragged() {
                let moved = response.drag_delta().y / travel;
                let new = (*position + moved).clamp(0.0, 1.0);
                if (new - *position).abs() > f32::EPSILON {
                    *position = new;
                    response.mark_changed();
                }
            }
        }
        let (enabled, shown) = (ui.is_enabled(), f64::from(*position));
        response.widget_info(|| WidgetInfo::slider(enabled, shown, ""));
        response
    }

    /// A progress bar at `value` (0–1), `width` points wide.
    pub fn progress_bar(&self, ui: &mut Ui, value: f32, width: f32) -> Response {
        let element = Element::new("ProgressBar").with_attribute("orientation", "horizontal");
        let show = Show {
            value,
            ..Show::default()
        };
        let (response, _) = self.sensed(ui, element, show, Some(width));
        response
    }

    /// A label.
    pub fn label(&self, ui: &mut Ui, text: &str) -> Response {
        self.labeled(ui, "Label", text, Role::Label, (false, None))
    }

    /// Any catalogue control in `element` (type, hints, attributes; the
    /// states come from the response), drawn at its implicit size or
    /// `width` points wide: tool tips, menu items, tab bars, separators,
    /// busy indicators… The caller handles what a click means.
    pub fn control(
        &self,
        ui: &mut Ui,
        element: Element,
        text: Option<&str>,
        width: Option<f32>,
    ) -> Response {
        let show = Show {
            text,
            ..Show::default()
        };
        self.sensed(ui, element, show, width).0
    }

    /// A combo box showing `items[*selected]`; a click opens a menu of
    /// the items, each drawn as the theme's `Menu > MenuItem`.
    pub fn combo_box(&self, ui: &mut Ui, selected: &mut usize, items: &[&str]) -> Response {
        let current = items.get(*selected).copied().unwrap_or("");
        let show = Show {
            text: Some(current),
            ..Show::default()
        };
        let popup_id = ui.next_auto_id().with("union-combo-popup");
        let open = egui::Popup::is_id_open(ui.ctx(), popup_id);
        let mut element = Element::new("ComboBox");
        element.set_state(State::Open, open);
        let (mut response, scene) = self.sensed(ui, element, show, None);
        let width = scene.as_ref().map_or(120.0, |s| s.size.0);
        let mut chosen = None;
        egui::Popup::menu(&response).id(popup_id).show(|ui| {
            ui.set_min_width(width);
            for (index, item) in items.iter().enumerate() {
                if self
                    .menu_item(ui, index == *selected, item, width)
                    .clicked()
                {
                    chosen = Some(index);
                }
            }
        });
        if let Some(index) = chosen
            && index != *selected
        {
            *selected = index;
            response.mark_changed();
        }
        let enabled = ui.is_enabled();
        response.widget_info(|| WidgetInfo::labeled(Role::ComboBox, enabled, current));
        response
    }

    fn menu_item(&self, ui: &mut Ui, checked: bool, text: &str, width: f32) -> Response {
        self.labeled(ui, "MenuItem", text, Role::MenuItem, (checked, Some(width)))
    }

    /// A single-line text field: the theme's box, egui's text editing in
    /// the scene's text area (cursor, selection, IME, clipboard).
    pub fn text_field(&self, ui: &mut Ui, text: &mut String, width: f32) -> Response {
        let shown = if text.is_empty() { " " } else { text.as_str() };
        let show = Show {
            text: Some(shown),
            ..Show::default()
        };
        let element = Element::new("TextField");
        let natural = self.scene(ui, &element, show, None);
        let height = natural.as_ref().map_or(24.0, |s| s.size.1);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
        let id = ui.next_auto_id();
        let focused = ui.memory(|m| m.has_focus(id));
        let hovered = ui.rect_contains_pointer(rect);
        let mut element = element;
        element.set_state(State::Hovered, hovered);
        element.set_state(State::Focused, focused);
        element.set_state(State::VisualFocus, focused);
        element.set_state(State::Disabled, !ui.is_enabled());
        let scene = self.scene(ui, &element, show, Some(rect.size()));
        let mut area = rect.shrink(4.0);
        if let Some(scene) = &scene {
            self.paint(ui, rect, scene);
            if let Some(part) = scene.part("Text") {
                let text_rect = part.rect;
                area = egui::Rect::from_min_size(
                    rect.min + egui::vec2(text_rect.x, text_rect.y),
                    egui::vec2(rect.width() - 2.0 * text_rect.x, text_rect.height),
                );
            }
        }
        let color = scene.as_ref().and_then(|s| s.part("Text")).and_then(|p| {
            p.style
                .style
                .text
                .color
                .value()
                .map(|c| crate::look::resolve(&p.style, c, self.styler.theme().palette()))
        });
        let edit = egui::TextEdit::singleline(text)
            .id(id)
            .frame(egui::Frame::NONE)
            .margin(egui::Margin::ZERO)
            .desired_width(area.width());
        let edit = match color {
            Some(color) => edit.text_color(color),
            None => edit,
        };
        ui.put(area, edit)
    }

    /// A frame (`Frame`, or `GroupBox` with a title) around `content`,
    /// which is laid out inside the scene's content area.
    pub fn frame<R>(
        &self,
        ui: &mut Ui,
        element: &Element,
        title: Option<&str>,
        size: egui::Vec2,
        content: impl FnOnce(&mut Ui) -> R,
    ) -> R {
        let show = Show {
            text: title,
            ..Show::default()
        };
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        let scene = self.scene(ui, element, show, Some(size));
        let mut inner = rect.shrink(8.0);
        if let Some(scene) = &scene {
            self.paint(ui, rect, scene);
            let padding = &scene.style.style.layout.padding;
            let top = scene
                .parts
                .iter()
                .filter(|p| p.kind() == "Text" || p.kind() == "Header")
                .map(|p| p.rect.bottom())
                .fold(crate::look::px(&padding.top), f32::max);
            inner = egui::Rect::from_min_max(
                rect.min + egui::vec2(crate::look::px(&padding.left), top),
                rect.max
                    - egui::vec2(
                        crate::look::px(&padding.right),
                        crate::look::px(&padding.bottom),
                    ),
            );
        }
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
        content(&mut child)
    }

    /// The theme's `transition`: when the control's states change, its
    /// previous look fades out over the new one for the longest declared
    /// duration (a cross-fade of the whole control, not a per-property
    /// interpolation), driven by `ctx.animate_value_with_time`.
    fn transition(
        &self,
        ui: &Ui,
        id: egui::Id,
        element: &Element,
        scene: &ControlScene,
        show: Show<'_>,
        rect: egui::Rect,
    ) {
        let duration = scene
            .style
            .style
            .transition
            .entries
            .value()
            .map_or(0.0, |list| {
                list.0
                    .iter()
                    .map(|t| t.duration + t.delay)
                    .fold(0.0, f32::max)
            });
        if duration <= 0.0 {
            return;
        }
        let key = id.with("union-transition");
        let states = element.states();
        let mut state = ui
            .ctx()
            .data(|d| d.get_temp::<Transition>(key))
            .unwrap_or(Transition {
                states,
                from: states,
                serial: 0,
            });
        if state.states != states {
            state = Transition {
                states,
                from: state.states,
                serial: state.serial + 1,
            };
            ui.ctx().data_mut(|d| d.insert_temp(key, state));
        } else if state.serial == 0 {
            ui.ctx().data_mut(|d| d.insert_temp(key, state));
        }
        let value = ui
            .ctx()
            .animate_value_with_time(key, state.serial as f32, duration);
        let done = (value - (state.serial as f32 - 1.0)).clamp(0.0, 1.0);
        if done >= 1.0 || state.from == states {
            return;
        }
        let before = element.clone().with_states(state.from);
        if let Some(old) = self.scene(ui, &before, show, Some(rect.size())) {
            let palette = self.styler.theme().palette().clone();
            let mut icons = self.icons.lock().unwrap_or_else(PoisonError::into_inner);
            paint_scene_faded(
                ui.painter(),
                rect.min,
                &old,
                &palette,
                &mut icons,
                1.0 - done,
            );
        }
    }

    /// Paints `scene` at `rect` and remembers its gaps.
    fn paint(&self, ui: &Ui, rect: egui::Rect, scene: &ControlScene) {
        if !ui.is_rect_visible(rect) {
            return;
        }
        let palette = self.styler.theme().palette().clone();
        let mut icons = self.icons.lock().unwrap_or_else(PoisonError::into_inner);
        let gaps = paint_scene(ui.painter(), rect.min, scene, &palette, &mut icons);
        let mut known = self.gaps.lock().unwrap_or_else(PoisonError::into_inner);
        for gap in gaps {
            if !known.contains(&gap) {
                known.push(gap);
            }
        }
    }
}

/// Where a range control's handle travels: its groove (the whole control
/// when it has none) and its handle (empty when it has none).
fn groove_and_handle(
    scene: &ControlScene,
) -> (union_model::geometry::Rect, union_model::geometry::Rect) {
    (
        scene.part("Groove").map_or(scene.rect(), |p| p.rect),
        scene.part("Handle").map(|p| p.rect).unwrap_or_default(),
    )
}

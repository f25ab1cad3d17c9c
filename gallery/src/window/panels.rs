//! The gallery window's panels: the toolbar (theme picker and switches),
//! the diagnostics list and the inspector.

use super::app::Gallery;
use crate::cells::{BACKENDS, Settings};
use crate::inspect::Origin;
use crate::live::Status;
use crate::themes::ThemeKind;
use eframe::egui::{self, Color32, RichText};
use union_model::{ColorScheme, Diagnostic, Direction, Severity};

const ERROR: Color32 = Color32::from_rgb(218, 68, 83);
const WARNING: Color32 = Color32::from_rgb(246, 116, 0);

/// Theme picker, open-a-path field, switches and backend selector.
pub(super) fn toolbar(gallery: &mut Gallery, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        theme_picker(gallery, ui);
        ui.separator();
        let edit = ui.add(
            egui::TextEdit::singleline(&mut gallery.open_path)
                .hint_text("theme file or folder (or drop one here)")
                .desired_width(220.0),
        );
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Open").clicked() || enter) && !gallery.open_path.trim().is_empty() {
            let path = gallery.open_path.trim().to_owned();
            gallery.switch_theme(&path);
        }
        ui.separator();
        status(gallery, ui);
    });
    ui.horizontal_wrapped(|ui| {
        let settings = &mut gallery.settings;
        ui.label("Scale");
        for scale in Settings::SCALES {
            ui.selectable_value(&mut settings.scale, scale, format!("{scale}×"));
        }
        ui.separator();
        ui.selectable_value(&mut settings.scheme, ColorScheme::Light, "Light");
        ui.selectable_value(&mut settings.scheme, ColorScheme::Dark, "Dark");
        ui.separator();
        ui.selectable_value(&mut settings.direction, Direction::Ltr, "LTR");
        ui.selectable_value(&mut settings.direction, Direction::Rtl, "RTL");
        ui.separator();
        ui.checkbox(&mut settings.touch, "Touch");
        ui.separator();
        ui.label("Backends");
        for ((name, available), shown) in BACKENDS.iter().zip(gallery.backends.iter_mut()) {
            ui.add_enabled(*available, egui::Checkbox::new(shown, *name))
                .on_disabled_hover_text(format!("the {name} output is not built yet"));
        }
    });
}

fn theme_picker(gallery: &mut Gallery, ui: &mut egui::Ui) {
    let current = gallery.live.theme().name().to_owned();
    let mut chosen = None;
    egui::ComboBox::from_id_salt("theme-picker")
        .selected_text(format!("Theme: {current}"))
        .width(220.0)
        .show_ui(ui, |ui| {
            let kinds = [
                (ThemeKind::Css, "Union themes", ""),
                (ThemeKind::Plasma, "Plasma themes", "plasma:"),
            ];
            for (kind, heading, prefix) in kinds {
                let entries: Vec<_> = gallery.themes.iter().filter(|e| e.kind == kind).collect();
                if entries.is_empty() {
                    continue;
                }
                if kind == ThemeKind::Plasma {
                    ui.separator();
                }
                ui.label(RichText::new(heading).small().weak());
                for entry in entries {
                    let selected = current == format!("{prefix}{}", entry.name);
                    if ui
                        .selectable_label(selected, &entry.name)
                        .on_hover_text(entry.path.display().to_string())
                        .clicked()
                    {
                        chosen = Some(entry.path.display().to_string());
                    }
                }
            }
        });
    if let Some(path) = chosen {
        gallery.switch_theme(&path);
    }
}

fn status(gallery: &Gallery, ui: &mut egui::Ui) {
    match gallery.live.status() {
        Status::Current => {
            ui.label(RichText::new("theme loaded").color(Color32::from_rgb(39, 174, 96)));
        }
        Status::Broken(problems) => {
            ui.label(
                RichText::new(format!(
                    "last edit broken ({} problem{}): showing the last good theme",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                ))
                .color(ERROR),
            );
        }
    }
    ui.label(RichText::new(format!("reloads: {}", gallery.live.reloads())).weak());
}

/// The diagnostics of the theme (or of the refused edit), clickable: a
/// click shows the source around the location and copies `file:line:col`.
pub(super) fn diagnostics(gallery: &mut Gallery, ui: &mut egui::Ui) {
    if let Some(message) = &gallery.message {
        ui.colored_label(ERROR, message);
    }
    let diagnostics: Vec<Diagnostic> = gallery.live.diagnostics().to_vec();
    if diagnostics.is_empty() {
        return;
    }
    let heading = match gallery.live.status() {
        Status::Broken(_) => "The last edit did not load — the window shows the last good theme:",
        Status::Current => "Warnings:",
    };
    ui.label(RichText::new(heading).strong());
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (index, diagnostic) in diagnostics.iter().enumerate() {
            let color = match diagnostic.severity {
                Severity::Error => ERROR,
                Severity::Warning => WARNING,
                _ => ui.visuals().text_color(),
            };
            let selected = gallery.selected_diagnostic == Some(index);
            let text = RichText::new(diagnostic.to_string())
                .monospace()
                .color(color);
            if ui.selectable_label(selected, text).clicked() {
                gallery.selected_diagnostic = Some(index);
                if let Some(location) = &diagnostic.location {
                    ui.ctx().copy_text(location.to_string());
                }
            }
            if selected && let Some(location) = &diagnostic.location {
                ui.label(RichText::new(excerpt(location)).monospace().weak());
            }
        }
    });
}

/// The lines around a location, with a caret under the column.
fn excerpt(location: &union_model::SourceLocation) -> String {
    let Ok(text) = std::fs::read_to_string(&location.file) else {
        return format!("({} cannot be read)", location.file.display());
    };
    let line = location.line.max(1) as usize;
    let mut out = String::new();
    for (number, content) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if number + 2 < line || number > line + 1 {
            continue;
        }
        out.push_str(&format!("{number:>5} | {content}\n"));
        if number == line {
            let caret = " ".repeat(location.column.saturating_sub(1) as usize);
            out.push_str(&format!("      | {caret}^\n"));
        }
    }
    out
}

/// The inspected element: its chain, the rules that matched (winning
/// first) and every resolved property with the rule it came from.
pub(super) fn inspector(gallery: &mut Gallery, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.heading("Inspector");
        if ui.button("Close").clicked() {
            gallery.inspection = None;
        }
    });
    let Some(inspection) = gallery.inspection.clone() else {
        return;
    };
    ui.label(RichText::new(&inspection.element).monospace().strong());
    egui::ScrollArea::both().show(ui, |ui| {
        ui.add_space(6.0);
        ui.label(RichText::new("Matched rules, winning first").strong());
        if inspection.rules.is_empty() {
            ui.label("(none)");
        }
        for (index, rule) in inspection.rules.iter().enumerate() {
            let [a, b, c] = rule.specificity;
            let important = if rule.important { " !important" } else { "" };
            ui.label(
                RichText::new(format!(
                    "#{} {}{important}  ({a},{b},{c})",
                    index + 1,
                    rule.selector
                ))
                .monospace(),
            );
            if let Some(source) = &rule.source {
                ui.label(
                    RichText::new(format!("    {}", short(source)))
                        .small()
                        .weak(),
                )
                .on_hover_text(source.to_string());
            }
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Resolved properties").strong());
        egui::Grid::new("inspector-properties")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for property in &inspection.properties {
                    ui.label(RichText::new(property.name).monospace());
                    ui.label(RichText::new(&property.value).monospace());
                    let origin = match &property.origin {
                        Origin::Rule(index) => format!(
                            "rule #{}{}",
                            index + 1,
                            inspection
                                .rules
                                .get(*index)
                                .and_then(|r| r.source.as_ref())
                                .map_or_else(String::new, |s| format!(" {}", short(s)))
                        ),
                        Origin::Inherited { element, rule } => format!(
                            "inherited from {element} ({}{})",
                            rule.selector,
                            rule.source
                                .as_ref()
                                .map_or_else(String::new, |s| format!(" {}", short(s)))
                        ),
                        Origin::Initial => "initial".to_owned(),
                    };
                    ui.label(RichText::new(origin).small().weak());
                    ui.end_row();
                }
            });
    });
}

/// `buttons.css:50:3`: the file's name, not its whole path.
fn short(location: &union_model::SourceLocation) -> String {
    let name = location.file.file_name().map_or_else(
        || location.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!("{name}:{}:{}", location.line, location.column)
}

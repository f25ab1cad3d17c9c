//! One-line adoption: a Union theme mapped onto egui's `Style` and
//! `Visuals`, so stock egui widgets take the theme.
//!
//! Each egui look is read from the catalogue control it stands for:
//!
//! | egui | Union query (inside `Window`) |
//! |---|---|
//! | `widgets.inactive` / `hovered` / `active` | `Button`, `Button:hover`, `Button:active` |
//! | `widgets.open` | `ComboBox:open` |
//! | `widgets.noninteractive` | `Frame` (its border), `Label` (its text) |
//! | `panel_fill` | `Window` background |
//! | `window_*` | `Dialog` background, border, corners, first shadow |
//! | `menu_corner_radius`, `popup_shadow` | `Menu` |
//! | `selection` | `ItemDelegate:selected` background and text |
//! | `extreme_bg_color`, `text_edit_bg_color` | `TextField` background |
//! | `spacing.button_padding`, `interact_size` | `Button` padding and size |
//! | `spacing.icon_width` | `CheckBox > Indicator` width |
//! | `handle_shape` | `Slider > Handle`: a circle when its corners make one |
//! | `slider_trailing_fill` | whether `Slider > Fill` draws |
//! | `spacing.scroll.bar_width` | `ScrollBar[orientation=vertical]` width |
//! | text styles `Body`, `Button`, `Heading`, `Small` | `Label`, `Button`, `Label.heading`, `Label.secondary` font sizes |
//!
//! What `Style` cannot express is returned as [`Capabilities::gaps`]: per-side
//! borders, gradients and images, inset or several shadows, elliptical
//! radii, focus looks (egui shows focus as its active look), frames.

use crate::look::{color32, corner_radius, is_elliptical, px, radii};
use crate::paint::{Gap, font_size};
use egui::{Color32, CornerRadius, Stroke, TextStyle};
use std::sync::Arc;
use union_model::geometry::Rect;
use union_model::values::{Image, LineStyle};
use union_model::{ComputedStyle, Element, Palette, Query, State, Styler, Theme};

/// What applying a theme could not express in egui's `Style`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Capabilities {
    /// One entry per element and property, sorted.
    pub gaps: Vec<Gap>,
}

/// The theme's looks for one element, as egui takes them.
struct Look {
    style: Arc<ComputedStyle>,
    fill: Color32,
    stroke: Stroke,
    radius: CornerRadius,
    text: Color32,
}

struct Reader<'a> {
    styler: &'a Styler,
    palette: &'a Palette,
    context: union_model::Context,
    gaps: Vec<Gap>,
}

impl Reader<'_> {
    fn query(&self, element: Element) -> Arc<ComputedStyle> {
        let chain = vec![Element::new("Window"), element];
        self.styler.query(&Query::new(chain, self.context))
    }

    fn color(&self, style: &ComputedStyle, color: Option<&union_model::values::Color>) -> Color32 {
        color.map_or(Color32::TRANSPARENT, |c| {
            color32(style.resolve_color(c, self.palette))
        })
    }

    fn gap(&mut self, element: &str, property: &'static str, instead: &'static str) {
        self.gaps.push(Gap {
            element: element.to_owned(),
            property,
            instead,
        });
    }

    /// `element`'s look; what egui cannot take is noted.
    fn look(&mut self, element: Element) -> Look {
        let name = element.to_string();
        let style = self.query(element);
        let s = &style.style;
        let fill = self.color(&style, s.background.color.value());
        let border = &s.border;
        let sides = [&border.top, &border.right, &border.bottom, &border.left];
        let width = |side: &union_model::LineProps| {
            if matches!(side.style.value(), None | Some(LineStyle::None)) {
                0.0
            } else {
                px(&side.width)
            }
        };
        let colors: Vec<Color32> = sides
            .iter()
            .map(|side| self.color(&style, side.color.value()))
            .collect();
        let widths: Vec<f32> = sides.iter().map(|side| width(side)).collect();
        if widths.iter().any(|w| *w != widths[0]) || colors.iter().any(|c| *c != colors[0]) {
            self.gap(
                &name,
                "border",
                "egui strokes all sides alike: the top side is used",
            );
        }
        let stroke = Stroke::new(widths[0], colors[0]);
        // egui radii are per widget look, not per size: resolved for a
        // 100 × 30 box (percentages would differ per widget).
        let resolved = radii(s, Rect::new(0.0, 0.0, 100.0, 30.0));
        if is_elliptical(&resolved) {
            self.gap(
                &name,
                "border-radius",
                "circular corners (the smaller radius)",
            );
        }
        match s.background.image.value() {
            Some(Image::SvgFrame(_) | Image::SvgElement(_) | Image::Url(_)) => self.gap(
                &name,
                "background-image",
                "images are not part of egui's Style",
            ),
            Some(_) => self.gap(
                &name,
                "background-image",
                "gradients are not part of egui's Style: the background colour is used",
            ),
            None => {}
        }
        if s.border_image.source.value().is_some() {
            self.gap(
                &name,
                "border-image-source",
                "frames are not part of egui's Style",
            );
        }
        let text = self.color(&style, s.text.color.value());
        Look {
            radius: corner_radius(&resolved),
            style,
            fill,
            stroke,
            text,
        }
    }

    fn shadow(&mut self, name: &str, style: &ComputedStyle) -> egui::Shadow {
        let Some(layers) = style.style.shadow.layers.value() else {
            return egui::Shadow::NONE;
        };
        if layers.0.len() > 1 {
            self.gap(name, "box-shadow", "egui has one shadow: the first is used");
        }
        let Some(first) = layers.0.iter().find(|s| !s.inset) else {
            if !layers.0.is_empty() {
                self.gap(
                    name,
                    "box-shadow",
                    "inset shadows are not part of egui's Style",
                );
            }
            return egui::Shadow::NONE;
        };
        let length = |l: union_model::values::Length| l.px().unwrap_or(0.0);
        egui::Shadow {
            offset: [
                length(first.x).round().clamp(-128.0, 127.0) as i8,
                length(first.y).round().clamp(-128.0, 127.0) as i8,
            ],
            blur: length(first.blur).round().clamp(0.0, 255.0) as u8,
            spread: length(first.spread).round().clamp(0.0, 255.0) as u8,
            color: self.color(style, Some(&first.color)),
        }
    }
}

fn widget_visuals(look: &Look) -> egui::style::WidgetVisuals {
    egui::style::WidgetVisuals {
        bg_fill: look.fill,
        weak_bg_fill: look.fill,
        bg_stroke: look.stroke,
        corner_radius: look.radius,
        fg_stroke: Stroke::new(1.0, look.text),
        expansion: 0.0,
    }
}

/// `base` with the theme's looks, as egui's `Style` takes them, and what it
/// could not express.
pub fn style_for(
    styler: &Styler,
    context: &union_model::Context,
    base: &egui::Style,
) -> (egui::Style, Capabilities) {
    let theme = styler.theme();
    let mut reader = Reader {
        styler,
        palette: theme.palette(),
        context: *context,
        gaps: Vec::new(),
    };
    let mut style = base.clone();
    let button = reader.look(Element::new("Button"));
    let hovered = reader.look(Element::new("Button").with_state(State::Hovered));
    let active = reader.look(Element::new("Button").with_state(State::Pressed));
    let open = reader.look(Element::new("ComboBox").with_state(State::Open));
    let frame = reader.look(Element::new("Frame"));
    let label = reader.look(Element::new("Label"));
    let window = reader.look(Element::new("Window"));
    let dialog = reader.look(Element::new("Dialog"));
    let menu = reader.look(Element::new("Menu"));
    let selected = reader.look(Element::new("ItemDelegate").with_state(State::Selected));
    let field = reader.look(Element::new("TextField"));
    let focused = reader.query(Element::new("Button").with_state(State::VisualFocus));
    if focused
        .style
        .outline
        .top
        .style
        .value()
        .is_some_and(|s| *s != LineStyle::None)
    {
        reader.gap(
            "Button:focus-visible",
            "outline",
            "egui shows keyboard focus as the active look",
        );
    }
    let visuals = &mut style.visuals;
    visuals.dark_mode = context.color_scheme == union_model::ColorScheme::Dark;
    visuals.widgets.inactive = widget_visuals(&button);
    visuals.widgets.hovered = widget_visuals(&hovered);
    visuals.widgets.active = widget_visuals(&active);
    visuals.widgets.open = widget_visuals(&open);
    let mut still = widget_visuals(&frame);
    still.fg_stroke = Stroke::new(1.0, label.text);
    still.bg_fill = window.fill;
    still.weak_bg_fill = window.fill;
    visuals.widgets.noninteractive = still;
    visuals.panel_fill = window.fill;
    visuals.window_fill = if dialog.fill.a() > 0 {
        dialog.fill
    } else {
        window.fill
    };
    visuals.window_stroke = dialog.stroke;
    visuals.window_corner_radius = dialog.radius;
    visuals.window_shadow = reader.shadow("Dialog", &dialog.style);
    visuals.menu_corner_radius = menu.radius;
    visuals.popup_shadow = reader.shadow("Menu", &menu.style);
    visuals.selection.bg_fill = selected.fill;
    visuals.selection.stroke = Stroke::new(1.0, selected.text);
    visuals.extreme_bg_color = field.fill;
    visuals.text_edit_bg_color = Some(field.fill);
    let layout = &button.style.style.layout;
    style.spacing.button_padding = egui::vec2(px(&layout.padding.left), px(&layout.padding.top));
    let min_height = px(&layout.min_height).max(px(&layout.height));
    if min_height > 0.0 {
        style.spacing.interact_size.y = min_height;
    }
    let indicator = {
        let chain = vec![
            Element::new("Window"),
            Element::new("CheckBox"),
            Element::new("Indicator"),
        ];
        styler.query(&Query::new(chain, *context))
    };
    let width = px(&indicator.style.layout.width);
    if width > 0.0 {
        style.spacing.icon_width = width;
        style.spacing.icon_width_inner = width / 2.0;
    }
    let bar = reader.query(Element::new("ScrollBar").with_attribute("orientation", "vertical"));
    let bar_width = px(&bar.style.layout.width);
    if bar_width > 0.0 {
        style.spacing.scroll.bar_width = bar_width;
    }
    // Slider handles: round when their corners make a circle.
    let handle = {
        let chain = vec![
            Element::new("Window"),
            Element::new("Slider").with_attribute("orientation", "horizontal"),
            Element::new("Handle"),
        ];
        styler.query(&Query::new(chain, *context))
    };
    let (w, h) = (
        px(&handle.style.layout.width),
        px(&handle.style.layout.height),
    );
    if w > 0.0 && h > 0.0 {
        let corner = radii(&handle.style, Rect::new(0.0, 0.0, w, h)).0[0];
        style.visuals.handle_shape = if corner.0 >= w / 2.0 - 0.5 && corner.1 >= h / 2.0 - 0.5 {
            egui::style::HandleShape::Circle
        } else {
            egui::style::HandleShape::Rect {
                aspect_ratio: w / h,
            }
        };
    }
    // A slider fills its groove up to the handle when the theme draws a fill.
    let fill = {
        let chain = vec![
            Element::new("Window"),
            Element::new("Slider").with_attribute("orientation", "horizontal"),
            Element::new("Fill"),
        ];
        styler.query(&Query::new(chain, *context))
    };
    style.visuals.slider_trailing_fill = fill.style.background.color.value().is_some()
        || fill.style.background.image.value().is_some();
    let heading = reader.query(Element::new("Label").with_hint("heading"));
    let secondary = reader.query(Element::new("Label").with_hint("secondary"));
    for (text_style, source) in [
        (TextStyle::Body, &label.style),
        (TextStyle::Button, &button.style),
        (TextStyle::Heading, &heading),
        (TextStyle::Small, &secondary),
    ] {
        style.text_styles.insert(
            text_style,
            egui::FontId::proportional(font_size(&source.style)),
        );
    }
    reader.gaps.sort();
    reader.gaps.dedup();
    (style, Capabilities { gaps: reader.gaps })
}

/// What was applied last to a context: a theme generation and context.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Applied {
    generation: u64,
    context: union_model::Context,
}

/// Applies `theme` in `context` to both of `ctx`'s styles (light and dark):
/// stock egui widgets take the theme's looks. Costs nothing when the same
/// theme and context were applied last; a palette change
/// (`Theme::with_palette`, same rules) is applied again.
pub fn apply(
    ctx: &egui::Context,
    theme: &Arc<Theme>,
    context: &union_model::Context,
) -> Capabilities {
    apply_with_fonts(ctx, theme, context, &crate::fonts::font_dirs())
}

/// [`apply`], finding the theme's font in `font_dirs` only (none: egui's
/// own font, as reproducible tests want).
pub fn apply_with_fonts(
    ctx: &egui::Context,
    theme: &Arc<Theme>,
    context: &union_model::Context,
    font_dirs: &[std::path::PathBuf],
) -> Capabilities {
    let id = egui::Id::unique("union-egui-applied");
    let key = (
        Applied {
            generation: theme.generation(),
            context: *context,
        },
        Arc::as_ptr(theme) as usize,
    );
    let cached = ctx.data(|d| d.get_temp::<((Applied, usize), Capabilities)>(id));
    if let Some((applied, capabilities)) = cached
        && applied == key
    {
        return capabilities;
    }
    let styler = Styler::new(Arc::clone(theme));
    let (style, mut capabilities) = style_for(&styler, context, &ctx.global_style());
    ctx.all_styles_mut(|s| *s = style.clone());
    // The theme's font, when its file is found.
    let label = {
        let chain = vec![Element::new("Window"), Element::new("Label")];
        styler.query(&Query::new(chain, *context))
    };
    let family = label
        .style
        .text
        .font_family
        .value()
        .and_then(|f| f.0.first().cloned());
    if let Some(family) = family {
        match crate::fonts::find_family(&family, font_dirs) {
            Some(path) if crate::fonts::use_font_file(ctx, &path) => {}
            _ => capabilities.gaps.push(Gap {
                element: "Label".to_owned(),
                property: "font-family",
                instead: "the family's file was not found: egui's own font",
            }),
        }
    }
    ctx.data_mut(|d| d.insert_temp(id, (key, capabilities.clone())));
    capabilities
}

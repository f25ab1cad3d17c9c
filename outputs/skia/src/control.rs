//! Whole controls: the control's box plus its sub-elements (text, icon,
//! indicator, handle, groove, fill, header, footer), each queried as a child
//! element (`… > Button > Icon`) and placed by [`union_model::layout`].
//!
//! Range controls (sliders, progress and scroll bars) and switches place
//! their handle, groove and fill by value, as a toolkit would: see
//! [`crate::behaviour`].

use crate::behaviour;
use crate::geometry::Box2;
use crate::images::Images;
use crate::paint::{Canvas, RenderError, fade, opacity, paint_element};
use crate::prepared::{Kept, Lookup, Prepared};
use crate::text::{Fonts, TextLayout, TextStyle};
use std::path::PathBuf;
use std::sync::Arc;
use tiny_skia::Pixmap;
use union_model::catalogue;
use union_model::layout::{AlignmentSource, LayoutInput, LayoutItem, Rect, layout};
use union_model::values::Length;
use union_model::{ComputedStyle, Element, Palette, Query, Slot, Style, Styler};

/// What to draw: an element (the last of the query's chain), its size and
/// the device scale.
#[derive(Clone, Debug)]
pub struct Scene<'a> {
    /// The element and its context.
    pub query: &'a Query,
    /// Border-box size in logical px; `None` for the control's implicit size.
    pub size: Option<(f32, f32)>,
    /// Device pixels per logical pixel.
    pub scale: f32,
    /// Transparent room around the box (logical px) for shadows and outlines.
    pub margin: f32,
    /// The control's text; `None` draws a sample label for controls that show text.
    pub text: Option<&'a str>,
    /// Value of range controls, 0 to 1.
    pub value: f32,
    /// The control's icon, a freedesktop icon name, as an application sets
    /// one; used when the style names none.
    pub icon: Option<&'a str>,
}

impl<'a> Scene<'a> {
    /// A scene at scale 1, implicit size, margin 0, sample text, value 0.5,
    /// no icon.
    pub fn new(query: &'a Query) -> Self {
        Scene {
            query,
            size: None,
            scale: 1.0,
            margin: 0.0,
            text: None,
            value: 0.5,
            icon: None,
        }
    }
}

/// A drawn element.
#[derive(Debug)]
pub struct Rendered {
    /// `(W + 2·margin)·scale × (H + 2·margin)·scale` device pixels.
    pub pixmap: Pixmap,
    /// The border-box size drawn, logical px.
    pub size: (f32, f32),
    /// The sub-elements drawn, in paint order (the last one is on top).
    pub parts: Arc<[PlacedPart]>,
}

/// A sub-element and where it was drawn: for hit testing (the gallery's
/// inspector) and for outputs that place native widgets where we drew.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedPart {
    /// The sub-element as queried (type and hint, e.g. `Indicator.up`).
    pub element: Element,
    /// Its border box in logical px, relative to the control's border box.
    pub rect: Rect,
}

/// Draws elements: holds the fonts and the image cache.
#[derive(Debug)]
pub struct Renderer {
    /// The fonts text is drawn with.
    pub fonts: Fonts,
    /// Image and icon lookup.
    pub images: Images,
    shadows: crate::shadow::Cache,
    /// Controls laid out before.
    kept: Kept,
    /// Sub-element elements by type and hint (catalogue names, found by
    /// address), made once: they are the same for every control.
    part_elements: Vec<((&'static str, &'static str), Element)>,
}

/// What a part draws.
pub(crate) enum Content {
    /// A box (and its own icon, if it names one).
    Box,
    /// Text.
    Text(Box<TextLayout>),
    /// An icon file.
    Icon(PathBuf),
}

/// One sub-element of a control.
pub(crate) struct Part {
    pub(crate) kind: &'static str,
    /// The hint telling parts of one type apart (`up`, `first`), or "".
    pub(crate) hint: &'static str,
    pub(crate) style: Arc<ComputedStyle>,
    pub(crate) content: Content,
    pub(crate) item: LayoutItem,
    pub(crate) rect: Rect,
}

fn px(slot: &Slot<Length>) -> Option<f32> {
    slot.value()
        .and_then(|l| l.px())
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// Whether a sub-element's style draws anything (or takes room).
fn is_drawn(style: &Style) -> bool {
    let border = &style.border;
    let line = |w: &Slot<Length>| px(w).is_some_and(|w| w > 0.0);
    style.background.color.value().is_some()
        || style.background.image.value().is_some()
        || style.border_image.source.value().is_some()
        || [&border.top, &border.right, &border.bottom, &border.left]
            .iter()
            .any(|side| line(&side.width))
        || style.icon.name.value().is_some()
        || style.icon.source.value().is_some()
        || style.shadow.layers.value().is_some()
        || px(&style.layout.width).is_some()
        || px(&style.layout.height).is_some()
}

/// The label drawn when the scene gives none.
fn sample_text(control: &str) -> &str {
    match control {
        "TextField" => "Text",
        "TextArea" => "Some text\nover two lines",
        "ComboBox" => "Choice",
        "SpinBox" => "42",
        "ProgressBar" | "Slider" | "RangeSlider" | "ScrollBar" | "BusyIndicator" => "",
        "ToolTip" => "A tool tip",
        "CheckBox" | "RadioButton" | "Switch" | "CheckDelegate" => "Option",
        "ItemDelegate" => "Item",
        other => other,
    }
}

/// Sub-element hints a control has several parts of one type for.
fn part_hints(control: &str, sub: &str) -> &'static [&'static str] {
    match (control, sub) {
        ("SpinBox" | "ScrollBar", "Indicator") => &["up", "down"],
        ("RangeSlider", "Handle") => &["first", "second"],
        _ => &[""],
    }
}

impl Renderer {
    /// A renderer with the deterministic font set and the bundled fallback
    /// icons in `icon_dirs` only.
    pub fn new(fonts: Fonts, images: Images) -> Self {
        Renderer {
            fonts,
            images,
            shadows: crate::shadow::Cache::default(),
            kept: Kept::default(),
            part_elements: Vec::new(),
        }
    }

    /// Forgets the controls' kept layouts: each control is styled, measured
    /// and placed again at its next draw (a first frame's cost; other
    /// caches, of glyphs, shapes and shadows, stay).
    pub fn forget_layouts(&mut self) {
        self.kept.clear();
    }

    /// Draws the scene's element: a catalogue control with its
    /// sub-elements, any other element type as just its box.
    ///
    /// A control drawn before with the same computed style and scene is not
    /// laid out again (see `prepared.rs`): drawing it is painting only.
    pub fn render(
        &mut self,
        styler: &Styler,
        palette: &Palette,
        scene: &Scene<'_>,
    ) -> Result<Rendered, RenderError> {
        let scale = scene.scale;
        let margin = scene.margin;
        if !(scale.is_finite() && scale > 0.0 && margin.is_finite() && margin >= 0.0) {
            return Err(RenderError::InvalidSize);
        }
        let control = styler.query(scene.query);
        let lookup = Lookup {
            scene,
            fonts: self.fonts.instance(),
            images: self.images.instance(),
        };
        let prepared = match self.kept.find(&control, &lookup) {
            Some(prepared) => prepared,
            None => self.prepare(styler, &lookup, control)?,
        };
        let size = prepared.size;
        let width = ((size.0 + 2.0 * margin) * scale).ceil();
        let height = ((size.1 + 2.0 * margin) * scale).ceil();
        if width > crate::MAX_SIDE as f32 || height > crate::MAX_SIDE as f32 {
            return Err(RenderError::TooLarge(width as u32, height as u32));
        }
        let mut pixmap = Pixmap::new((width as u32).max(1), (height as u32).max(1))
            .ok_or(RenderError::InvalidSize)?;
        let device = |r: Rect| snap(r, margin, scale);
        paint_element(
            Canvas {
                pixmap: &mut pixmap,
                clear: true,
            },
            &prepared.control,
            palette,
            device(Rect {
                x: 0.0,
                y: 0.0,
                width: size.0,
                height: size.1,
            }),
            scale,
            &mut self.images,
            &mut self.shadows,
        );
        for part in &prepared.parts {
            self.paint_part(&mut pixmap, part, palette, device(part.rect), scale);
        }
        fade(&mut pixmap, opacity(&prepared.control.style));
        Ok(Rendered {
            pixmap,
            size,
            parts: Arc::clone(&prepared.placed),
        })
    }

    /// Styles the control's sub-elements, measures them and places them
    /// in the control's border box; keeps the result.
    fn prepare(
        &mut self,
        styler: &Styler,
        lookup: &Lookup<'_, '_>,
        control: Arc<ComputedStyle>,
    ) -> Result<Arc<Prepared>, RenderError> {
        let scene = lookup.scene;
        let scale = scene.scale;
        let Some(target) = scene.query.target() else {
            return Err(RenderError::InvalidSize);
        };
        let info = catalogue::control(target.type_name());
        let direction = scene.query.context().direction;
        let mut parts = match info {
            Some(info) => self.parts(styler, scene, &control, info, scale),
            None => Vec::new(),
        };
        let mut input = LayoutInput::for_control(&control.style, direction);
        let free: Vec<usize> = (0..parts.len())
            .filter(|i| !behaviour::places(target.type_name(), parts[*i].kind))
            .collect();
        input.items = free.iter().map(|i| parts[*i].item.clone()).collect();
        let natural = layout(&input).implicit_size;
        let natural = behaviour::implicit_size(target, &parts, natural, input.padding);
        // Toolkits size controls in whole logical pixels.
        let natural = (natural.0.ceil(), natural.1.ceil());
        let own = (
            px(&control.style.layout.width),
            px(&control.style.layout.height),
        );
        let size = scene
            .size
            .unwrap_or((own.0.unwrap_or(natural.0), own.1.unwrap_or(natural.1)));
        if !(size.0.is_finite() && size.1.is_finite() && size.0 >= 0.0 && size.1 >= 0.0) {
            return Err(RenderError::InvalidSize);
        }
        input.size = Some(size);
        let placed = layout(&input);
        for (slot, index) in free.iter().enumerate() {
            if let Some(rect) = placed.items.get(slot) {
                parts[*index].rect = *rect;
            }
        }
        behaviour::place(target, &mut parts, &placed, scene.value, direction);
        let placed = parts
            .iter()
            .map(|part| PlacedPart {
                element: self.part_element(part.kind, part.hint),
                rect: part.rect,
            })
            .collect();
        Ok(self.kept.keep(lookup, control, parts, placed, size))
    }

    fn parts(
        &mut self,
        styler: &Styler,
        scene: &Scene<'_>,
        control: &ComputedStyle,
        info: &catalogue::ControlInfo,
        scale: f32,
    ) -> Vec<Part> {
        let mut parts = Vec::new();
        // One query for every part: the control's chain and the part last.
        let mut chain = Vec::with_capacity(scene.query.chain().len() + 1);
        chain.extend_from_slice(scene.query.chain());
        if let Some(target) = scene.query.target() {
            chain.push(target.clone());
        }
        let mut query = Query::new(chain, *scene.query.context());
        for &sub in info.sub_elements {
            for &hint in part_hints(info.name, sub) {
                let element = self.part_element(sub, hint);
                if let Some(last) = query.chain_mut().last_mut() {
                    *last = element;
                }
                let style = styler.query(&query);
                if let Some(mut part) = self.part(sub, style, control, info, scene, scale) {
                    part.hint = hint;
                    parts.push(part);
                }
            }
        }
        parts
    }

    /// The element of sub-element `sub` with `hint`.
    fn part_element(&mut self, sub: &'static str, hint: &'static str) -> Element {
        let known = self
            .part_elements
            .iter()
            .find(|((s, h), _)| std::ptr::eq(*s, sub) && std::ptr::eq(*h, hint));
        if let Some((_, element)) = known {
            return element.clone();
        }
        let element = Element::new(sub);
        let element = if hint.is_empty() {
            element
        } else {
            element.with_hint(hint)
        };
        self.part_elements.push(((sub, hint), element.clone()));
        element
    }

    fn part(
        &mut self,
        sub: &'static str,
        style: Arc<ComputedStyle>,
        control: &ComputedStyle,
        info: &catalogue::ControlInfo,
        scene: &Scene<'_>,
        scale: f32,
    ) -> Option<Part> {
        // The control's `text-alignment-*` / `icon-alignment-*` place its
        // text and icon; each leaf the part sets in its own
        // `layout-alignment-*` wins, and its margins apply.
        let placed_by = |group: AlignmentSource, w: f32, h: f32| {
            let mut item = LayoutItem::from_style(&control.style, group, w, h);
            let own = LayoutItem::from_style(&style.style, AlignmentSource::Layout, w, h);
            let set = &style.style.layout.alignment;
            if set.container.value().is_some() {
                item.container = own.container;
            }
            if set.horizontal.value().is_some() {
                item.horizontal = own.horizontal;
            }
            if set.vertical.value().is_some() {
                item.vertical = own.vertical;
            }
            if set.order.value().is_some() {
                item.order = own.order;
            }
            item.margin = own.margin;
            item
        };
        match sub {
            "Text" => {
                let text = scene.text.unwrap_or_else(|| sample_text(info.name));
                if text.is_empty() {
                    return None;
                }
                let text_style = TextStyle::of(&style.style);
                let max_width = scene.size.map(|(w, _)| w);
                let laid = self.fonts.layout(text, &text_style, max_width, scale);
                let (w, h) = laid.size();
                let item = placed_by(AlignmentSource::Text, w, h);
                Some(Part {
                    kind: sub,
                    hint: "",
                    style,
                    content: Content::Text(Box::new(laid)),
                    item,
                    rect: Rect::default(),
                })
            }
            "Icon" => {
                let file = self
                    .icon_file(&style.style)
                    .or_else(|| self.icon_file(&control.style))
                    .or_else(|| scene.icon.and_then(|name| self.images.find_icon(name)))?;
                let icon = &style.style.icon;
                let (w, h) = (
                    px(&icon.width).unwrap_or(16.0),
                    px(&icon.height).unwrap_or(16.0),
                );
                let item = placed_by(AlignmentSource::Icon, w, h);
                Some(Part {
                    kind: sub,
                    hint: "",
                    style,
                    content: Content::Icon(file),
                    item,
                    rect: Rect::default(),
                })
            }
            _ => {
                if !is_drawn(&style.style) {
                    return None;
                }
                let layout = &style.style.layout;
                // Unsized parts that show an icon are as large as the icon.
                let icon = &style.style.icon;
                let has_icon = icon.name.value().is_some() || icon.source.value().is_some();
                let icon_w = if has_icon {
                    px(&icon.width).unwrap_or(16.0)
                } else {
                    0.0
                };
                let icon_h = if has_icon {
                    px(&icon.height).unwrap_or(16.0)
                } else {
                    0.0
                };
                let w = px(&layout.width)
                    .or(px(&layout.min_width))
                    .unwrap_or(icon_w);
                let h = px(&layout.height)
                    .or(px(&layout.min_height))
                    .unwrap_or(icon_h);
                let item = LayoutItem::from_style(&style.style, AlignmentSource::Layout, w, h);
                Some(Part {
                    kind: sub,
                    hint: "",
                    style,
                    content: Content::Box,
                    item,
                    rect: Rect::default(),
                })
            }
        }
    }

    fn icon_file(&mut self, style: &Style) -> Option<PathBuf> {
        if let Some(url) = style.icon.source.value() {
            return Some(PathBuf::from(&*url.0));
        }
        let name = style.icon.name.value()?;
        self.images.find_icon(&name.0)
    }

    fn paint_part(
        &mut self,
        pixmap: &mut Pixmap,
        part: &Part,
        palette: &Palette,
        rect: Box2,
        scale: f32,
    ) {
        let alpha = opacity(&part.style.style);
        if alpha <= 0.0 {
            return;
        }
        let layered = alpha < 1.0;
        let mut layer = if layered {
            Pixmap::new(pixmap.width(), pixmap.height())
        } else {
            None
        };
        let clear = layer.is_some();
        let target = layer.as_mut().unwrap_or(pixmap);
        match &part.content {
            Content::Box => {
                paint_element(
                    Canvas {
                        pixmap: target,
                        clear,
                    },
                    &part.style,
                    palette,
                    rect,
                    scale,
                    &mut self.images,
                    &mut self.shadows,
                );
                if let Some(file) = self.icon_file(&part.style.style) {
                    let icon = &part.style.style.icon;
                    let w = px(&icon.width).unwrap_or(16.0) * scale;
                    let h = px(&icon.height).unwrap_or(16.0) * scale;
                    let at = Box2 {
                        x: (rect.x + (rect.width - w) / 2.0).round(),
                        y: (rect.y + (rect.height - h) / 2.0).round(),
                        width: w.round(),
                        height: h.round(),
                    };
                    self.draw_icon(target, &file, &part.style, palette, at);
                }
            }
            Content::Text(laid) => {
                let color = part
                    .style
                    .style
                    .text
                    .color
                    .value()
                    .map_or(union_model::values::Rgba::BLACK, |c| {
                        part.style.resolve_color(c, palette)
                    });
                self.fonts.draw(target, laid, rect.x, rect.y, color);
            }
            Content::Icon(file) => self.draw_icon(target, file, &part.style, palette, rect),
        }
        if let Some(layer) = layer {
            let opacity = (alpha.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
            union_ksvg::blend::over_at_faded(pixmap, 0, 0, layer.as_ref(), opacity);
        }
    }

    fn draw_icon(
        &mut self,
        pixmap: &mut Pixmap,
        file: &std::path::Path,
        style: &ComputedStyle,
        palette: &Palette,
        at: Box2,
    ) {
        let tint =
            (style.style.icon.color.value().is_some() || self.images.symbolic(file)).then(|| {
                let color = style
                    .style
                    .icon
                    .color
                    .value()
                    .cloned()
                    .unwrap_or(union_model::values::Color::CurrentColor);
                style.resolve_color(&color, palette)
            });
        let (w, h) = (at.width.max(1.0) as u32, at.height.max(1.0) as u32);
        if let Some((svg, id)) = crate::svg_parts::split_fragment(file) {
            // `file.svgz#id`: one element of an SVG, recoloured by the palette.
            let id: Arc<str> = Arc::from(id);
            if let Some(raster) = self.images.svg_parts.element(&svg, &id, palette, (w, h)) {
                union_ksvg::blend::over_at(
                    pixmap,
                    at.x as i32,
                    at.y as i32,
                    raster.as_ref().as_ref(),
                );
            }
            return;
        }
        if let Some(raster) = self.images.raster(file, w, h, tint) {
            union_ksvg::blend::over_at(pixmap, at.x as i32, at.y as i32, raster.as_ref());
        }
    }
}

/// A logical rectangle in device pixels, edges rounded to whole pixels (as
/// browsers snap boxes), offset by the margin.
fn snap(r: Rect, margin: f32, scale: f32) -> Box2 {
    let x0 = ((r.x + margin) * scale).round();
    let y0 = ((r.y + margin) * scale).round();
    let x1 = ((r.x + r.width + margin) * scale).round();
    let y1 = ((r.y + r.height + margin) * scale).round();
    Box2 {
        x: x0,
        y: y0,
        width: (x1 - x0).max(0.0),
        height: (y1 - y0).max(0.0),
    }
}

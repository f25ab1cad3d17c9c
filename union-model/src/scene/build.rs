//! Building a [`ControlScene`]: the control's parts queried, measured,
//! placed by the generic layout and by behaviour.

use super::kept::{Kept, RequestKey};
use super::placement::{self, Values};
use super::{
    BoxIcon, Content, ControlScene, IconRef, Measure, SceneError, ScenePart, SceneRequest,
};
use crate::catalogue::{self, ControlInfo};
use crate::geometry::Rect;
use crate::initial;
use crate::layout::{AlignmentSource, LayoutInput, LayoutItem, layout};
use crate::values::Length;
use crate::{ComputedStyle, Element, Query, Slot, Style, Styler};
use std::sync::Arc;

/// Largest scene side, logical px: larger requests are refused, so no
/// output is asked for a surface it cannot allocate.
pub const MAX_SCENE_SIDE: f32 = 16_384.0;

/// A part while the scene is being built.
pub(crate) struct Draft {
    pub(crate) kind: &'static str,
    /// The hint telling parts of one type apart (`up`, `first`), or "".
    pub(crate) hint: &'static str,
    pub(crate) style: Arc<ComputedStyle>,
    pub(crate) content: Content,
    pub(crate) item: LayoutItem,
    pub(crate) rect: Rect,
}

/// Builds scenes and keeps the ones built before (bounded): a control
/// asked for again with the same computed style (compared by identity),
/// request and measurer is not measured or placed again. What a retained
/// scene graph gives a toolkit; each output holds one.
#[derive(Debug, Default)]
pub struct Scenes {
    kept: Kept,
    /// Sub-element elements by type and hint, made once: they are the same
    /// for every control.
    part_elements: Vec<((&'static str, &'static str), Element)>,
}

/// Builds the scene of one request (nothing kept).
pub fn build_scene(
    styler: &Styler,
    request: &SceneRequest<'_>,
    measure: &mut dyn Measure,
) -> Result<Arc<ControlScene>, SceneError> {
    Scenes::default().build(styler, request, measure)
}

fn px(slot: &Slot<Length>) -> Option<f32> {
    slot.value()
        .and_then(|l| l.px())
        .filter(|v| v.is_finite() && *v >= 0.0)
}

fn px_or(slot: &Slot<Length>, initial: Length) -> f32 {
    px(slot).or(initial.px()).unwrap_or(0.0)
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

/// The icon a style names: `icon-source` wins over `icon-name`.
fn style_icon(style: &Style) -> Option<IconRef> {
    if let Some(url) = style.icon.source.value() {
        return Some(IconRef::File(Arc::clone(&url.0)));
    }
    style
        .icon
        .name
        .value()
        .map(|name| IconRef::Name(Arc::clone(&name.0)))
}

/// An icon's size from its style (the schema's initial size otherwise).
fn icon_size(style: &Style) -> (f32, f32) {
    (
        px_or(&style.icon.width, initial::ICON_WIDTH),
        px_or(&style.icon.height, initial::ICON_HEIGHT),
    )
}

impl Scenes {
    /// Forgets the kept scenes: each control is measured and placed again
    /// when next asked for.
    pub fn forget(&mut self) {
        self.kept.clear();
    }

    /// The scene of `request`, kept from before when nothing it depends on
    /// changed.
    pub fn build(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
        measure: &mut dyn Measure,
    ) -> Result<Arc<ControlScene>, SceneError> {
        let scale = request.scale;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(SceneError::InvalidSize(format!("scale {scale}")));
        }
        if let Some((w, h)) = request.size
            && !(w.is_finite() && h.is_finite() && w >= 0.0 && h >= 0.0)
        {
            return Err(SceneError::InvalidSize(format!("{w}×{h}")));
        }
        let control = styler.query(request.query);
        let key = RequestKey::of(request, measure.fingerprint());
        if let Some(scene) = self.kept.find(&control, &key) {
            return Ok(scene);
        }
        let scene = self.lay_out(styler, request, measure, Arc::clone(&control))?;
        Ok(self.kept.keep(control, key, scene))
    }

    fn lay_out(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
        measure: &mut dyn Measure,
        control: Arc<ComputedStyle>,
    ) -> Result<ControlScene, SceneError> {
        let Some(target) = request.query.target() else {
            return Err(SceneError::EmptyChain);
        };
        let info = catalogue::control(target.type_name());
        let placement = info.and_then(|i| i.placement);
        let direction = request.query.context().direction;
        let mut parts = match info {
            Some(info) => self.parts(styler, request, measure, &control, info),
            None => Vec::new(),
        };
        let mut input = LayoutInput::for_control(&control.style, direction);
        let free: Vec<usize> = (0..parts.len())
            .filter(|i| !placement::places(placement, parts[*i].kind))
            .collect();
        input.items = free.iter().map(|i| parts[*i].item.clone()).collect();
        let natural = layout(&input).implicit_size;
        let natural = placement::implicit_size(target, placement, &parts, natural, input.padding);
        // Toolkits size controls in whole logical pixels.
        let natural = (natural.0.ceil(), natural.1.ceil());
        let own = (
            px(&control.style.layout.width),
            px(&control.style.layout.height),
        );
        let size = request
            .size
            .unwrap_or((own.0.unwrap_or(natural.0), own.1.unwrap_or(natural.1)));
        if !(size.0.is_finite() && size.1.is_finite())
            || size.0 > MAX_SCENE_SIDE
            || size.1 > MAX_SCENE_SIDE
        {
            return Err(SceneError::InvalidSize(format!(
                "{}×{} (at most {MAX_SCENE_SIDE} per side)",
                size.0, size.1
            )));
        }
        input.size = Some(size);
        let placed = layout(&input);
        for (slot, index) in free.iter().enumerate() {
            if let Some(rect) = placed.items.get(slot) {
                parts[*index].rect = *rect;
            }
        }
        let values = Values {
            value: request.value,
            range: request.range,
        };
        placement::place(target, placement, &mut parts, &placed, values, direction);
        let parts = parts
            .into_iter()
            .map(|part| ScenePart {
                element: self.part_element(part.kind, part.hint),
                rect: part.rect,
                style: part.style,
                content: part.content,
            })
            .collect();
        Ok(ControlScene {
            element: target.clone(),
            style: control,
            size,
            parts,
        })
    }

    fn parts(
        &mut self,
        styler: &Styler,
        request: &SceneRequest<'_>,
        measure: &mut dyn Measure,
        control: &ComputedStyle,
        info: &ControlInfo,
    ) -> Vec<Draft> {
        let mut parts = Vec::new();
        // One query for every part: the control's chain and the part last.
        let mut chain = Vec::with_capacity(request.query.chain().len() + 1);
        chain.extend_from_slice(request.query.chain());
        if let Some(target) = request.query.target() {
            chain.push(target.clone());
        }
        let mut query = Query::new(chain, *request.query.context());
        for &sub in info.sub_elements {
            for hint in info.part_hints(sub) {
                let element = self.part_element(sub, hint);
                if let Some(last) = query.chain_mut().last_mut() {
                    *last = element;
                }
                let style = styler.query(&query);
                if let Some(mut part) = part(sub, style, control, info, request, measure) {
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
}

/// The control's `text-alignment-*` / `icon-alignment-*` place its text
/// and icon; each leaf the part sets in its own `layout-alignment-*` wins,
/// and its margins apply.
fn placed_by(
    control: &Style,
    part: &Style,
    group: AlignmentSource,
    (w, h): (f32, f32),
) -> LayoutItem {
    let mut item = LayoutItem::from_style(control, group, w, h);
    let own = LayoutItem::from_style(part, AlignmentSource::Layout, w, h);
    let set = &part.layout.alignment;
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
}

/// One part of the control, sized; `None` when it draws nothing.
fn part(
    sub: &'static str,
    style: Arc<ComputedStyle>,
    control: &ComputedStyle,
    info: &ControlInfo,
    request: &SceneRequest<'_>,
    measure: &mut dyn Measure,
) -> Option<Draft> {
    let draft = |style, content, item| Draft {
        kind: sub,
        hint: "",
        style,
        content,
        item,
        rect: Rect::default(),
    };
    match sub {
        "Text" => {
            let text = request.text.unwrap_or(info.sample_text);
            if text.is_empty() {
                return None;
            }
            let max_width = request.size.map(|(w, _)| w);
            let size = measure.text_size(text, &style.style, max_width, request.scale);
            let item = placed_by(&control.style, &style.style, AlignmentSource::Text, size);
            let content = Content::Text {
                text: Arc::from(text),
                max_width,
            };
            Some(draft(style, content, item))
        }
        "Icon" => {
            let mut candidates = [
                style_icon(&style.style),
                style_icon(&control.style),
                request.icon.map(|name| IconRef::Name(Arc::from(name))),
            ]
            .into_iter()
            .flatten();
            let icon = candidates.find(|icon| measure.has_icon(icon))?;
            let size = icon_size(&style.style);
            let item = placed_by(&control.style, &style.style, AlignmentSource::Icon, size);
            Some(draft(style, Content::Icon { icon }, item))
        }
        _ => {
            if !is_drawn(&style.style) {
                return None;
            }
            // Unsized parts that name an icon are as large as the icon
            // (found or not: the room does not depend on the machine).
            let named = style_icon(&style.style);
            let (icon_w, icon_h) = if named.is_some() {
                icon_size(&style.style)
            } else {
                (0.0, 0.0)
            };
            let icon = named
                .filter(|icon| measure.has_icon(icon))
                .map(|icon| BoxIcon {
                    icon,
                    size: (icon_w, icon_h),
                });
            let layout = &style.style.layout;
            let w = px(&layout.width)
                .or(px(&layout.min_width))
                .unwrap_or(icon_w);
            let h = px(&layout.height)
                .or(px(&layout.min_height))
                .unwrap_or(icon_h);
            let item = LayoutItem::from_style(&style.style, AlignmentSource::Layout, w, h);
            Some(draft(style, Content::Box { icon }, item))
        }
    }
}

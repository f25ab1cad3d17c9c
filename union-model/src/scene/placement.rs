//! Where value-driven parts go: what a toolkit's slider, progress bar,
//! scroll bar and switch do with their handle, groove and fill. The theme
//! styles these parts; their position depends on the control's value and
//! orientation, which is behaviour, not style. The catalogue says which
//! control behaves how ([`Placement`]) and its default length.
//!
//! - **Slider**: the groove spans the content area along the orientation
//!   (its cross size from its `height`/`min-height`, centred); the handle
//!   travels inside the groove by value; the fill runs from the groove's
//!   start to the handle's centre. Vertical sliders start at the bottom;
//!   horizontal ones at the left, or the right in right-to-left layouts.
//! - **`RangeSlider`**: handles `.first` and `.second` at the two values,
//!   the fill between them.
//! - **`ProgressBar`**: groove as a slider's, fill from the start to the value.
//! - A fill with no cross size of its own lies within its groove (the
//!   groove's cross position and extent), as toolkits draw it; one with a
//!   size of its own is centred across the content area.
//! - **`ScrollBar`**: step buttons `Indicator.up`/`.down` at the two ends, the
//!   groove between them, a handle of 30% of the groove at the value.
//! - **Switch**: the handle sits inside the indicator (the track), at its
//!   start, centre or end by the handle's `layout-alignment-horizontal`.

use super::build::Draft as Part;
use crate::Element;
use crate::catalogue::{Placement, PlacementInfo};
use crate::geometry::{Edges, Rect};
use crate::layout::LayoutOutput;
use crate::selectors::Direction;
use crate::values::Align;

/// Whether `part` is placed by `placement` rather than by the generic layout.
pub(crate) fn places(placement: Option<PlacementInfo>, part: &str) -> bool {
    let Some(placement) = placement else {
        return false;
    };
    matches!(
        (placement.kind, part),
        (
            Placement::Slider | Placement::RangeSlider,
            "Groove" | "Fill" | "Handle"
        ) | (Placement::Progress, "Groove" | "Fill")
            | (Placement::Scroll, "Groove" | "Handle" | "Indicator")
            | (Placement::Switch, "Handle")
    )
}

fn is_vertical(control: &Element) -> bool {
    control.attribute_text("orientation") == Some("vertical")
}

/// The implicit size of a range control: its default length along its
/// orientation, and across it the thickest placed part plus padding
/// (the generic layout's `natural` size when larger).
pub(crate) fn implicit_size(
    control: &Element,
    placement: Option<PlacementInfo>,
    parts: &[Part],
    natural: (f32, f32),
    padding: Edges,
) -> (f32, f32) {
    let Some(info) = placement.filter(|p| p.kind != Placement::Switch) else {
        return natural;
    };
    let vertical = is_vertical(control);
    let axis = Axis {
        vertical,
        reversed: false,
    };
    let thickest = parts
        .iter()
        .filter(|p| places(placement, p.kind))
        .map(|p| axis.size_of(p).1)
        .fold(0.0_f32, f32::max);
    if vertical {
        (
            natural.0.max(thickest + padding.left + padding.right),
            natural.1.max(info.length),
        )
    } else {
        (
            natural.0.max(info.length),
            natural.1.max(thickest + padding.top + padding.bottom),
        )
    }
}

/// Along-axis geometry helpers: `horizontal` rectangles as (start, length,
/// cross start, cross length).
#[derive(Clone, Copy)]
struct Axis {
    vertical: bool,
    /// Horizontal: from the right (RTL). Vertical: from the bottom (sliders
    /// and progress bars grow upwards; scroll bars run top-down).
    reversed: bool,
}

impl Axis {
    fn rect(self, along: f32, length: f32, cross: f32, thickness: f32, area: Rect) -> Rect {
        if self.vertical && self.reversed {
            Rect {
                x: cross,
                y: area.y + area.height - along - length,
                width: thickness,
                height: length,
            }
        } else if self.vertical {
            Rect {
                x: cross,
                y: area.y + along,
                width: thickness,
                height: length,
            }
        } else if self.reversed {
            Rect {
                x: area.x + area.width - along - length,
                y: cross,
                width: length,
                height: thickness,
            }
        } else {
            Rect {
                x: area.x + along,
                y: cross,
                width: length,
                height: thickness,
            }
        }
    }

    fn length(self, area: Rect) -> f32 {
        if self.vertical {
            area.height
        } else {
            area.width
        }
    }

    fn cross(self, area: Rect) -> (f32, f32) {
        if self.vertical {
            (area.x, area.width)
        } else {
            (area.y, area.height)
        }
    }

    /// A part's (along, cross) natural size.
    fn size_of(self, part: &Part) -> (f32, f32) {
        if self.vertical {
            (part.item.height, part.item.width)
        } else {
            (part.item.width, part.item.height)
        }
    }
}

fn find<'a>(parts: &'a mut [Part], kind: &str, hint: Option<&str>) -> Option<&'a mut Part> {
    parts
        .iter_mut()
        .find(|p| p.kind == kind && hint.is_none_or(|h| p.hint == h))
}

/// The values a placement reads: a range control's value and a range
/// slider's two values, each 0 to 1.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Values {
    pub(crate) value: f32,
    pub(crate) range: Option<(f32, f32)>,
}

fn unit(v: f32) -> f32 {
    if v.is_finite() {
        v.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Places the value-driven parts of `control`.
pub(crate) fn place(
    control: &Element,
    placement: Option<PlacementInfo>,
    parts: &mut [Part],
    placed: &LayoutOutput,
    values: Values,
    direction: Direction,
) {
    let Some(placement) = placement else {
        return;
    };
    let value = unit(values.value);
    let vertical = is_vertical(control);
    let axis = Axis {
        vertical,
        reversed: if vertical {
            placement.kind != Placement::Scroll
        } else {
            direction == Direction::Rtl
        },
    };
    let area = placed.content;
    match placement.kind {
        Placement::Slider | Placement::RangeSlider | Placement::Progress => {
            let range = match (placement.kind, values.range) {
                (Placement::RangeSlider, Some((a, b))) => {
                    let (a, b) = (unit(a), unit(b));
                    (a.min(b), a.max(b))
                }
                (Placement::RangeSlider, None) => (value / 2.0, 0.5 + value / 2.0),
                _ => (0.0, value),
            };
            place_along(placement.kind, axis, area, parts, range);
        }
        Placement::Scroll => place_scroll(axis, area, parts, value),
        Placement::Switch => place_switch(parts, direction),
    }
}

/// A slider's, range slider's or progress bar's groove, handles and fill.
fn place_along(kind: Placement, axis: Axis, area: Rect, parts: &mut [Part], range: (f32, f32)) {
    let (cross0, cross_len) = axis.cross(area);
    let length = axis.length(area);
    // (cross start, thickness) of a part centred across the content area.
    let centred = |part: &Part| {
        let (_, thickness) = axis.size_of(part);
        let t = if thickness > 0.0 {
            thickness.min(cross_len)
        } else {
            cross_len
        };
        (cross0 + (cross_len - t) / 2.0, t)
    };
    let mut groove_cross = (cross0, cross_len);
    if let Some(groove) = find(parts, "Groove", None) {
        let (at, t) = centred(groove);
        groove.rect = axis.rect(0.0, length, at, t, area);
        groove_cross = (at, t);
    }
    let mut centres = Vec::new();
    let handles: &[&str] = if kind == Placement::RangeSlider {
        &["first", "second"]
    } else {
        &[""]
    };
    for (i, hint) in handles.iter().enumerate() {
        let at = if i == 0 && handles.len() > 1 {
            range.0
        } else {
            range.1
        };
        let handle = if kind == Placement::Progress {
            None
        } else {
            find(parts, "Handle", Some(hint))
        };
        let Some(handle) = handle else {
            centres.push(at * length);
            continue;
        };
        let (along, thickness) = axis.size_of(handle);
        let travel = (length - along).max(0.0);
        let start = at * travel;
        handle.rect = axis.rect(
            start,
            along,
            cross0 + (cross_len - thickness) / 2.0,
            thickness,
            area,
        );
        centres.push(start + along / 2.0);
    }
    let (from, to) = match centres.as_slice() {
        [a, b] => (*a, *b),
        [b] => (0.0, *b),
        _ => (0.0, 0.0),
    };
    if let Some(fill) = find(parts, "Fill", None) {
        // A fill without a thickness of its own lies in its groove.
        let (at, t) = if axis.size_of(fill).1 > 0.0 {
            centred(fill)
        } else {
            groove_cross
        };
        fill.rect = axis.rect(from, (to - from).max(0.0), at, t, area);
    }
}

/// A scroll bar's step buttons, groove and handle.
fn place_scroll(axis: Axis, area: Rect, parts: &mut [Part], value: f32) {
    let (cross0, cross_len) = axis.cross(area);
    let length = axis.length(area);
    let mut start = 0.0;
    let mut end = length;
    for hint in ["up", "down"] {
        if let Some(step) = find(parts, "Indicator", Some(hint)) {
            let (along, _) = axis.size_of(step);
            let along = if along > 0.0 { along } else { cross_len };
            let at = if hint == "up" { 0.0 } else { length - along };
            step.rect = axis.rect(at, along, cross0, cross_len, area);
            if hint == "up" {
                start = along;
            } else {
                end = length - along;
            }
        }
    }
    let groove_length = (end - start).max(0.0);
    if let Some(groove) = find(parts, "Groove", None) {
        groove.rect = axis.rect(start, groove_length, cross0, cross_len, area);
    }
    if let Some(handle) = find(parts, "Handle", None) {
        let (_, thickness) = axis.size_of(handle);
        let thickness = if thickness > 0.0 {
            thickness.min(cross_len)
        } else {
            cross_len
        };
        let along = (groove_length * 0.3).max(thickness).min(groove_length);
        let at = start + value * (groove_length - along);
        handle.rect = axis.rect(
            at,
            along,
            cross0 + (cross_len - thickness) / 2.0,
            thickness,
            area,
        );
    }
}

/// A switch's handle in its track.
fn place_switch(parts: &mut [Part], direction: Direction) {
    let Some(track) = parts.iter().find(|p| p.kind == "Indicator").map(|p| p.rect) else {
        return;
    };
    if let Some(handle) = find(parts, "Handle", None) {
        let (w, h) = (handle.item.width.min(track.width), handle.item.height);
        let align = handle.item.horizontal;
        let start = match direction {
            Direction::Rtl => track.x + track.width - w,
            Direction::Ltr => track.x,
        };
        let end = match direction {
            Direction::Rtl => track.x,
            Direction::Ltr => track.x + track.width - w,
        };
        let x = match align {
            Align::End => end,
            Align::Center | Align::StackCenter => track.x + (track.width - w) / 2.0,
            _ => start,
        };
        handle.rect = Rect {
            x,
            y: track.y + (track.height - h) / 2.0,
            width: w,
            height: h,
        };
    }
}

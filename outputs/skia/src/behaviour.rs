//! Where value-driven parts go: what a toolkit's slider, progress bar,
//! scroll bar and switch do with their handle, groove and fill. The theme
//! styles these parts; their position depends on the control's value and
//! orientation, which is behaviour, not style.
//!
//! - **Slider**: the groove spans the content area along the orientation
//!   (its cross size from its `height`/`min-height`, centred); the handle
//!   travels inside the groove by value; the fill runs from the groove's
//!   start to the handle's centre. Vertical sliders start at the bottom;
//!   horizontal ones at the left, or the right in right-to-left layouts.
//! - **`RangeSlider`**: handles `.first` and `.second` at `value/2` and
//!   `0.5 + value/2`, the fill between them.
//! - **`ProgressBar`**: groove as a slider's, fill from the start to the value.
//! - **`ScrollBar`**: step buttons `Indicator.up`/`.down` at the two ends, the
//!   groove between them, a handle of 30% of the groove at the value.
//! - **Switch**: the handle sits inside the indicator (the track), at its
//!   start, centre or end by the handle's `layout-alignment-horizontal`.

use crate::control::Part;
use union_model::Element;
use union_model::layout::{LayoutOutput, Rect};
use union_model::selectors::Direction;
use union_model::values::Align;

/// Whether `part` of `control` is placed here rather than by the generic layout.
pub(crate) fn places(control: &str, part: &str) -> bool {
    matches!(
        (control, part),
        ("Slider" | "RangeSlider", "Groove" | "Fill" | "Handle")
            | ("ProgressBar", "Groove" | "Fill")
            | ("ScrollBar", "Groove" | "Handle" | "Indicator")
            | ("Switch", "Handle")
    )
}

/// The implicit size of a range control: a toolkit's default length along
/// its orientation, and across it the thickest placed part plus padding
/// (the generic layout's `natural` size when larger).
pub(crate) fn implicit_size(
    control: &Element,
    parts: &[Part],
    natural: (f32, f32),
    padding: union_model::layout::Edges,
) -> (f32, f32) {
    let length = match control.type_name() {
        "Slider" | "RangeSlider" | "ProgressBar" => 200.0,
        "ScrollBar" => 100.0,
        _ => return natural,
    };
    let vertical = control.attribute_text("orientation") == Some("vertical");
    let axis = Axis {
        vertical,
        reversed: false,
    };
    let thickest = parts
        .iter()
        .filter(|p| places(control.type_name(), p.kind))
        .map(|p| axis.size_of(p).1)
        .fold(0.0_f32, f32::max);
    if vertical {
        (
            natural.0.max(thickest + padding.left + padding.right),
            natural.1.max(length),
        )
    } else {
        (
            natural.0.max(length),
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

/// Places the value-driven parts of `control`.
pub(crate) fn place(
    control: &Element,
    parts: &mut [Part],
    placed: &LayoutOutput,
    value: f32,
    direction: Direction,
) {
    let value = if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let vertical = control.attribute_text("orientation") == Some("vertical");
    let axis = Axis {
        vertical,
        reversed: if vertical {
            control.type_name() != "ScrollBar"
        } else {
            direction == Direction::Rtl
        },
    };
    let area = placed.content;
    match control.type_name() {
        "Slider" | "RangeSlider" | "ProgressBar" => {
            let (cross0, cross_len) = axis.cross(area);
            let groove_cross = |part: &Part| {
                let (_, thickness) = axis.size_of(part);
                if thickness > 0.0 {
                    thickness.min(cross_len)
                } else {
                    cross_len
                }
            };
            let length = axis.length(area);
            let range = match control.type_name() {
                "RangeSlider" => (value / 2.0, 0.5 + value / 2.0),
                _ => (0.0, value),
            };
            if let Some(groove) = find(parts, "Groove", None) {
                let t = groove_cross(groove);
                groove.rect = axis.rect(0.0, length, cross0 + (cross_len - t) / 2.0, t, area);
            }
            let mut centres = Vec::new();
            let handles: &[&str] = if control.type_name() == "RangeSlider" {
                &["first", "second"]
            } else {
                &[""]
            };
            let has_handles = control.type_name() != "ProgressBar";
            for (i, hint) in handles.iter().enumerate() {
                let at = if i == 0 && handles.len() > 1 {
                    range.0
                } else {
                    range.1
                };
                if !has_handles {
                    centres.push(at * length);
                    continue;
                }
                let Some(handle) = find(parts, "Handle", Some(hint)) else {
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
                let t = groove_cross(fill);
                fill.rect = axis.rect(
                    from,
                    (to - from).max(0.0),
                    cross0 + (cross_len - t) / 2.0,
                    t,
                    area,
                );
            }
        }
        "ScrollBar" => {
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
        "Switch" => {
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
        _ => {}
    }
}

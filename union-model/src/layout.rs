//! Sub-element layout: where a control's icon, text, indicator, handle…
//! go, given the control's size and each part's style. Pure and
//! toolkit-free, so every output places parts the same way.
//!
//! # Model
//! - Three nested **containers**: the *item* (the whole control), the
//!   *background* area (the item minus `inset`) and the *content* area (the
//!   background minus `padding`). Each part names its container with
//!   `*-alignment-container`.
//! - In a container, parts fall into four horizontal **buckets**: `start`,
//!   `center`, `end`, `fill` (`stack-center` and `stack-fill` count as
//!   `center` and `fill` horizontally). `start` and `end` follow the text
//!   direction: right-to-left layouts are mirrored at the end.
//! - In a bucket, parts sit side by side with `gap` between them, ordered
//!   by `*-alignment-order` — unless one of them aligns vertically with
//!   `stack-center` or `stack-fill`: then the bucket stacks them top to
//!   bottom (an icon above its text).
//! - Vertically, each part is placed in its container by its own vertical
//!   alignment: `start`, `center`, `end`, `fill`; a stack is centred
//!   (`stack-center`) or shares the height (`stack-fill`).
//! - `start`/`end` buckets of the *item* container take room from the
//!   background and content areas (a check box's indicator beside its
//!   framed text); `fill` buckets take what the others leave; `center`
//!   buckets are centred in the container but never overlap `start`/`end`.
//! - Margins surround a part inside its bucket.
//!
//! Positions are exact (fractional) logical pixels: outputs snap them to
//! device pixels at their scale factor.

pub use crate::geometry::{Edges, Rect};
use crate::selectors::Direction;
use crate::values::{Align, AlignContainer};
use smallvec::SmallVec;

/// One part to place.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LayoutItem {
    /// The part's own preferred size (icon size, text extent…).
    pub width: f32,
    /// The part's own preferred height.
    pub height: f32,
    /// Space kept around the part.
    pub margin: Edges,
    /// The container the part is placed in.
    pub container: AlignContainer,
    /// Horizontal placement (the bucket).
    pub horizontal: Align,
    /// Vertical placement.
    pub vertical: Align,
    /// Order among parts of the same bucket; lower first.
    pub order: i32,
}

impl LayoutItem {
    /// A part of the given size in the content area, at the start, centred vertically.
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            margin: Edges::default(),
            container: AlignContainer::Content,
            horizontal: Align::Start,
            vertical: Align::Center,
            order: 0,
        }
    }

    fn outer_width(&self) -> f32 {
        self.width + self.margin.horizontal()
    }

    fn outer_height(&self) -> f32 {
        self.height + self.margin.vertical()
    }

    fn stacks(&self) -> bool {
        matches!(self.vertical, Align::StackCenter | Align::StackFill)
    }
}

/// What the layout needs to know about the control.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LayoutInput {
    /// The control's size; `None` lays out at the implicit size.
    pub size: Option<(f32, f32)>,
    /// Space between neighbouring parts (`gap`).
    pub spacing: f32,
    /// Background area → content area.
    pub padding: Edges,
    /// Item → background area.
    pub inset: Edges,
    /// Minimum size of the control (`min-width`, `min-height`).
    pub min_size: (f32, f32),
    /// Maximum size of the control (`max-width`, `max-height`; infinite when unset).
    pub max_size: (f32, f32),
    /// Text direction: right-to-left mirrors every position.
    pub direction: Direction,
    /// The parts.
    pub items: Vec<LayoutItem>,
}

impl Default for LayoutInput {
    fn default() -> Self {
        Self {
            size: None,
            spacing: 0.0,
            padding: Edges::default(),
            inset: Edges::default(),
            min_size: (0.0, 0.0),
            max_size: (f32::INFINITY, f32::INFINITY),
            direction: Direction::Ltr,
            items: Vec::new(),
        }
    }
}

/// Where everything went.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LayoutOutput {
    /// The control's implicit size: what it needs for its parts, padding and
    /// inset, within its minimum and maximum.
    pub implicit_size: (f32, f32),
    /// The control: the item container.
    pub item: Rect,
    /// The background area (inside `inset`, beside item-level start/end parts).
    pub background: Rect,
    /// The content area (inside `padding`).
    pub content: Rect,
    /// Each part's rectangle, in input order.
    pub items: Vec<Rect>,
}

const BUCKETS: [Align; 4] = [Align::Start, Align::Center, Align::End, Align::Fill];

fn bucket_of(align: Align) -> Align {
    match align {
        Align::StackCenter => Align::Center,
        Align::StackFill => Align::Fill,
        other => other,
    }
}

/// Indices of the parts of one container and bucket (few: a control has a
/// handful of parts, so they stay inline).
type Members = SmallVec<[usize; 8]>;

/// The parts of every container and bucket, each list by order (stable):
/// sorted out once per layout.
struct Groups {
    lists: [Members; 12],
}

impl Groups {
    fn of(input: &LayoutInput) -> Groups {
        let mut lists: [Members; 12] = Default::default();
        for (i, item) in input.items.iter().enumerate() {
            lists[Groups::slot(item.container, item.horizontal)].push(i);
        }
        for list in &mut lists {
            list.sort_by_key(|i| input.items[*i].order);
        }
        Groups { lists }
    }

    fn slot(container: AlignContainer, align: Align) -> usize {
        let container = match container {
            AlignContainer::Item => 0,
            AlignContainer::Background => 1,
            AlignContainer::Content => 2,
        };
        let bucket = match bucket_of(align) {
            Align::Start => 0,
            Align::Center => 1,
            Align::End => 2,
            _ => 3,
        };
        container * 4 + bucket
    }

    /// Indices of the parts in one container and bucket, by order.
    fn members(&self, container: AlignContainer, bucket: Align) -> &[usize] {
        &self.lists[Groups::slot(container, bucket)]
    }
}

/// The size a bucket's parts need.
fn measure(input: &LayoutInput, parts: &[usize]) -> (f32, f32) {
    let items = || parts.iter().map(|i| &input.items[*i]);
    let gaps = |n: usize| input.spacing * n.saturating_sub(1) as f32;
    if items().any(LayoutItem::stacks) {
        let width = items().map(LayoutItem::outer_width).fold(0.0, f32::max);
        let height = items().map(LayoutItem::outer_height).sum::<f32>() + gaps(parts.len());
        (width, height)
    } else {
        let (count, width) = items()
            .map(LayoutItem::outer_width)
            .filter(|w| *w > 0.0)
            .fold((0, 0.0), |(n, sum), w| (n + 1, sum + w));
        let height = items().map(LayoutItem::outer_height).fold(0.0, f32::max);
        (width + gaps(count), height)
    }
}

/// The size a container's buckets need together.
fn measure_container(
    input: &LayoutInput,
    groups: &Groups,
    container: AlignContainer,
) -> (f32, f32) {
    let (count, width, height) = BUCKETS
        .iter()
        .map(|b| measure(input, groups.members(container, *b)))
        .filter(|(w, h)| *w > 0.0 || *h > 0.0)
        .fold((0_usize, 0.0, 0.0_f32), |(n, width, height), (w, h)| {
            (n + 1, width + w, height.max(h))
        });
    (
        width + input.spacing * count.saturating_sub(1) as f32,
        height,
    )
}

/// Places one bucket's parts in `area` (the bucket's horizontal extent and the container's height).
fn place_bucket(input: &LayoutInput, parts: &[usize], area: Rect, out: &mut [Rect]) {
    let items = &input.items;
    if parts.is_empty() {
        return;
    }
    let stacked = parts.iter().any(|i| items[*i].stacks());
    let fill = area.width > 0.0 && bucket_of(items[parts[0]].horizontal) == Align::Fill;
    if stacked {
        let fill_height = parts.iter().any(|i| items[*i].vertical == Align::StackFill);
        let (_, natural) = measure(input, parts);
        let share = if fill_height {
            (area.height - input.spacing * (parts.len() - 1) as f32) / parts.len() as f32
        } else {
            0.0
        };
        let total = if fill_height { area.height } else { natural };
        let mut y = area.y + (area.height - total) / 2.0;
        for index in parts {
            let item = &items[*index];
            let height = if fill_height {
                (share - item.margin.vertical()).max(0.0)
            } else {
                item.height
            };
            let width = if fill {
                (area.width - item.margin.horizontal()).max(0.0)
            } else {
                item.width
            };
            let x =
                area.x + (area.width - width - item.margin.horizontal()) / 2.0 + item.margin.left;
            out[*index] = Rect {
                x,
                y: y + item.margin.top,
                width,
                height,
            };
            y += height + item.margin.vertical() + input.spacing;
        }
        return;
    }
    // Filling parts share the room whatever their own width (an unsized
    // ring fills its control); otherwise empty parts take no gap.
    let visible = if fill {
        parts.len()
    } else {
        parts
            .iter()
            .filter(|i| items[**i].outer_width() > 0.0)
            .count()
    };
    let gaps = input.spacing * visible.saturating_sub(1) as f32;
    let share = if fill && visible > 0 {
        (area.width - gaps) / visible as f32
    } else {
        0.0
    };
    let mut x = area.x;
    for index in parts {
        let item = &items[*index];
        let width = if fill {
            (share - item.margin.horizontal()).max(0.0)
        } else {
            item.width
        };
        let inner_height = area.height - item.margin.vertical();
        let (y, height) = match item.vertical {
            Align::Start => (area.y, item.height),
            Align::End => (area.y + inner_height - item.height, item.height),
            Align::Fill => (area.y, inner_height.max(0.0)),
            _ => (area.y + (inner_height - item.height) / 2.0, item.height),
        };
        out[*index] = Rect {
            x: x + item.margin.left,
            y: y + item.margin.top,
            width,
            height,
        };
        if item.outer_width() > 0.0 || fill {
            x += width + item.margin.horizontal() + input.spacing;
        }
    }
}

/// Places a container's buckets in `area`; returns the room left between
/// its start and end buckets (what nested containers get).
fn place_container(
    input: &LayoutInput,
    groups: &Groups,
    container: AlignContainer,
    area: Rect,
    out: &mut [Rect],
) -> Rect {
    let start = groups.members(container, Align::Start);
    let end = groups.members(container, Align::End);
    let center = groups.members(container, Align::Center);
    let fill = groups.members(container, Align::Fill);
    let start_width = measure(input, start).0;
    let end_width = measure(input, end).0;
    let gap_after_start = if start.is_empty() || start_width == 0.0 {
        0.0
    } else {
        input.spacing
    };
    let gap_before_end = if end.is_empty() || end_width == 0.0 {
        0.0
    } else {
        input.spacing
    };
    place_bucket(
        input,
        start,
        Rect {
            width: start_width,
            ..area
        },
        out,
    );
    let end_x = area.x + area.width - end_width;
    place_bucket(
        input,
        end,
        Rect {
            x: end_x,
            width: end_width,
            ..area
        },
        out,
    );
    let free = Rect {
        x: area.x + start_width + gap_after_start,
        width: (area.width - start_width - gap_after_start - end_width - gap_before_end).max(0.0),
        ..area
    };
    place_bucket(input, fill, free, out);
    let center_width = measure(input, center).0.min(free.width);
    let centered = area.x + (area.width - center_width) / 2.0;
    let center_x = centered.clamp(free.x, (free.x + free.width - center_width).max(free.x));
    place_bucket(
        input,
        center,
        Rect {
            x: center_x,
            width: center_width,
            ..area
        },
        out,
    );
    free
}

fn mirror(rect: Rect, width: f32) -> Rect {
    Rect {
        x: width - rect.x - rect.width,
        ..rect
    }
}

/// Lays out a control's parts.
pub fn layout(input: &LayoutInput) -> LayoutOutput {
    let gap = |w: f32| if w > 0.0 { input.spacing } else { 0.0 };
    let groups = Groups::of(input);
    let item = |bucket| measure(input, groups.members(AlignContainer::Item, bucket));
    let item_start = item(Align::Start);
    let item_end = item(Align::End);
    let item_middle = {
        let center = item(Align::Center);
        let fill = item(Align::Fill);
        (center.0.max(fill.0), center.1.max(fill.1))
    };
    let background = measure_container(input, &groups, AlignContainer::Background);
    let content = measure_container(input, &groups, AlignContainer::Content);
    let inset = &input.inset;
    let padding = &input.padding;
    let middle_width = (background.0 + inset.horizontal())
        .max(content.0 + padding.horizontal() + inset.horizontal())
        .max(item_middle.0);
    let middle_height = (background.1 + inset.vertical())
        .max(content.1 + padding.vertical() + inset.vertical())
        .max(item_middle.1);
    let natural_width =
        item_start.0 + gap(item_start.0) + middle_width + gap(item_end.0) + item_end.0;
    let natural_height = middle_height.max(item_start.1).max(item_end.1);
    let clamp = |v: f32, min: f32, max: f32| v.max(min).min(max.max(min));
    let implicit_size = (
        clamp(natural_width, input.min_size.0, input.max_size.0),
        clamp(natural_height, input.min_size.1, input.max_size.1),
    );
    let (width, height) = input.size.unwrap_or(implicit_size);
    let item = Rect {
        x: 0.0,
        y: 0.0,
        width,
        height,
    };
    let mut items = vec![Rect::default(); input.items.len()];
    let free = place_container(input, &groups, AlignContainer::Item, item, &mut items);
    // Item-level start/end parts take room from the framed areas beside them.
    let beside = Rect {
        y: 0.0,
        height,
        ..free
    };
    let background_rect = inset.shrink(beside);
    place_container(
        input,
        &groups,
        AlignContainer::Background,
        background_rect,
        &mut items,
    );
    let content_rect = padding.shrink(background_rect);
    place_container(
        input,
        &groups,
        AlignContainer::Content,
        content_rect,
        &mut items,
    );
    let mut output = LayoutOutput {
        implicit_size,
        item,
        background: background_rect,
        content: content_rect,
        items,
    };
    if input.direction == Direction::Rtl {
        output.background = mirror(output.background, width);
        output.content = mirror(output.content, width);
        for rect in &mut output.items {
            *rect = mirror(*rect, width);
        }
    }
    output
}

/// Which alignment group of a part's style places it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlignmentSource {
    /// `layout-alignment-*`: the part is an element of its own (an Indicator).
    Layout,
    /// `text-alignment-*`: the control's text.
    Text,
    /// `icon-alignment-*`: the control's icon.
    Icon,
}

fn px(slot: &crate::Slot<crate::values::Length>) -> Option<f32> {
    slot.value().and_then(|l| l.px())
}

fn edges(sides: &crate::style::SidesProps) -> Edges {
    Edges {
        top: px(&sides.top).unwrap_or(0.0),
        right: px(&sides.right).unwrap_or(0.0),
        bottom: px(&sides.bottom).unwrap_or(0.0),
        left: px(&sides.left).unwrap_or(0.0),
    }
}

impl LayoutInput {
    /// The control's part of the input, from its computed style (lengths
    /// must be resolved, as [`crate::Styler`] returns them): `gap`,
    /// `padding`, `inset`, `min-*` and `max-*`. Parts are added by the caller.
    pub fn for_control(style: &crate::Style, direction: Direction) -> LayoutInput {
        let layout = &style.layout;
        LayoutInput {
            spacing: px(&layout.gap).unwrap_or(0.0),
            padding: edges(&layout.padding),
            inset: edges(&layout.inset),
            min_size: (
                px(&layout.min_width).unwrap_or(0.0),
                px(&layout.min_height).unwrap_or(0.0),
            ),
            max_size: (
                px(&layout.max_width).unwrap_or(f32::INFINITY),
                px(&layout.max_height).unwrap_or(f32::INFINITY),
            ),
            direction,
            ..LayoutInput::default()
        }
    }
}

impl LayoutItem {
    /// A part of `width` × `height` placed by the `source` alignment group of
    /// `style` (for [`AlignmentSource::Layout`], also its `margin`). Unset
    /// alignment leaves take the schema's initial values: content, start,
    /// center, order 0.
    pub fn from_style(
        style: &crate::Style,
        source: AlignmentSource,
        width: f32,
        height: f32,
    ) -> LayoutItem {
        let alignment = match source {
            AlignmentSource::Layout => &style.layout.alignment,
            AlignmentSource::Text => &style.text.alignment,
            AlignmentSource::Icon => &style.icon.alignment,
        };
        LayoutItem {
            width,
            height,
            margin: if source == AlignmentSource::Layout {
                edges(&style.layout.margin)
            } else {
                Edges::default()
            },
            container: *alignment.container.value_or(&AlignContainer::Content),
            horizontal: *alignment.horizontal.value_or(&Align::Start),
            vertical: *alignment.vertical.value_or(&Align::Center),
            order: alignment.order.value().map_or(0, |o| o.0),
        }
    }
}

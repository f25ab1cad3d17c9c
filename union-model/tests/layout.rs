//! Sub-element layout: golden JSON per case (insta), plus the coordinates
//! each case exists to check.

use union_model::Direction;
use union_model::layout::{Edges, LayoutInput, LayoutItem, Rect, layout};
use union_model::values::{Align, AlignContainer};

fn part(
    width: f32,
    height: f32,
    container: AlignContainer,
    horizontal: Align,
    vertical: Align,
) -> LayoutItem {
    LayoutItem {
        container,
        horizontal,
        vertical,
        ..LayoutItem::new(width, height)
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32) -> Rect {
    Rect {
        x,
        y,
        width,
        height,
    }
}

use AlignContainer::{Background as Bg, Content, Item};

fn icon_and_text() -> LayoutInput {
    LayoutInput {
        spacing: 4.0,
        padding: Edges::all(6.0),
        items: vec![
            part(16.0, 16.0, Content, Align::Start, Align::Center),
            part(40.0, 14.0, Content, Align::Start, Align::Center),
        ],
        ..LayoutInput::default()
    }
}

/// A case: (name, input, the rects that matter: (part index, or -1 for the content area; expected)).
type Case = (&'static str, LayoutInput, Vec<(i32, Rect)>);

fn cases() -> Vec<Case> {
    vec![
        (
            "content_simple",
            icon_and_text(),
            vec![
                (0, rect(6.0, 6.0, 16.0, 16.0)),
                (1, rect(26.0, 7.0, 40.0, 14.0)),
                (-1, rect(6.0, 6.0, 60.0, 16.0)),
            ],
        ),
        (
            "content_simple_rtl_mirrors",
            LayoutInput {
                direction: Direction::Rtl,
                ..icon_and_text()
            },
            vec![
                (0, rect(50.0, 6.0, 16.0, 16.0)),
                (1, rect(6.0, 7.0, 40.0, 14.0)),
            ],
        ),
        (
            "given_size_and_end_bucket",
            LayoutInput {
                size: Some((120.0, 30.0)),
                items: vec![
                    part(16.0, 16.0, Content, Align::Start, Align::Start),
                    part(10.0, 10.0, Content, Align::End, Align::End),
                ],
                ..icon_and_text()
            },
            vec![
                (0, rect(6.0, 6.0, 16.0, 16.0)),
                (1, rect(104.0, 14.0, 10.0, 10.0)),
            ],
        ),
        (
            "background_center_inside_inset",
            LayoutInput {
                size: Some((100.0, 40.0)),
                inset: Edges::all(2.0),
                items: vec![part(20.0, 10.0, Bg, Align::Center, Align::Center)],
                ..LayoutInput::default()
            },
            vec![(0, rect(40.0, 15.0, 20.0, 10.0))],
        ),
        (
            "item_fill_shares_width",
            LayoutInput {
                size: Some((100.0, 20.0)),
                spacing: 4.0,
                items: vec![
                    part(10.0, 10.0, Item, Align::Fill, Align::Fill),
                    part(10.0, 10.0, Item, Align::Fill, Align::Fill),
                ],
                ..LayoutInput::default()
            },
            vec![
                (0, rect(0.0, 0.0, 48.0, 20.0)),
                (1, rect(52.0, 0.0, 48.0, 20.0)),
            ],
        ),
        (
            // A spinner's ring sets no size; filling, it takes the control.
            "unsized_fill_takes_the_room",
            LayoutInput {
                size: Some((32.0, 32.0)),
                spacing: 4.0,
                items: vec![part(0.0, 0.0, Content, Align::Fill, Align::Fill)],
                ..LayoutInput::default()
            },
            vec![(0, rect(0.0, 0.0, 32.0, 32.0))],
        ),
        (
            "center_never_overlaps_start",
            LayoutInput {
                size: Some((100.0, 20.0)),
                spacing: 4.0,
                items: vec![
                    part(30.0, 10.0, Content, Align::Start, Align::Center),
                    part(50.0, 10.0, Content, Align::Center, Align::Center),
                ],
                ..LayoutInput::default()
            },
            vec![
                (0, rect(0.0, 5.0, 30.0, 10.0)),
                (1, rect(34.0, 5.0, 50.0, 10.0)),
            ],
        ),
        (
            "margins_surround_parts",
            LayoutInput {
                items: vec![LayoutItem {
                    margin: Edges {
                        top: 1.0,
                        right: 2.0,
                        bottom: 3.0,
                        left: 4.0,
                    },
                    ..LayoutItem::new(10.0, 10.0)
                }],
                ..LayoutInput::default()
            },
            vec![(0, rect(4.0, 1.0, 10.0, 10.0))],
        ),
        (
            "text_under_icon_stacks",
            LayoutInput {
                size: Some((80.0, 60.0)),
                spacing: 2.0,
                items: vec![
                    part(32.0, 32.0, Content, Align::Center, Align::StackCenter),
                    part(50.0, 14.0, Content, Align::Center, Align::StackCenter),
                ],
                ..LayoutInput::default()
            },
            vec![
                (0, rect(24.0, 6.0, 32.0, 32.0)),
                (1, rect(15.0, 40.0, 50.0, 14.0)),
            ],
        ),
        (
            "order_keys_sort_a_bucket",
            LayoutInput {
                spacing: 1.0,
                items: vec![
                    LayoutItem {
                        order: 2,
                        ..LayoutItem::new(10.0, 10.0)
                    },
                    LayoutItem {
                        order: 1,
                        ..LayoutItem::new(20.0, 10.0)
                    },
                ],
                ..LayoutInput::default()
            },
            vec![
                (0, rect(21.0, 0.0, 10.0, 10.0)),
                (1, rect(0.0, 0.0, 20.0, 10.0)),
            ],
        ),
        (
            "check_box_indicator_beside_the_framed_text",
            LayoutInput {
                size: Some((120.0, 24.0)),
                spacing: 6.0,
                padding: Edges::all(3.0),
                items: vec![
                    part(20.0, 20.0, Item, Align::Start, Align::Center),
                    part(40.0, 14.0, Content, Align::Start, Align::Center),
                ],
                ..LayoutInput::default()
            },
            vec![
                (0, rect(0.0, 2.0, 20.0, 20.0)),
                (1, rect(29.0, 5.0, 40.0, 14.0)),
                (-1, rect(29.0, 3.0, 88.0, 18.0)),
            ],
        ),
        (
            "implicit_size_respects_min_and_max",
            LayoutInput {
                min_size: (80.0, 32.0),
                max_size: (f32::INFINITY, 30.0),
                ..icon_and_text()
            },
            vec![],
        ),
        (
            "zero_width_parts_take_no_gap",
            LayoutInput {
                spacing: 4.0,
                items: vec![LayoutItem::new(0.0, 10.0), LayoutItem::new(10.0, 10.0)],
                ..LayoutInput::default()
            },
            vec![(1, rect(0.0, 0.0, 10.0, 10.0))],
        ),
    ]
}

#[test]
fn layout_table() {
    let mut failures = Vec::new();
    for (name, input, expected) in cases() {
        let output = layout(&input);
        for (index, rect) in expected {
            let actual = if index < 0 {
                output.content
            } else {
                output.items[index as usize]
            };
            if actual != rect {
                failures.push(format!(
                    "{name}: part {index} is {actual:?}, expected {rect:?}"
                ));
            }
        }
        insta::assert_json_snapshot!(
            name,
            serde_json::json!({ "input": input, "output": output })
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn implicit_sizes() {
    assert_eq!(layout(&icon_and_text()).implicit_size, (72.0, 28.0));
    let clamped = LayoutInput {
        min_size: (80.0, 32.0),
        max_size: (f32::INFINITY, 30.0),
        ..icon_and_text()
    };
    // min wins over max, as in CSS.
    assert_eq!(layout(&clamped).implicit_size, (80.0, 32.0));
    let capped = LayoutInput {
        max_size: (50.0, 20.0),
        ..icon_and_text()
    };
    assert_eq!(layout(&capped).implicit_size, (50.0, 20.0));
}

#[test]
fn inputs_come_from_computed_styles() {
    use union_model::layout::AlignmentSource;
    use union_model::values::{Integer, Length};
    use union_model::{PropertyId as P, Slot, Style, Value};
    let mut style = Style::default();
    for (id, value) in [
        (P::Gap, Value::Length(Length::Px(4.0))),
        (P::PaddingTop, Value::Length(Length::Px(6.0))),
        (P::PaddingLeft, Value::Length(Length::Px(8.0))),
        (P::MinWidth, Value::Length(Length::Px(80.0))),
        (P::IconAlignmentHorizontal, Value::Align(Align::End)),
        (P::IconAlignmentOrder, Value::Integer(Integer(3))),
        (P::LayoutAlignmentContainer, Value::AlignContainer(Item)),
        (P::MarginLeft, Value::Length(Length::Px(2.0))),
    ] {
        assert!(style.set(id, Slot::Set(value)));
    }
    let input = LayoutInput::for_control(&style, Direction::Rtl);
    assert_eq!(input.spacing, 4.0);
    assert_eq!(
        input.padding,
        Edges {
            top: 6.0,
            right: 0.0,
            bottom: 0.0,
            left: 8.0
        }
    );
    assert_eq!(input.min_size, (80.0, 0.0));
    assert_eq!(input.max_size.0, f32::INFINITY);
    assert_eq!(input.direction, Direction::Rtl);
    let icon = LayoutItem::from_style(&style, AlignmentSource::Icon, 16.0, 16.0);
    assert_eq!(
        (icon.container, icon.horizontal, icon.vertical, icon.order),
        (Content, Align::End, Align::Center, 3)
    );
    assert_eq!(
        icon.margin,
        Edges::default(),
        "margins belong to sub-elements, not to the icon"
    );
    let indicator = LayoutItem::from_style(&style, AlignmentSource::Layout, 20.0, 20.0);
    assert_eq!((indicator.container, indicator.margin.left), (Item, 2.0));
}

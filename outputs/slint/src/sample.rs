//! From the control scene to a [`Look`]: one scene as it is (what
//! `union render --backend slint` draws), or a control sampled over its
//! states, sizes, text sizes and values (what a generated style draws).
//!
//! Sampling asks the model for the scene at a base size and at one step
//! along each input (width, height, text width, text height, value, and
//! value with width or height), with a [`Measure`] that reports a text
//! size it is told, and fits every rectangle as an affine function of the
//! inputs. A sample off the steps checks the fit: a part the scene places
//! some other way is reported as a [`Gap`], not silently misplaced.

use crate::expr::Affine;
use crate::look::{
    Base, Combo, Gap, IconFiles, Input, Look, LookPart, PartContent, circular_radii,
};
use std::sync::Arc;
use union_model::geometry::Rect;
use union_model::scene::{Content, ControlScene, IconRef, Measure, ScenePart, SceneRequest};
use union_model::{ComputedStyle, Query, State, Style, Styler};

/// A flag of a generated look: its Slint property and the state it sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag {
    /// The look's boolean input (`hovered`).
    pub property: &'static str,
    /// The state it sets on the element.
    pub state: State,
}

/// The flags generated looks use, in the order conditions test them.
pub const FLAGS: [Flag; 7] = [
    Flag {
        property: "disabled",
        state: State::Disabled,
    },
    Flag {
        property: "pressed",
        state: State::Pressed,
    },
    Flag {
        property: "hovered",
        state: State::Hovered,
    },
    Flag {
        property: "checked",
        state: State::Checked,
    },
    Flag {
        property: "focused",
        state: State::Focused,
    },
    Flag {
        property: "selected",
        state: State::Selected,
    },
    Flag {
        property: "open",
        state: State::Open,
    },
];

/// The Slint look of one scene as drawn: constant geometry, no flags, its
/// own text as a literal.
pub fn scene_look(scene: &ControlScene, name: &str) -> Look {
    let mut parts = vec![part(
        String::new(),
        scene.rect(),
        &scene.style,
        PartContent::Box,
        None,
    )];
    for p in &scene.parts {
        let (content, icon) = match &p.content {
            Content::Box { icon } => (
                PartContent::Box,
                icon.as_ref()
                    .map(|i| (i.icon.clone(), constant(i.rect_in(p.rect)))),
            ),
            Content::Text { text, .. } => (PartContent::Text(crate::expr::string(text)), None),
            Content::Icon { icon } => (PartContent::Icon(icon.clone()), None),
        };
        parts.push(part(key(p), p.rect, &p.style, content, icon));
    }
    Look {
        name: name.to_owned(),
        element: scene.element.type_name().to_owned(),
        flags: Vec::new(),
        combos: vec![Combo {
            parts,
            implicit: [
                Affine::constant(scene.size.0),
                Affine::constant(scene.size.1),
            ],
        }],
        app_icon: false,
        base: Base {
            size: scene.size,
            text: (0.0, 0.0),
        },
        text_font: None,
    }
}

fn key(p: &ScenePart) -> String {
    p.element.to_string()
}

fn constant(r: Rect) -> [Affine; 4] {
    [r.x, r.y, r.width, r.height].map(Affine::constant)
}

fn part(
    key: String,
    rect: Rect,
    style: &Arc<ComputedStyle>,
    content: PartContent,
    icon: Option<(IconRef, [Affine; 4])>,
) -> LookPart {
    let (radii, elliptical) = circular_radii(&style.style, (rect.width, rect.height));
    LookPart {
        key,
        rect: constant(rect),
        radii: radii.map(Affine::constant),
        style: Arc::clone(style),
        content,
        icon,
        elliptical,
    }
}

/// Reports a fixed text size and finds icons with the output's lookup.
struct Synthetic<'a> {
    text: (f32, f32),
    icons: &'a mut dyn IconFiles,
}

impl Measure for Synthetic<'_> {
    fn text_size(&mut self, _: &str, _: &Style, _: Option<f32>, _: f32) -> (f32, f32) {
        self.text
    }

    fn has_icon(&mut self, icon: &IconRef) -> bool {
        matches!(icon, IconRef::Name(name) if &**name == APP_ICON)
            || self.icons.file(icon).is_some()
    }

    fn fingerprint(&self) -> u64 {
        u64::from(self.text.0.to_bits()) << 32 | u64::from(self.text.1.to_bits())
    }
}

/// The icon name standing for the application's icon (the look's `icon`
/// property) while sampling.
pub const APP_ICON: &str = "union-slint-application-icon";

/// The step every input is sampled at, logical px.
const STEP: f32 = 40.0;
/// The base sample's text size.
const TEXT: (f32, f32) = (60.0, 16.0);
/// How far a part may be from its fitted place before it is reported.
const FIT_TOLERANCE: f32 = 0.75;

/// One sample's inputs.
#[derive(Clone, Copy)]
struct At {
    dw: f32,
    dh: f32,
    dtw: f32,
    dth: f32,
    value: f32,
}

impl At {
    const BASE: At = At {
        dw: 0.0,
        dh: 0.0,
        dtw: 0.0,
        dth: 0.0,
        value: 0.0,
    };

    /// The inputs in [`Input::ALL`] order.
    fn inputs(self) -> [f32; Input::COUNT] {
        [
            self.dw,
            self.dh,
            self.dtw,
            self.dth,
            self.value,
            self.value * self.dw,
            self.value * self.dh,
        ]
    }
}

/// The look of the control `query` targets (its own states are replaced
/// by each combination of `flags`), named `name`, sampled from the model.
/// `text` is the Slint expression of its text.
pub fn sample_look(
    styler: &Styler,
    query: &Query,
    flags: &[Flag],
    app_icon: bool,
    name: &str,
    icons: &mut dyn IconFiles,
) -> Result<(Look, Vec<Gap>), String> {
    let icon_bit = 1u32 << flags.len();
    let element = query
        .target()
        .map_or_else(String::new, |e| e.type_name().to_owned());
    let mut gaps = Vec::new();
    let scene = |states: u32, size: Option<(f32, f32)>, at: At, icons: &mut dyn IconFiles| {
        let mut query = query.clone();
        if let Some(target) = query.chain_mut().last_mut() {
            for (i, flag) in flags.iter().enumerate() {
                target.set_state(flag.state, states & (1 << i) != 0);
            }
        }
        let mut measure = Synthetic {
            text: (TEXT.0 + at.dtw, TEXT.1 + at.dth),
            icons,
        };
        let request = SceneRequest {
            size,
            value: at.value,
            text: Some("Xy"),
            icon: (states & icon_bit != 0).then_some(APP_ICON),
            ..SceneRequest::new(&query)
        };
        union_model::scene::build_scene(styler, &request, &mut measure).map_err(|e| e.to_string())
    };
    let samples = [
        At::BASE,
        At {
            dw: STEP,
            ..At::BASE
        },
        At {
            dh: STEP,
            ..At::BASE
        },
        // Text grows with the control, so that it still fits: the step of
        // the text alone is the difference from the control's step.
        At {
            dw: STEP,
            dtw: STEP,
            ..At::BASE
        },
        At {
            dh: STEP,
            dth: STEP,
            ..At::BASE
        },
        At {
            value: 1.0,
            ..At::BASE
        },
        At {
            value: 1.0,
            dw: STEP,
            ..At::BASE
        },
        At {
            value: 1.0,
            dh: STEP,
            ..At::BASE
        },
    ];
    let check = At {
        dw: 17.0,
        dh: 9.0,
        dtw: 7.0,
        dth: 3.0,
        value: 0.3,
    };
    let mut combos = Vec::new();
    // The base size all combinations are sampled around: the plain
    // control's implicit size.
    let (w0, h0) = scene(0, None, At::BASE, icons)?.size;
    let combos_count = 1u32 << (flags.len() + usize::from(app_icon));
    for states in 0..combos_count {
        // The implicit size in these states, affine in the text size.
        let implicit0 = scene(states, None, At::BASE, icons)?;
        let implicit_w = scene(
            states,
            None,
            At {
                dtw: STEP,
                ..At::BASE
            },
            icons,
        )?;
        let implicit_h = scene(
            states,
            None,
            At {
                dth: STEP,
                ..At::BASE
            },
            icons,
        )?;
        let mut implicit = [
            Affine::constant(implicit0.size.0),
            Affine::constant(implicit0.size.1),
        ];
        implicit[0].terms[2] = (implicit_w.size.0 - implicit0.size.0) / STEP;
        implicit[1].terms[3] = (implicit_h.size.1 - implicit0.size.1) / STEP;
        // Sampled around these states' own implicit size (an icon makes
        // room), then rebased onto the look's base size.
        let (cw, ch) = implicit0.size;
        let (sw, sh) = (cw - w0, ch - h0);
        let mut scenes = Vec::with_capacity(samples.len());
        for at in samples {
            scenes.push(scene(states, Some((cw + at.dw, ch + at.dh)), at, icons)?);
        }
        let checked = scene(states, Some((cw + check.dw, ch + check.dh)), check, icons)?;
        let mut parts = Vec::new();
        for (index, base) in std::iter::once(None)
            .chain(scenes[0].parts.iter().map(Some))
            .enumerate()
        {
            let quantities =
                |s: &ControlScene| -> Option<Vec<f32>> { part_quantities(s, base, index) };
            let Some(q0) = quantities(&scenes[0]) else {
                continue;
            };
            let at = |i: usize| {
                quantities(&scenes[i])
                    .filter(|q| q.len() == q0.len())
                    .unwrap_or_else(|| q0.clone())
            };
            let qs: Vec<Vec<f32>> = (0..samples.len()).map(at).collect();
            let fitted: Vec<Affine> = (0..q0.len())
                .map(|k| {
                    let d = |i: usize| qs[i][k] - q0[k];
                    let mut terms = [0.0; Input::COUNT];
                    terms[0] = d(1) / STEP;
                    terms[1] = d(2) / STEP;
                    terms[2] = (d(3) - d(1)) / STEP;
                    terms[3] = (d(4) - d(2)) / STEP;
                    terms[4] = d(5);
                    terms[5] = (d(6) - d(5) - d(1)) / STEP;
                    terms[6] = (d(7) - d(5) - d(2)) / STEP;
                    // value = q0 + k·(w − cw) + …: rebased so that the
                    // inputs count from the look's base size w0.
                    let constant = q0[k] - terms[0] * sw - terms[1] * sh;
                    terms[4] -= terms[5] * sw + terms[6] * sh;
                    Affine { constant, terms }
                })
                .collect();
            let label = match base {
                None => element.clone(),
                Some(p) => format!("{element} > {}", key(p)),
            };
            match quantities(&checked).filter(|q| q.len() == q0.len()) {
                Some(actual) => {
                    let inputs = At {
                        dw: check.dw + sw,
                        dh: check.dh + sh,
                        ..check
                    }
                    .inputs();
                    let off = fitted.iter().zip(&actual).any(|(f, a)| {
                        let predicted = f.constant
                            + f.terms.iter().zip(inputs).map(|(k, x)| k * x).sum::<f32>();
                        (predicted - a).abs() > FIT_TOLERANCE
                    });
                    if off {
                        gaps.push(Gap {
                            element: label,
                            property: "placement",
                            instead: "not affine in size, text and value: placed by the nearest fit",
                        });
                    }
                }
                None => gaps.push(Gap {
                    element: label,
                    property: "placement",
                    instead: "a part that comes and goes with the size or value is always drawn",
                }),
            }
            let scene0 = &scenes[0];
            let (rect, style, content, icon_rect) = match base {
                None => (scene0.rect(), &scene0.style, PartContent::Box, None),
                Some(p) => {
                    let (content, icon) = match &p.content {
                        Content::Box { icon } => {
                            (PartContent::Box, icon.as_ref().map(|i| i.icon.clone()))
                        }
                        Content::Text { .. } => (PartContent::Text("root.text".to_owned()), None),
                        Content::Icon { icon } => (PartContent::Icon(icon.clone()), None),
                    };
                    (p.rect, &p.style, content, icon)
                }
            };
            let (_, elliptical) = circular_radii(&style.style, (rect.width, rect.height));
            let f4 = |i: usize| [fitted[i], fitted[i + 1], fitted[i + 2], fitted[i + 3]];
            parts.push(LookPart {
                key: base.map_or_else(String::new, key),
                rect: f4(0),
                radii: f4(4),
                style: Arc::clone(style),
                content,
                icon: icon_rect.and_then(|icon| (fitted.len() >= 12).then(|| (icon, f4(8)))),
                elliptical,
            });
        }
        combos.push(Combo { parts, implicit });
    }
    let text_font = combos
        .first()
        .and_then(|c| {
            c.parts
                .iter()
                .find(|p| matches!(p.content, PartContent::Text(_)))
        })
        .map(|p| Arc::clone(&p.style));
    gaps.sort();
    gaps.dedup();
    Ok((
        Look {
            name: name.to_owned(),
            element,
            flags: flags
                .iter()
                .map(|f| f.property.to_owned())
                .chain(app_icon.then(|| "has-icon".to_owned()))
                .collect(),
            app_icon,
            combos,
            base: Base {
                size: (w0, h0),
                text: TEXT,
            },
            text_font,
        },
        gaps,
    ))
}

/// The quantities fitted for one part of `scene` (the control's box for
/// `None`): its rectangle, its four radii, and its icon's rectangle. The
/// part is found by its key and its place among parts of that key.
fn part_quantities(
    scene: &ControlScene,
    base: Option<&ScenePart>,
    _index: usize,
) -> Option<Vec<f32>> {
    let (rect, style, icon) = match base {
        None => (scene.rect(), &scene.style, None),
        Some(b) => {
            let found = scene.parts.iter().find(|p| {
                p.element == b.element
                    && std::mem::discriminant(&p.content) == std::mem::discriminant(&b.content)
            })?;
            let icon = match &found.content {
                Content::Box { icon: Some(i) } => Some(i.rect_in(found.rect)),
                _ => None,
            };
            (found.rect, &found.style, icon)
        }
    };
    let (radii, _) = circular_radii(&style.style, (rect.width, rect.height));
    let mut q = vec![rect.x, rect.y, rect.width, rect.height];
    q.extend(radii);
    if let Some(i) = icon {
        q.extend([i.x, i.y, i.width, i.height]);
    }
    Some(q)
}

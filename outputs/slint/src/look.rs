//! A control's looks as one Slint component: its parts as Slint elements
//! whose geometry is an affine function of the control's size, its text's
//! size and its value, and whose every property is chosen by the control's
//! states (`root.hovered ? … : …`).
//!
//! A [`Look`] holds one [`Combo`] per combination of its flags (states);
//! [`emit`] writes the component. The same emitter writes a single scene
//! (no flags, constant geometry: what `union render --backend slint`
//! draws) and a generated style's per-control looks (sampled by
//! [`crate::sample`]), so the two cannot drift apart.

use crate::expr::{self, Affine};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;
use union_model::geometry::Radii;
use union_model::scene::IconRef;
use union_model::values::{Color, Image, LineStyle};
use union_model::{ComputedStyle, Slot};

/// An input a look's geometry depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The control's width beyond the base sample's.
    Width,
    /// The control's height beyond the base sample's.
    Height,
    /// The text's width beyond the base sample's.
    TextWidth,
    /// The text's height beyond the base sample's.
    TextHeight,
    /// The value (0 to 1), per px.
    Value,
    /// The value times the extra width.
    ValueWidth,
    /// The value times the extra height.
    ValueHeight,
}

impl Input {
    /// How many inputs there are.
    pub const COUNT: usize = 7;
    /// Every input, in coefficient order.
    pub const ALL: [Input; Input::COUNT] = [
        Input::Width,
        Input::Height,
        Input::TextWidth,
        Input::TextHeight,
        Input::Value,
        Input::ValueWidth,
        Input::ValueHeight,
    ];

    /// The Slint length expression of the input inside a look component.
    pub fn slint(self) -> &'static str {
        match self {
            Input::Width => "root.dw",
            Input::Height => "root.dh",
            Input::TextWidth => "root.dtw",
            Input::TextHeight => "root.dth",
            Input::Value => "(root.value * 1px)",
            Input::ValueWidth => "(root.value * root.dw)",
            Input::ValueHeight => "(root.value * root.dh)",
        }
    }
}

pub use union_model::scene::Gap;

/// What a part shows besides its box.
#[derive(Clone, Debug, PartialEq)]
pub enum PartContent {
    /// Only the box (and its own icon, if any).
    Box,
    /// Text: a Slint string expression (`root.text` or a literal).
    Text(String),
    /// An icon filling the part.
    Icon(IconRef),
}

/// One part of a control in one combination of states.
#[derive(Clone, Debug)]
pub struct LookPart {
    /// Which part (`Indicator.up`); the control's own box is `""`.
    pub key: String,
    /// Its border box: x, y, width, height.
    pub rect: [Affine; 4],
    /// Its corner radii (circular), top-left first, clockwise.
    pub radii: [Affine; 4],
    /// Its style.
    pub style: Arc<ComputedStyle>,
    /// What it shows.
    pub content: PartContent,
    /// A box's own icon and its rectangle.
    pub icon: Option<(IconRef, [Affine; 4])>,
    /// Whether its corners are elliptical at the base sample.
    pub elliptical: bool,
}

/// A control's parts in one combination of states, in paint order.
#[derive(Clone, Debug)]
pub struct Combo {
    /// The parts.
    pub parts: Vec<LookPart>,
    /// The implicit size in these states: width and height, affine in the
    /// text size.
    pub implicit: [Affine; 2],
}

/// A control's looks over every combination of its flags.
#[derive(Clone, Debug)]
pub struct Look {
    /// The component's name.
    pub name: String,
    /// The element, as gaps name it (`Button`).
    pub element: String,
    /// The boolean inputs, as Slint property names (`hovered`); combo `i`
    /// has flag `j` set when bit `j` of `i` is.
    pub flags: Vec<String>,
    /// One per combination of flags (`1 << flags.len()` of them).
    pub combos: Vec<Combo>,
    /// Whether the last flag is `has-icon`: the application's icon (the
    /// look's `icon` property) shown.
    pub app_icon: bool,
    /// The base sample's control size, text size.
    pub base: Base,
    /// The text part's font at the base combination, for measuring.
    pub text_font: Option<Arc<ComputedStyle>>,
}

/// The sample the affine inputs count from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Base {
    /// Control width and height, logical px.
    pub size: (f32, f32),
    /// Text width and height, logical px.
    pub text: (f32, f32),
}

/// How icons are found on disk.
pub trait IconFiles {
    /// The file of `icon`, with whether it is a symbolic (recolourable) one.
    fn file(&mut self, icon: &IconRef) -> Option<(std::path::PathBuf, bool)>;
}

/// Writes `look` as a Slint component (`component <name> { … }`); returns
/// the source and what it cannot draw as asked.
pub fn emit(look: &Look, icons: &mut dyn IconFiles) -> (String, Vec<Gap>) {
    let mut gaps = BTreeSet::new();
    let keys = part_order(look);
    let mut out = String::new();
    let _ = writeln!(out, "export component {} {{", look.name);
    for flag in &look.flags {
        let _ = writeln!(out, "    in property <bool> {flag};");
    }
    let _ = writeln!(out, "    in property <string> text;");
    let _ = writeln!(out, "    in property <float> value;");
    if look.app_icon {
        let _ = writeln!(out, "    in property <image> icon;");
    }
    let (bw, bh) = look.base.size;
    for (axis, name) in ["implicit-width", "implicit-height"].iter().enumerate() {
        let values: Vec<Option<String>> = look
            .combos
            .iter()
            .map(|c| Some(c.implicit[axis].to_slint()))
            .collect();
        let _ = writeln!(
            out,
            "    out property <length> {name}: {};",
            decide(&values, &look.flags)
        );
    }
    let _ = writeln!(
        out,
        "    property <length> dw: self.width - {};",
        expr::px(bw)
    );
    let _ = writeln!(
        out,
        "    property <length> dh: self.height - {};",
        expr::px(bh)
    );
    match &look.text_font {
        Some(font) => {
            let _ = writeln!(
                out,
                "    property <length> dtw: measure.preferred-width - {};",
                expr::px(look.base.text.0)
            );
            let _ = writeln!(
                out,
                "    property <length> dth: measure.preferred-height - {};",
                expr::px(look.base.text.1)
            );
            let _ = writeln!(
                out,
                "    measure := Text {{ visible: false; text: root.text;{} }}",
                font_properties(&font.style)
            );
        }
        None => {
            let _ = writeln!(out, "    property <length> dtw: 0px;");
            let _ = writeln!(out, "    property <length> dth: 0px;");
        }
    }
    // The control's opacity applies to it as a group (Slint draws a
    // layer), its parts' own opacities inside it.
    let group: Vec<Option<String>> = look
        .combos
        .iter()
        .map(|c| {
            c.parts
                .iter()
                .find(|p| p.key.is_empty())
                .map(|p| expr::number(p.style.opacity()))
        })
        .collect();
    let _ = writeln!(out, "    opacity: {};", decide(&group, &look.flags));
    for (index, key) in keys.iter().enumerate() {
        emit_part(look, key, index, icons, &mut out, &mut gaps);
    }
    out.push_str("}\n");
    (out, gaps.into_iter().collect())
}

/// Every part key in paint order, merged over the combinations.
fn part_order(look: &Look) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for combo in &look.combos {
        let mut after: Option<usize> = None;
        for part in &combo.parts {
            let at = match keys.iter().position(|k| *k == part.key) {
                Some(at) => at,
                None => {
                    let at = after.map_or(0, |a| a + 1);
                    keys.insert(at, part.key.clone());
                    at
                }
            };
            after = Some(at);
        }
    }
    keys
}

/// A property's value per combination (`None` where the part is absent).
type PerCombo = Vec<Option<String>>;

/// One Slint element's properties, per combination.
#[derive(Default)]
struct Element {
    props: Vec<(&'static str, PerCombo)>,
    /// `animate` blocks: the Slint properties and the animation.
    animations: Vec<(Vec<&'static str>, String)>,
}

impl Element {
    fn set(&mut self, combos: usize, combo: usize, name: &'static str, value: String) {
        let slot = match self.props.iter().position(|(n, _)| *n == name) {
            Some(i) => i,
            None => {
                self.props.push((name, vec![None; combos]));
                self.props.len() - 1
            }
        };
        self.props[slot].1[combo] = Some(value);
    }

    fn write(&self, kind: &str, id: &str, look: &Look, out: &mut String) {
        let _ = writeln!(out, "    {id} := {kind} {{");
        for (name, values) in &self.props {
            let _ = writeln!(out, "        {name}: {};", decide(values, &look.flags));
        }
        let mut animated: Vec<&str> = Vec::new();
        for (properties, animation) in &self.animations {
            // A property animates once: the first transition naming it wins.
            let present: Vec<&str> = properties
                .iter()
                .copied()
                .filter(|p| self.props.iter().any(|(n, _)| n == p) && !animated.contains(p))
                .collect();
            animated.extend(&present);
            if !present.is_empty() {
                let _ = writeln!(
                    out,
                    "        animate {} {{ {animation} }}",
                    present.join(", ")
                );
            }
        }
        out.push_str("    }\n");
    }
}

/// The expression choosing among `values` by the flags: nested
/// conditionals on the first flag the values depend on.
fn decide(values: &[Option<String>], flags: &[String]) -> String {
    let combos: Vec<usize> = (0..values.len()).collect();
    decide_among(values, flags, &combos, 0)
}

fn decide_among(
    values: &[Option<String>],
    flags: &[String],
    combos: &[usize],
    flag: usize,
) -> String {
    let present: BTreeSet<&String> = combos.iter().filter_map(|c| values[*c].as_ref()).collect();
    if present.len() <= 1 {
        return present
            .into_iter()
            .next()
            .cloned()
            .unwrap_or_else(|| "0".to_owned());
    }
    for f in flag..flags.len() {
        let (on, off): (Vec<usize>, Vec<usize>) = combos.iter().partition(|c| *c & (1 << f) != 0);
        let side = |set: &[usize]| -> BTreeSet<&String> {
            set.iter().filter_map(|c| values[*c].as_ref()).collect()
        };
        // A flag the values do not depend on: every combination with it
        // set looks like the same one without it.
        let depends = on.iter().any(|c| {
            values[*c] != values[*c & !(1 << f)]
                && values[*c].is_some()
                && values[*c & !(1 << f)].is_some()
        });
        if !(depends || side(&on).is_empty() || side(&off).is_empty()) {
            continue;
        }
        if side(&on).is_empty() {
            return decide_among(values, flags, &off, f + 1);
        }
        if side(&off).is_empty() {
            return decide_among(values, flags, &on, f + 1);
        }
        return format!(
            "(root.{} ? {} : {})",
            flags[f],
            decide_among(values, flags, &on, f + 1),
            decide_among(values, flags, &off, f + 1)
        );
    }
    present
        .into_iter()
        .next()
        .cloned()
        .unwrap_or_else(|| "0".to_owned())
}

fn font_properties(style: &union_model::Style) -> String {
    let mut out = String::new();
    let size = style
        .text
        .font_size
        .value()
        .and_then(|l| l.px())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(union_model::Context::DEFAULT_FONT_SIZE, |s| s.min(1000.0));
    let _ = write!(out, " font-size: {};", expr::px(size));
    if let Some(weight) = style.text.font_weight.value() {
        let _ = write!(out, " font-weight: {};", weight.0);
    }
    if let Some(family) = style.text.font_family.value().and_then(|f| f.0.first()) {
        let generic = matches!(
            &**family,
            "sans-serif" | "serif" | "monospace" | "system-ui" | "cursive" | "fantasy"
        );
        if !generic {
            let _ = write!(out, " font-family: {};", expr::string(family));
        }
    }
    out
}

fn side_width(side: &union_model::LineProps) -> f32 {
    if matches!(side.style.value(), None | Some(LineStyle::None)) {
        0.0
    } else {
        length(&side.width)
    }
}

fn length(slot: &Slot<union_model::values::Length>) -> f32 {
    slot.value()
        .and_then(|l| l.px())
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
        .max(0.0)
}

fn rect_props(el: &mut Element, n: usize, c: usize, rect: &[Affine; 4]) {
    el.set(n, c, "x", rect[0].to_slint());
    el.set(n, c, "y", rect[1].to_slint());
    el.set(n, c, "width", rect[2].to_slint());
    el.set(n, c, "height", rect[3].to_slint());
}

const CORNERS: [&str; 4] = [
    "border-top-left-radius",
    "border-top-right-radius",
    "border-bottom-right-radius",
    "border-bottom-left-radius",
];

/// Writes the elements of the part `key` (box, side borders, outline,
/// icon or text), each with its properties chosen by the flags.
fn emit_part(
    look: &Look,
    key: &str,
    index: usize,
    icons: &mut dyn IconFiles,
    out: &mut String,
    gaps: &mut BTreeSet<Gap>,
) {
    let n = look.combos.len();
    let name = if key.is_empty() {
        look.element.clone()
    } else {
        format!("{} > {key}", look.element)
    };
    let mut gap = |property: &'static str, instead: &'static str| {
        gaps.insert(Gap {
            element: name.clone(),
            property,
            instead,
        });
    };
    let mut body = Element::default();
    // A background colour under a gradient, drawn as its own box below.
    let mut under = Element::default();
    let mut any_under = false;
    let mut sides: [Element; 4] = Default::default();
    let mut outline = Element::default();
    let mut icon = Element::default();
    let mut text = Element::default();
    let mut animated = false;
    let mut any_sides = false;
    let mut any_outline = false;
    let mut any_icon = false;
    let mut is_text = false;
    for (c, combo) in look.combos.iter().enumerate() {
        let Some(part) = combo.parts.iter().find(|p| p.key == key) else {
            continue;
        };
        let style = &part.style.style;
        if !animated {
            animated = true;
            let (body_anims, text_anims, outline_anims) = animations(style, &mut gap);
            body.animations = body_anims;
            text.animations = text_anims;
            outline.animations = outline_anims;
        }
        let current = union_model::cascade::current_color(style);
        // The control's own opacity is the group's (see `emit`).
        let opacity = if key.is_empty() {
            1.0
        } else {
            part.style.opacity()
        };
        let color = |value: &Color| expr::color(value, &current);
        if let PartContent::Text(content) = &part.content {
            is_text = true;
            rect_props(&mut text, n, c, &part.rect);
            text.set(n, c, "visible", "true".to_owned());
            text.set(n, c, "text", content.clone());
            text.set(n, c, "color", color(&current));
            text.set(n, c, "opacity", expr::number(opacity));
            text.set(n, c, "font-properties", font_properties(style));
            continue;
        }
        rect_props(&mut body, n, c, &part.rect);
        body.set(n, c, "visible", "true".to_owned());
        body.set(n, c, "opacity", expr::number(opacity));
        // Background: a colour, or a linear gradient over it.
        let base = style.background.color.value().map(&color);
        let brush = match style.background.image.value() {
            Some(Image::Linear(gradient)) => {
                if let Some(colour) = &base {
                    any_under = true;
                    rect_props(&mut under, n, c, &part.rect);
                    under.set(n, c, "visible", "true".to_owned());
                    under.set(n, c, "opacity", expr::number(opacity));
                    under.set(n, c, "background", colour.clone());
                    for (corner, radius) in CORNERS.iter().zip(&part.radii) {
                        under.set(n, c, corner, radius.to_slint());
                    }
                }
                let size = (part.rect[2].constant, part.rect[3].constant);
                expr::linear_gradient(gradient, size, &current).or_else(|| {
                    gap("background-image", "repeating gradients are not drawn");
                    base.clone()
                })
            }
            Some(_) => {
                gap("background-image", "only linear gradients are drawn");
                base.clone()
            }
            None => base.clone(),
        };
        body.set(
            n,
            c,
            "background",
            brush.unwrap_or_else(|| "transparent".to_owned()),
        );
        if style.border_image.source.value().is_some() {
            gap(
                "border-image-source",
                "Plasma frames and 9-patches are not drawn",
            );
        }
        // Radii.
        for (corner, radius) in CORNERS.iter().zip(&part.radii) {
            body.set(n, c, corner, radius.to_slint());
        }
        if part.elliptical {
            gap("border-radius", "circular corners (the smaller radius)");
        }
        // Borders: one width and colour on the box when the sides agree,
        // else each side as its own band (square corners).
        let border = &style.border;
        let all = [&border.top, &border.right, &border.bottom, &border.left];
        let looks: Vec<(f32, String)> = all
            .iter()
            .map(|s| {
                let w = side_width(s);
                let col = s.color.value().map_or_else(|| color(&current), &color);
                (w, col)
            })
            .collect();
        let uniform = looks.iter().all(|l| *l == looks[0]);
        if uniform {
            body.set(n, c, "border-width", expr::px(looks[0].0));
            body.set(n, c, "border-color", looks[0].1.clone());
        } else {
            any_sides = true;
            body.set(n, c, "border-width", "0px".to_owned());
            body.set(n, c, "border-color", "transparent".to_owned());
            if part.radii.iter().any(|r| r.constant > 0.0) {
                gap(
                    "border",
                    "sides of different widths or colours have square corners",
                );
            }
            let [x, y, w, h] = part.rect;
            let (t, r, b, l) = (looks[0].0, looks[1].0, looks[2].0, looks[3].0);
            let shift = |a: Affine, by: f32| Affine {
                constant: a.constant + by,
                ..a
            };
            let bands = [
                [x, y, w, Affine::constant(t)],
                [shift(plus(x, w), -r), y, Affine::constant(r), h],
                [x, shift(plus(y, h), -b), w, Affine::constant(b)],
                [x, y, Affine::constant(l), h],
            ];
            for ((side, band), (width, col)) in sides.iter_mut().zip(bands).zip(&looks) {
                rect_props(side, n, c, &band);
                side.set(n, c, "visible", (*width > 0.0).to_string());
                side.set(n, c, "background", col.clone());
                side.set(n, c, "opacity", expr::number(opacity));
            }
        }
        if all
            .iter()
            .any(|s| matches!(s.style.value(), Some(LineStyle::Dashed | LineStyle::Dotted)))
        {
            gap("border-style", "dashed and dotted borders are drawn solid");
        }
        // Shadows: the first outer one as Slint's drop shadow.
        let layers: Vec<_> = style
            .shadow
            .layers
            .value()
            .iter()
            .flat_map(|l| l.0.iter())
            .collect();
        let outer: Vec<_> = layers.iter().filter(|s| !s.inset).collect();
        if layers.iter().any(|s| s.inset) {
            gap("box-shadow", "inset shadows are not drawn");
        }
        if outer.len() > 1 {
            gap("box-shadow", "only the first outer shadow is drawn");
        }
        match outer.first() {
            Some(shadow) => {
                let l = |v: union_model::values::Length| {
                    v.px().filter(|v| v.is_finite()).unwrap_or(0.0)
                };
                if l(shadow.spread) != 0.0 {
                    gap("box-shadow", "spread is not drawn");
                }
                gap(
                    "box-shadow",
                    "the software renderer draws no drop shadows (slint-ui/slint#4177)",
                );
                body.set(n, c, "drop-shadow-offset-x", expr::px(l(shadow.x)));
                body.set(n, c, "drop-shadow-offset-y", expr::px(l(shadow.y)));
                body.set(
                    n,
                    c,
                    "drop-shadow-blur",
                    expr::px(l(shadow.blur).max(0.0) / 2.0),
                );
                body.set(n, c, "drop-shadow-color", color(&shadow.color));
            }
            None => {
                body.set(n, c, "drop-shadow-color", "transparent".to_owned());
            }
        }
        // The outline, outside the border box beyond its offset.
        let side = &style.outline.top;
        let width = side_width(side);
        if width > 0.0 {
            any_outline = true;
            let offset = style
                .outline
                .offset
                .value()
                .and_then(|l| l.px())
                .unwrap_or(0.0);
            let grow = offset + width;
            let [x, y, w, h] = part.rect;
            let moved = |a: Affine, by: f32| Affine {
                constant: a.constant + by,
                ..a
            };
            rect_props(
                &mut outline,
                n,
                c,
                &[
                    moved(x, -grow),
                    moved(y, -grow),
                    moved(w, 2.0 * grow),
                    moved(h, 2.0 * grow),
                ],
            );
            outline.set(n, c, "visible", "true".to_owned());
            outline.set(n, c, "border-width", expr::px(width));
            outline.set(
                n,
                c,
                "border-color",
                side.color.value().map_or_else(|| color(&current), &color),
            );
            outline.set(n, c, "opacity", expr::number(opacity));
            for (corner, radius) in CORNERS.iter().zip(&part.radii) {
                let grown = if radius.constant > 0.0 {
                    Affine {
                        constant: (radius.constant + grow).max(0.0),
                        ..*radius
                    }
                } else {
                    *radius
                };
                outline.set(n, c, corner, grown.to_slint());
            }
        } else {
            outline.set(n, c, "visible", "false".to_owned());
        }
        // The part's icon: its own (a box's) or the content's.
        let drawn = match (&part.icon, &part.content) {
            (Some((icon, rect)), _) => Some((icon, *rect)),
            (None, PartContent::Icon(icon)) => Some((icon, part.rect)),
            _ => None,
        };
        let app_icon =
            matches!(drawn, Some((IconRef::Name(name), _)) if &**name == crate::sample::APP_ICON);
        if app_icon && let Some((_, rect)) = drawn {
            any_icon = true;
            rect_props(&mut icon, n, c, &rect);
            icon.set(n, c, "visible", "true".to_owned());
            icon.set(n, c, "source", "root.icon".to_owned());
            icon.set(n, c, "colorize", "transparent".to_owned());
            icon.set(n, c, "opacity", expr::number(opacity));
            continue;
        }
        match drawn.map(|(i, r)| (icons.file(i), r)) {
            Some((Some((file, symbolic)), rect)) => {
                any_icon = true;
                rect_props(&mut icon, n, c, &rect);
                icon.set(n, c, "visible", "true".to_owned());
                icon.set(
                    n,
                    c,
                    "source",
                    format!("@image-url({})", expr::string(&file.to_string_lossy())),
                );
                let tint = style
                    .icon
                    .color
                    .value()
                    .cloned()
                    .or_else(|| symbolic.then_some(Color::CurrentColor));
                icon.set(
                    n,
                    c,
                    "colorize",
                    tint.map_or_else(|| "transparent".to_owned(), |t| color(&t)),
                );
                icon.set(n, c, "opacity", expr::number(opacity));
            }
            Some((None, _)) => gap("icon-source", "an icon not found on disk is not drawn"),
            None => icon.set(n, c, "visible", "false".to_owned()),
        }
    }
    let id = format!("p{index}");
    if is_text {
        // Font properties are written as a group: a Slint element takes them one by one.
        let mut plain = Element {
            animations: std::mem::take(&mut text.animations),
            ..Element::default()
        };
        let mut fonts = None;
        for (name, values) in text.props {
            if name == "font-properties" {
                fonts = values.into_iter().flatten().next();
            } else {
                plain.props.push((name, values));
            }
        }
        hide_where_absent(&mut plain);
        let mut source = String::new();
        plain.write("Text", &id, look, &mut source);
        let fonts = fonts.unwrap_or_default();
        let source = source.replacen(
            &format!("    {id} := Text {{\n"),
            &format!(
                "    {id} := Text {{\n        horizontal-alignment: center;\n        vertical-alignment: center;\n       {fonts}\n"
            ),
            1,
        );
        out.push_str(&source);
        return;
    }
    if any_under {
        hide_where_absent(&mut under);
        under.write("Rectangle", &format!("{id}-under"), look, out);
    }
    hide_where_absent(&mut body);
    body.write("Rectangle", &id, look, out);
    if any_sides {
        for (side, suffix) in sides.iter_mut().zip(["top", "right", "bottom", "left"]) {
            hide_where_absent(side);
            side.write("Rectangle", &format!("{id}-{suffix}"), look, out);
        }
    }
    if any_outline {
        hide_where_absent(&mut outline);
        outline.write("Rectangle", &format!("{id}-outline"), look, out);
    }
    if any_icon {
        hide_where_absent(&mut icon);
        icon.write("Image", &format!("{id}-icon"), look, out);
    }
}

/// The Slint properties a CSS property animates, per element of a part:
/// the box, the text and the outline.
fn slint_properties(css: &str) -> [&'static [&'static str]; 3] {
    match css {
        "all" => [
            &[
                "background",
                "border-color",
                "opacity",
                "x",
                "y",
                "width",
                "height",
            ],
            &["color", "opacity"],
            &["border-color", "opacity"],
        ],
        "background-color" | "background" => [&["background"], &[], &[]],
        "border-color"
        | "border-top-color"
        | "border-right-color"
        | "border-bottom-color"
        | "border-left-color"
        | "border" => [&["border-color"], &[], &[]],
        "color" => [&[], &["color"], &[]],
        "opacity" => [&["opacity"], &["opacity"], &["opacity"]],
        "outline-color" | "outline" => [&[], &[], &["border-color"]],
        _ => [&[], &[], &[]],
    }
}

type Animations = Vec<(Vec<&'static str>, String)>;

/// The style's `transition` as `animate` blocks for the box, the text and
/// the outline; transitions of properties Slint cannot animate here are
/// reported.
fn animations(
    style: &union_model::Style,
    gap: &mut dyn FnMut(&'static str, &'static str),
) -> (Animations, Animations, Animations) {
    let mut out: [Animations; 3] = Default::default();
    let Some(list) = style.transition.entries.value() else {
        return (Vec::new(), Vec::new(), Vec::new());
    };
    for t in &list.0 {
        let targets = slint_properties(&t.property);
        if targets.iter().all(|t| t.is_empty()) {
            gap(
                "transition",
                "only colours, opacity and (for `all`) geometry animate",
            );
            continue;
        }
        let easing = match t.easing {
            union_model::values::Easing::Linear => "linear".to_owned(),
            union_model::values::Easing::CubicBezier(a, b, c, d) => format!(
                "cubic-bezier({}, {}, {}, {})",
                expr::number(a),
                expr::number(b),
                expr::number(c),
                expr::number(d)
            ),
            union_model::values::Easing::Steps(..) => {
                gap("transition", "steps() easing runs linearly");
                "linear".to_owned()
            }
        };
        let animation = format!(
            "duration: {}ms; delay: {}ms; easing: {easing};",
            expr::number(t.duration * 1000.0),
            expr::number(t.delay * 1000.0)
        );
        for (slot, properties) in out.iter_mut().zip(targets) {
            if !properties.is_empty() {
                slot.push((properties.to_vec(), animation.clone()));
            }
        }
    }
    let [a, b, c] = out;
    (a, b, c)
}

/// Where a part is absent, its `visible` is false.
fn hide_where_absent(el: &mut Element) {
    let Some(present) = el
        .props
        .iter()
        .find(|(n, _)| *n == "visible")
        .map(|(_, v)| v.iter().map(Option::is_some).collect::<Vec<_>>())
    else {
        return;
    };
    for (name, values) in &mut el.props {
        if *name == "visible" {
            for (v, here) in values.iter_mut().zip(&present) {
                if !here {
                    *v = Some("false".to_owned());
                }
            }
        }
    }
}

fn plus(a: Affine, b: Affine) -> Affine {
    let mut terms = a.terms;
    for (t, k) in terms.iter_mut().zip(b.terms) {
        *t += k;
    }
    Affine {
        constant: a.constant + b.constant,
        terms,
    }
}

/// The corner radii of `style` resolved against a box of `size`, as
/// circular radii (the smaller of each corner's two), and whether any
/// corner is elliptical.
pub fn circular_radii(style: &union_model::Style, size: (f32, f32)) -> ([f32; 4], bool) {
    let radii = Radii::of(
        style,
        union_model::geometry::Rect::new(0.0, 0.0, size.0, size.1),
        1.0,
    );
    (radii.0.map(|(x, y)| x.min(y)), radii.is_elliptical())
}

//! Images, gradients and 9-patch slicing.

use super::{
    Color, LengthContext, LengthPercentage, PropertyValue, RepeatMode, write_comma_list,
    write_number,
};
use std::fmt;
use std::sync::Arc;

/// A resolved reference to a file: inputs make relative `url()`s absolute.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Url(pub Arc<str>);

impl PropertyValue for Url {
    const GRAMMAR: &'static str = "<url>";
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "url({:?})", &*self.0)
    }
}

/// One stop of a gradient.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColorStop {
    /// The colour at the stop.
    pub color: Color,
    /// Where the stop is along the gradient line; `None` spaces stops evenly, as CSS does.
    pub position: Option<LengthPercentage>,
}

/// `linear-gradient()`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LinearGradient {
    /// Direction in degrees: 0 points up, 90 right, 180 (the CSS default) down.
    pub angle: f32,
    /// At least two stops.
    pub stops: Vec<ColorStop>,
    /// `repeating-linear-gradient()`.
    pub repeating: bool,
}

impl LinearGradient {
    /// The length of the gradient line over a box of `size` (CSS: long
    /// enough for the box's corners to reach its ends).
    pub fn line_length(&self, size: (f32, f32)) -> f32 {
        let angle = self.angle.to_radians();
        (size.0 * angle.sin()).abs() + (size.1 * angle.cos()).abs()
    }

    /// Each stop's place along a gradient line `line` px long, as a share
    /// of it (0 to 1 inside the line); stops without a position are spaced
    /// evenly, as CSS does.
    pub fn stop_offsets(&self, line: f32) -> Vec<f32> {
        let count = self.stops.len().max(1);
        let context = LengthContext {
            font_size: 16.0,
            root_font_size: 16.0,
        };
        self.stops
            .iter()
            .enumerate()
            .map(|(i, stop)| {
                stop.position.map_or(
                    if count > 1 {
                        i as f32 / (count - 1) as f32
                    } else {
                        0.0
                    },
                    |p| p.to_px(line, &context) / line.max(1e-3),
                )
            })
            .collect()
    }
}

/// The shape of a radial gradient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RadialShape {
    /// Same radius both ways.
    Circle,
    /// Independent horizontal and vertical radii.
    Ellipse,
}

/// A named radial gradient extent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RadialExtent {
    /// To the closest side of the box.
    ClosestSide,
    /// To the closest corner.
    ClosestCorner,
    /// To the farthest side.
    FarthestSide,
    /// To the farthest corner (the CSS default).
    FarthestCorner,
}

/// The size of a radial gradient's ending shape.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RadialSize {
    /// A named extent.
    Extent(RadialExtent),
    /// Explicit horizontal and vertical radii (equal for circles).
    Radii(LengthPercentage, LengthPercentage),
}

/// `radial-gradient()`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RadialGradient {
    /// Circle or ellipse.
    pub shape: RadialShape,
    /// The ending shape's size.
    pub size: RadialSize,
    /// The centre, from the top-left of the box.
    pub center: (LengthPercentage, LengthPercentage),
    /// At least two stops.
    pub stops: Vec<ColorStop>,
    /// `repeating-radial-gradient()`.
    pub repeating: bool,
}

/// A named part of an SVG file: one element, or a frame of nine elements.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct SvgPart {
    /// The SVG or SVGZ file.
    pub source: Url,
    /// An element's id, or a frame's prefix (empty for a frame without
    /// one).
    pub name: Arc<str>,
}

/// An image: a file, a part of an SVG, or a gradient.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Image {
    /// An image file (SVG, SVGZ or raster).
    Url(Url),
    /// A frame drawn from nine elements of an SVG, `<prefix>-topleft` …
    /// `<prefix>-bottomright` and `<prefix>-center`, the way KDE's
    /// `FrameSvg` draws it: corners keep their size, sides tile or stretch,
    /// margins come from `<prefix>-hint-*-margin` elements. Used as a
    /// `border-image-source`, it covers the border box (grown by
    /// `border-image-outset`) and replaces slicing.
    SvgFrame(SvgPart),
    /// One element of an SVG, stretched to the area it is drawn in.
    SvgElement(SvgPart),
    /// A linear gradient.
    Linear(LinearGradient),
    /// A radial gradient.
    Radial(RadialGradient),
}

fn resolve_stops(stops: &mut [ColorStop], context: &LengthContext) {
    for stop in stops {
        if let Some(position) = &mut stop.position {
            position.resolve(context);
        }
    }
}

impl PropertyValue for Image {
    const GRAMMAR: &'static str = "<url> | svg-frame(<url>, <string>) | svg-element(<url>, <string>) | <linear-gradient()> | <radial-gradient()> | <repeating-linear-gradient()> | <repeating-radial-gradient()>";
    fn resolve_lengths(&mut self, context: &LengthContext) {
        match self {
            Image::Url(_) | Image::SvgFrame(_) | Image::SvgElement(_) => {}
            Image::Linear(g) => resolve_stops(&mut g.stops, context),
            Image::Radial(g) => {
                resolve_stops(&mut g.stops, context);
                g.center.0.resolve(context);
                g.center.1.resolve(context);
                if let RadialSize::Radii(x, y) = &mut g.size {
                    x.resolve(context);
                    y.resolve(context);
                }
            }
        }
    }
}

impl fmt::Display for ColorStop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.color)?;
        if let Some(position) = self.position {
            write!(f, " {position}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Image::Url(url) => write!(f, "{url}"),
            Image::SvgFrame(part) => write!(f, "svg-frame({}, {:?})", part.source, &*part.name),
            Image::SvgElement(part) => {
                write!(f, "svg-element({}, {:?})", part.source, &*part.name)
            }
            Image::Linear(g) => {
                f.write_str(if g.repeating {
                    "repeating-linear-gradient("
                } else {
                    "linear-gradient("
                })?;
                write_number(f, g.angle)?;
                f.write_str("deg, ")?;
                write_comma_list(f, &g.stops)?;
                f.write_str(")")
            }
            Image::Radial(g) => {
                f.write_str(if g.repeating {
                    "repeating-radial-gradient("
                } else {
                    "radial-gradient("
                })?;
                let shape = match g.shape {
                    RadialShape::Circle => "circle",
                    RadialShape::Ellipse => "ellipse",
                };
                match g.size {
                    RadialSize::Extent(extent) => {
                        let extent = match extent {
                            RadialExtent::ClosestSide => "closest-side",
                            RadialExtent::ClosestCorner => "closest-corner",
                            RadialExtent::FarthestSide => "farthest-side",
                            RadialExtent::FarthestCorner => "farthest-corner",
                        };
                        write!(f, "{shape} {extent}")?;
                    }
                    RadialSize::Radii(x, _) if g.shape == RadialShape::Circle => {
                        write!(f, "{shape} {x}")?;
                    }
                    RadialSize::Radii(x, y) => write!(f, "{shape} {x} {y}")?,
                }
                write!(f, " at {} {}, ", g.center.0, g.center.1)?;
                write_comma_list(f, &g.stops)?;
                f.write_str(")")
            }
        }
    }
}

/// One slicing offset of a 9-patch image.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SliceOffset {
    /// Image pixels (for SVG: user units).
    Number(f32),
    /// Percent of the image's width (left/right) or height (top/bottom).
    Percent(f32),
}

impl fmt::Display for SliceOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            SliceOffset::Number(n) => write_number(f, n),
            SliceOffset::Percent(p) => {
                write_number(f, p)?;
                f.write_str("%")
            }
        }
    }
}

/// Where the four slicing lines of a 9-patch image are (CSS `border-image-slice`).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NinePatchSlice {
    /// Offsets from the top, right, bottom and left edges of the image.
    pub offsets: [SliceOffset; 4],
    /// Whether the middle part is drawn (`fill`).
    pub fill: bool,
}

impl PropertyValue for NinePatchSlice {
    const GRAMMAR: &'static str = "[<number [0,∞]> | <percentage [0,∞]>]{1,4} && fill?";
}

fn write_four<T: fmt::Display + PartialEq>(f: &mut fmt::Formatter<'_>, v: &[T; 4]) -> fmt::Result {
    let [top, right, bottom, left] = v;
    if top == right && top == bottom && top == left {
        write!(f, "{top}")
    } else if top == bottom && right == left {
        write!(f, "{top} {right}")
    } else if right == left {
        write!(f, "{top} {right} {bottom}")
    } else {
        write!(f, "{top} {right} {bottom} {left}")
    }
}

impl fmt::Display for NinePatchSlice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_four(f, &self.offsets)?;
        if self.fill {
            f.write_str(" fill")?;
        }
        Ok(())
    }
}

/// One edge width of a 9-patch image (CSS `border-image-width` / `-outset`).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeWidth {
    /// A length or a percentage of the border box size.
    Length(LengthPercentage),
    /// A multiple of the border width on that side.
    Number(f32),
    /// The slice's own size (`auto`).
    Auto,
}

impl fmt::Display for EdgeWidth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EdgeWidth::Length(length) => write!(f, "{length}"),
            EdgeWidth::Number(n) => write_number(f, *n),
            EdgeWidth::Auto => f.write_str("auto"),
        }
    }
}

/// Four edge widths: top, right, bottom, left.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct EdgeWidths(pub [EdgeWidth; 4]);

impl PropertyValue for EdgeWidths {
    const GRAMMAR: &'static str = "[<length-percentage [0,∞]> | <number [0,∞]> | auto]{1,4}";
    fn resolve_lengths(&mut self, context: &LengthContext) {
        for edge in &mut self.0 {
            if let EdgeWidth::Length(length) = edge {
                length.resolve(context);
            }
        }
    }
}

impl fmt::Display for EdgeWidths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_four(f, &self.0)
    }
}

/// How edges fill their length: `horizontal` for the top and bottom edges,
/// `vertical` for the left and right edges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RepeatAxes {
    /// Mode along the horizontal axis.
    pub horizontal: RepeatMode,
    /// Mode along the vertical axis.
    pub vertical: RepeatMode,
}

impl RepeatAxes {
    /// The same mode on both axes.
    pub fn both(mode: RepeatMode) -> Self {
        Self {
            horizontal: mode,
            vertical: mode,
        }
    }
}

impl PropertyValue for RepeatAxes {
    const GRAMMAR: &'static str = "[stretch | repeat | round | space]{1,2}";
}

impl fmt::Display for RepeatAxes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.horizontal == self.vertical {
            write!(f, "{}", self.horizontal)
        } else {
            write!(f, "{} {}", self.horizontal, self.vertical)
        }
    }
}

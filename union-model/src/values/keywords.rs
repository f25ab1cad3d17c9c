//! Keyword-valued property types.

use super::PropertyValue;
use std::fmt;

macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident {
        $(#[$fdoc:meta])* $first:ident = $first_css:literal
        $(, $(#[$vdoc:meta])* $variant:ident = $css:literal )* $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[$fdoc])* #[serde(rename = $first_css)] $first,
            $( $(#[$vdoc])* #[serde(rename = $css)] $variant, )*
        }

        impl $name {
            /// Every keyword, in declaration order.
            pub const ALL: &'static [$name] = &[$name::$first, $($name::$variant),*];

            /// The CSS keyword.
            pub fn css_name(self) -> &'static str {
                match self { $name::$first => $first_css, $($name::$variant => $css,)* }
            }

            /// The value for a CSS keyword (ASCII case-insensitive, exact).
            pub fn from_css_name(name: &str) -> Option<Self> {
                if name.eq_ignore_ascii_case($first_css) { return Some($name::$first); }
                $( if name.eq_ignore_ascii_case($css) { return Some($name::$variant); } )*
                None
            }
        }

        impl PropertyValue for $name {
            const GRAMMAR: &'static str = concat!($first_css $(, " | ", $css)*);
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.css_name())
            }
        }
    };
}

keyword_enum! {
    /// Whether the element is drawn.
    Visibility { /** Drawn. */ Visible = "visible", /** Not drawn; still takes space. */ Hidden = "hidden" }
}

keyword_enum! {
    /// The box a sub-element is aligned within.
    AlignContainer {
        /// The whole item.
        Item = "item",
        /// The background area: the item minus `inset`.
        Background = "background",
        /// The content area: the background area minus `padding`.
        Content = "content",
    }
}

keyword_enum! {
    /// Placement along one axis.
    Align {
        /// At the start (left in LTR, right in RTL; top vertically).
        Start = "start",
        /// Centred.
        Center = "center",
        /// At the end.
        End = "end",
        /// Takes all the space.
        Fill = "fill",
        /// Stacked with the other items of the slot, the stack centred.
        StackCenter = "stack-center",
        /// Stacked with the other items of the slot, sharing the space.
        StackFill = "stack-fill",
    }
}

keyword_enum! {
    /// Upright or slanted glyphs.
    FontStyle { /** Upright. */ Normal = "normal", /** Italic glyphs. */ Italic = "italic", /** Slanted glyphs. */ Oblique = "oblique" }
}

keyword_enum! {
    /// Whether text wraps (CSS `text-wrap-mode`).
    TextWrapMode { /** Wraps at allowed break points. */ Wrap = "wrap", /** One line. */ NoWrap = "nowrap" }
}

keyword_enum! {
    /// Whether a word may break inside when it does not fit (CSS `overflow-wrap`).
    OverflowWrap {
        /// Only at allowed break points.
        Normal = "normal",
        /// Anywhere, and the breaks count for the minimum size.
        Anywhere = "anywhere",
        /// Anywhere, without counting for the minimum size.
        BreakWord = "break-word",
    }
}

keyword_enum! {
    /// Where overflowing text is cut and marked with an ellipsis.
    Elide {
        /// Not elided (clipped).
        None = "none",
        /// At the start (mirrored in RTL).
        Start = "start",
        /// In the middle.
        Middle = "middle",
        /// At the end (mirrored in RTL).
        End = "end",
    }
}

keyword_enum! {
    /// How a border or outline line is drawn.
    LineStyle {
        /// No line; its width counts as zero.
        None = "none",
        /// A solid line.
        Solid = "solid",
        /// A dashed line.
        Dashed = "dashed",
        /// A dotted line.
        Dotted = "dotted",
    }
}

keyword_enum! {
    /// One of the CSS boxes of an element.
    BoxArea {
        /// Up to the outer edge of the border.
        BorderBox = "border-box",
        /// Up to the inner edge of the border.
        PaddingBox = "padding-box",
        /// Inside the padding.
        ContentBox = "content-box",
    }
}

keyword_enum! {
    /// How an image part fills a length (CSS `border-image-repeat`).
    RepeatMode {
        /// Scaled to the length.
        Stretch = "stretch",
        /// Tiled at its size, centred, clipped at both ends.
        Repeat = "repeat",
        /// Tiled, scaled so a whole number of tiles fits.
        Round = "round",
        /// Tiled at its size with the leftover space distributed between tiles.
        Space = "space",
    }
}

//! Recolouring: the `ColorScheme-*` classes of Plasma SVGs take the colours
//! of a KDE colour scheme, as `KSvg` does when it replaces an SVG's
//! `current-color-scheme` stylesheet.

use union_model::Palette;
use union_model::values::{ColorRole, ColorSet};

/// Which set of the colour scheme the unprefixed classes (`Text`,
/// `Background`, `Highlight`…) mean, like a Plasma `Svg`'s colour group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ColorGroup {
    /// The window set (Plasma's default).
    #[default]
    Normal,
    /// Buttons.
    Button,
    /// Views.
    View,
    /// The complementary set.
    Complementary,
    /// Headers.
    Header,
    /// Tooltips.
    Tooltip,
}

impl ColorGroup {
    fn set(self) -> ColorSet {
        match self {
            ColorGroup::Normal => ColorSet::Window,
            ColorGroup::Button => ColorSet::Button,
            ColorGroup::View => ColorSet::View,
            ColorGroup::Complementary => ColorSet::Complementary,
            ColorGroup::Header => ColorSet::Header,
            ColorGroup::Tooltip => ColorSet::Tooltip,
        }
    }
}

/// The colours an SVG is recoloured with.
#[derive(Clone, Debug, PartialEq)]
pub struct ColorScheme {
    /// The scheme's colours.
    pub palette: Palette,
    /// What the unprefixed classes mean.
    pub group: ColorGroup,
}

/// The prefixed class families, each always meaning its own set.
const FAMILIES: [(&str, ColorSet); 5] = [
    ("Button", ColorSet::Button),
    ("View", ColorSet::View),
    ("Complementary", ColorSet::Complementary),
    ("Header", ColorSet::Header),
    ("Tooltip", ColorSet::Tooltip),
];

impl ColorScheme {
    /// The scheme with the default (window) colour group.
    pub fn new(palette: Palette) -> Self {
        ColorScheme {
            palette,
            group: ColorGroup::Normal,
        }
    }

    fn hex(&self, set: ColorSet, role: ColorRole) -> String {
        let [r, g, b, _] = self.palette.role(set, role).to_rgba8();
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Every `ColorScheme-*` class and its colour, in the order `KSvg`
    /// writes them.
    pub fn classes(&self) -> Vec<(String, String)> {
        let own = self.group.set();
        let selection = |role| self.hex(ColorSet::Selection, role);
        let mut classes = vec![
            (
                "Text".to_owned(),
                self.hex(own, ColorRole::ForegroundNormal),
            ),
            (
                "Background".to_owned(),
                self.hex(own, ColorRole::BackgroundNormal),
            ),
            (
                "Highlight".to_owned(),
                if self.group == ColorGroup::Normal {
                    selection(ColorRole::BackgroundNormal)
                } else {
                    // Outside the window group, Highlight is the hover colour.
                    self.hex(own, ColorRole::DecorationHover)
                },
            ),
            (
                "HighlightedText".to_owned(),
                selection(ColorRole::ForegroundNormal),
            ),
        ];
        let texts = [
            ("PositiveText", ColorRole::ForegroundPositive),
            ("NeutralText", ColorRole::ForegroundNeutral),
            ("NegativeText", ColorRole::ForegroundNegative),
        ];
        classes.extend(
            texts
                .iter()
                .map(|(name, role)| ((*name).to_owned(), self.hex(own, *role))),
        );
        for (family, set) in FAMILIES {
            let roles = [
                ("Text", self.hex(set, ColorRole::ForegroundNormal)),
                ("Background", self.hex(set, ColorRole::BackgroundNormal)),
                ("Hover", self.hex(set, ColorRole::DecorationHover)),
                ("Focus", self.hex(set, ColorRole::DecorationFocus)),
                ("HighlightedText", selection(ColorRole::ForegroundNormal)),
            ];
            classes.extend(
                roles
                    .into_iter()
                    .map(|(name, color)| (format!("{family}{name}"), color)),
            );
            classes.extend(
                texts
                    .iter()
                    .map(|(name, role)| (format!("{family}{name}"), self.hex(set, *role))),
            );
        }
        classes
    }

    /// The stylesheet injected into an SVG: every class with `!important`,
    /// because usvg applies it before the file's own sheet.
    pub fn style_sheet(&self) -> String {
        self.classes()
            .iter()
            .map(|(class, color)| format!(".ColorScheme-{class}{{color:{color} !important;}}"))
            .collect()
    }
}

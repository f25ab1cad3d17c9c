//! [`Palette`]: turns symbolic colours into RGBA at paint time.

use crate::values::{Color, ColorRole, ColorSet, Rgba};
use std::fmt;

const SETS: usize = 7;
const ROLES: usize = 12;

/// How deep a colour expression may nest before resolution gives up
/// (inputs bound what they build; this guards the resolver itself).
const MAX_COLOR_DEPTH: u32 = 64;

/// Colours for every (set, role) pair, like a KDE colour scheme.
///
/// A palette may be partial (a theme that extends another overrides a few
/// roles). Resolution falls back from a missing role to the same role of the
/// `window` set, then to the built-in Breeze Light value, so it always yields
/// a colour.
#[derive(Clone, PartialEq, Default)]
pub struct Palette {
    colors: [[Option<Rgba>; ROLES]; SETS],
}

impl Palette {
    /// An empty palette (everything falls back to Breeze Light).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets one colour.
    pub fn set(&mut self, set: ColorSet, role: ColorRole, color: Rgba) {
        self.colors[set as usize][role as usize] = Some(color);
    }

    /// The colour stored for (set, role), without fallback.
    pub fn get(&self, set: ColorSet, role: ColorRole) -> Option<Rgba> {
        self.colors[set as usize][role as usize]
    }

    /// The colour for (set, role), with fallback to the window set and then Breeze Light.
    pub fn role(&self, set: ColorSet, role: ColorRole) -> Rgba {
        self.get(set, role)
            .or_else(|| self.get(ColorSet::Window, role))
            .unwrap_or_else(|| breeze_light(set, role))
    }

    /// Every colour stored, without fallbacks.
    pub fn entries(&self) -> impl Iterator<Item = (ColorSet, ColorRole, Rgba)> + '_ {
        ColorSet::ALL.iter().flat_map(move |set| {
            ColorRole::ALL
                .iter()
                .filter_map(move |role| self.get(*set, *role).map(|c| (*set, *role, c)))
        })
    }

    /// This palette with every colour `overrides` defines replaced.
    #[must_use]
    pub fn overlaid_with(&self, overrides: &Palette) -> Palette {
        let mut out = self.clone();
        for (set, roles) in overrides.colors.iter().enumerate() {
            for (role, color) in roles.iter().enumerate() {
                if color.is_some() {
                    out.colors[set][role] = *color;
                }
            }
        }
        out
    }

    /// Resolves `color`; `current` is what `currentColor` means for the element.
    pub fn resolve(&self, color: &Color, current: Rgba) -> Rgba {
        self.resolve_at(color, current, 0)
    }

    fn resolve_at(&self, color: &Color, current: Rgba, depth: u32) -> Rgba {
        if depth > MAX_COLOR_DEPTH {
            return Rgba::TRANSPARENT;
        }
        let inner = |c: &Color| self.resolve_at(c, current, depth + 1);
        match color {
            Color::Rgba(rgba) => *rgba,
            Color::Palette(set, role) => self.role(*set, *role),
            Color::CurrentColor => current,
            Color::Mix(pair, amount) => inner(&pair.0).mix(inner(&pair.1), *amount),
            Color::Lighter(c, amount) => inner(c).lighter(*amount),
            Color::Darker(c, amount) => inner(c).darker(*amount),
            Color::Alpha(c, factor) => {
                let mut rgba = inner(c);
                rgba.a = (rgba.a * factor).clamp(0.0, 1.0);
                rgba
            }
        }
    }

    /// Breeze Light, KDE's default colour scheme, complete.
    pub fn breeze_light() -> Palette {
        let mut palette = Palette::new();
        for set in ColorSet::ALL {
            for role in ColorRole::ALL {
                palette.set(*set, *role, breeze_light(*set, *role));
            }
        }
        palette
    }
}

impl fmt::Debug for Palette {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for set in ColorSet::ALL {
            for role in ColorRole::ALL {
                if let Some(color) = self.get(*set, *role) {
                    map.entry(&format_args!("{set}.{role}"), &format_args!("{color}"));
                }
            }
        }
        map.finish()
    }
}

/// Values of KDE's `BreezeLight.colors` scheme.
fn breeze_light(set: ColorSet, role: ColorRole) -> Rgba {
    use ColorRole as R;
    use ColorSet as S;
    let shared = |role: ColorRole| match role {
        R::ForegroundNormal => Rgba::rgb8(35, 38, 41),
        R::ForegroundInactive => Rgba::rgb8(112, 125, 138),
        R::ForegroundActive | R::DecorationFocus | R::DecorationHover => Rgba::rgb8(61, 174, 233),
        R::ForegroundLink => Rgba::rgb8(41, 128, 185),
        R::ForegroundVisited => Rgba::rgb8(155, 89, 182),
        R::ForegroundNegative => Rgba::rgb8(218, 68, 83),
        R::ForegroundNeutral => Rgba::rgb8(246, 116, 0),
        R::ForegroundPositive => Rgba::rgb8(39, 174, 96),
        R::BackgroundNormal | R::BackgroundAlternate => Rgba::rgb8(239, 240, 241),
    };
    match (set, role) {
        (S::Window, R::BackgroundNormal) => Rgba::rgb8(239, 240, 241),
        (S::Window, R::BackgroundAlternate) => Rgba::rgb8(227, 229, 231),
        (S::View, R::BackgroundNormal) => Rgba::rgb8(255, 255, 255),
        (S::View, R::BackgroundAlternate) => Rgba::rgb8(247, 247, 247),
        (S::Button, R::BackgroundNormal) => Rgba::rgb8(252, 252, 252),
        (S::Button, R::BackgroundAlternate) => Rgba::rgb8(163, 212, 250),
        (S::Selection, R::BackgroundNormal) => Rgba::rgb8(61, 174, 233),
        (S::Selection, R::BackgroundAlternate) => Rgba::rgb8(163, 212, 250),
        (S::Selection, R::ForegroundNormal | R::ForegroundActive) => Rgba::rgb8(255, 255, 255),
        (S::Selection, R::ForegroundInactive) => Rgba::rgb8(112, 125, 138),
        (S::Tooltip, R::BackgroundNormal) => Rgba::rgb8(247, 247, 247),
        (S::Tooltip, R::BackgroundAlternate) => Rgba::rgb8(239, 240, 241),
        (S::Complementary, R::BackgroundNormal) => Rgba::rgb8(42, 46, 50),
        (S::Complementary, R::BackgroundAlternate) => Rgba::rgb8(27, 30, 32),
        (S::Complementary, R::ForegroundNormal) => Rgba::rgb8(252, 252, 252),
        (S::Complementary, R::ForegroundInactive) => Rgba::rgb8(161, 169, 177),
        (S::Header, R::BackgroundNormal) => Rgba::rgb8(222, 224, 226),
        (S::Header, R::BackgroundAlternate) => Rgba::rgb8(239, 240, 241),
        (_, role) => shared(role),
    }
}

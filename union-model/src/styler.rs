//! [`Styler`]: the query engine outputs talk to, with its lock-free cache.
//!
//! # The cache
//!
//! Results are cached per (rules generation, chain, context). The key is a
//! 64-bit mix of the generation, every element's fingerprint (computed when
//! the element changed, never per query) and the context; each entry also
//! stores the full fingerprint list, generation and context and is only
//! returned when all of them are equal, so a hash collision, another theme or
//! an older generation can never be returned.
//!
//! The map is `papaya`'s lock-free hash table: a hit costs an atomic load of
//! the current theme, the key mix and one lookup, with no lock. Prefixes of a
//! chain (the ancestors) are cached too, since their styles feed inheritance
//! and are shared by sibling queries.
//!
//! The cache holds at most [`Styler::CAPACITY`] entries; when a miss would
//! exceed that, the cache is cleared (a simple bound; an application's set of
//! distinct element chains normally fits many times over).

use crate::cascade::{Cascaded, Parent, cascade_element, current_color};
use crate::custom::CustomProperties;
use crate::element::{Context, Query};
use crate::palette::Palette;
use crate::rule::IdentityBuild;
use crate::selectors::mix64;
use crate::style::Style;
use crate::theme::Theme;
use crate::values::{Color, Rgba};
use arc_swap::ArcSwap;
use std::sync::Arc;

/// The answer to a query: the element's computed style.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComputedStyle {
    /// Every leaf after the cascade: lengths in px, colours symbolic.
    pub style: Style,
    /// Indices of the matched rules in the theme's [`crate::RuleSet`], highest priority first.
    pub matched_rules: Box<[u32]>,
    /// The generation of the rules this was computed from.
    pub generation: u64,
    /// The computed custom properties (`--name` → value text).
    pub custom: Arc<CustomProperties>,
}

impl ComputedStyle {
    /// Resolves a colour of this element with `palette`; `currentColor`
    /// means this element's text colour.
    pub fn resolve_color(&self, color: &Color, palette: &Palette) -> Rgba {
        // The text colour is only worked out when the colour refers to it.
        let current = if color.uses_current_color() {
            palette.resolve(&current_color(&self.style), Rgba::BLACK)
        } else {
            Rgba::BLACK
        };
        palette.resolve(color, current)
    }

    /// The element's text colour resolved with `palette` (black when the
    /// theme sets none and nothing is inherited).
    pub fn text_color(&self, palette: &Palette) -> Rgba {
        self.style
            .text
            .color
            .value()
            .map_or(Rgba::BLACK, |c| self.resolve_color(c, palette))
    }

    /// The element's `opacity`, clamped to 0–1 (the schema's initial value
    /// when unset).
    pub fn opacity(&self) -> f32 {
        self.style
            .display
            .opacity
            .value()
            .map_or(crate::initial::DISPLAY_OPACITY, |o| o.0)
            .clamp(0.0, 1.0)
    }
}

struct CacheEntry {
    generation: u64,
    fingerprints: Box<[u64]>,
    context: Context,
    style: Arc<ComputedStyle>,
}

impl CacheEntry {
    fn is_for(&self, generation: u64, query: &Query, depth: usize) -> bool {
        let chain = &query.chain()[..=depth];
        self.generation == generation
            && self.context == *query.context()
            && self.fingerprints.len() == chain.len()
            && self
                .fingerprints
                .iter()
                .zip(chain)
                .all(|(f, e)| *f == e.fingerprint())
    }
}

/// Answers "what does this element look like?" for the current theme.
///
/// `Styler` is `Send + Sync`: share it (e.g. in an `Arc`) between threads.
/// Queries take no lock; [`Styler::set_theme`] swaps the theme atomically
/// (for live reload) and queries that started earlier finish with the theme
/// they started with.
pub struct Styler {
    theme: ArcSwap<Theme>,
    cache: papaya::HashMap<u64, CacheEntry, IdentityBuild>,
}

impl std::fmt::Debug for Styler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Styler")
            .field("theme", &self.theme.load().name())
            .field("cached", &self.cache.len())
            .finish()
    }
}

impl Styler {
    /// Most cached results kept before the cache is cleared.
    pub const CAPACITY: usize = 1 << 16;

    /// A styler for `theme`.
    pub fn new(theme: Arc<Theme>) -> Self {
        Self {
            theme: ArcSwap::new(theme),
            cache: papaya::HashMap::builder()
                .hasher(IdentityBuild::default())
                .build(),
        }
    }

    /// The current theme.
    pub fn theme(&self) -> Arc<Theme> {
        self.theme.load_full()
    }

    /// Replaces the theme. Results cached for another rules generation are
    /// dropped; a theme that only differs in palette
    /// ([`Theme::with_palette`]) keeps them, since matching does not depend
    /// on colours.
    pub fn set_theme(&self, theme: Arc<Theme>) {
        let generation = theme.generation();
        let old = self.theme.swap(theme);
        if old.generation() != generation {
            self.cache.pin().clear();
        }
    }

    /// Number of cached results.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// The computed style of the query's target element.
    pub fn query(&self, query: &Query) -> Arc<ComputedStyle> {
        let theme = self.theme.load();
        self.query_theme(&theme, query)
    }

    /// The computed style with `theme`, whatever the current theme is (used
    /// by previews that show several themes through one cache).
    pub fn query_theme(&self, theme: &Theme, query: &Query) -> Arc<ComputedStyle> {
        let chain = query.chain();
        if chain.is_empty() {
            return Arc::new(ComputedStyle {
                generation: theme.generation(),
                ..ComputedStyle::default()
            });
        }
        let generation = theme.generation();
        let seed = mix64(generation ^ query.context().fingerprint());
        let key = chain.iter().fold(seed, |h, e| mix64(h ^ e.fingerprint()));
        let last = chain.len() - 1;
        {
            let map = self.cache.pin();
            if let Some(entry) = map.get(&key)
                && entry.is_for(generation, query, last)
            {
                return Arc::clone(&entry.style);
            }
        }
        self.compute(theme, query, seed)
    }

    /// The slow path: find the deepest cached ancestor, then cascade down
    /// from it, caching every level.
    fn compute(&self, theme: &Theme, query: &Query, seed: u64) -> Arc<ComputedStyle> {
        let chain = query.chain();
        let generation = theme.generation();
        let mut keys = Vec::with_capacity(chain.len());
        let mut hash = seed;
        for element in chain {
            hash = mix64(hash ^ element.fingerprint());
            keys.push(hash);
        }
        let map = self.cache.pin();
        let mut start = 0;
        let mut parent: Option<Arc<ComputedStyle>> = None;
        for depth in (0..chain.len()).rev() {
            if let Some(entry) = map.get(&keys[depth])
                && entry.is_for(generation, query, depth)
            {
                start = depth + 1;
                parent = Some(Arc::clone(&entry.style));
                break;
            }
        }
        if let Some(found) = parent.as_ref().filter(|_| start == chain.len()) {
            return Arc::clone(found);
        }
        if map.len() + chain.len() > Self::CAPACITY {
            map.clear();
        }
        let mut scratch = Vec::new();
        for depth in start..chain.len() {
            let Cascaded {
                style,
                matched_rules,
                custom,
            } = cascade_element(
                theme.rules(),
                chain,
                depth,
                query.context(),
                parent.as_deref().map(|p| Parent {
                    style: &p.style,
                    custom: &p.custom,
                }),
                &mut scratch,
            );
            let computed = Arc::new(ComputedStyle {
                style,
                matched_rules: matched_rules.into(),
                generation,
                custom,
            });
            map.insert(
                keys[depth],
                CacheEntry {
                    generation,
                    fingerprints: chain[..=depth]
                        .iter()
                        .map(crate::Element::fingerprint)
                        .collect(),
                    context: *query.context(),
                    style: Arc::clone(&computed),
                },
            );
            parent = Some(computed);
        }
        parent.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn styler_and_results_are_send_and_sync() {
        assert_send_sync::<Styler>();
        assert_send_sync::<Arc<ComputedStyle>>();
        assert_send_sync::<Theme>();
    }
}

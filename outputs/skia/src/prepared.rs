//! Controls laid out before, kept to be drawn again: what a retained scene
//! graph gives a toolkit. Styling a control, measuring its text and placing
//! its sub-elements depend only on its computed style, the scene (size,
//! scale, text, value, icon) and the renderer's fonts and images; a control
//! drawn again with all of them unchanged reuses its layout and only paints.
//!
//! The computed style is compared by identity: the [`Styler`] hands out the
//! same `Arc` for one (rules generation, element chain, context) until the
//! theme changes or its cache is emptied, so a new theme, a state change or
//! another context finds no kept layout. Kept layouts hold their style, so
//! an address is never reused while it is a key. The number kept is bounded.
//!
//! [`Styler`]: union_model::Styler

use crate::control::{Part, PlacedPart, Scene};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use union_model::ComputedStyle;

/// Most layouts kept; when full, the cache starts over.
const MAX_KEPT: usize = 1024;

/// A process-unique number naming one set of fonts or images: a layout is
/// reused only with the very fonts and images it was made with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Instance(u64);

impl Default for Instance {
    fn default() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Instance(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// What a layout was made from, besides the control's style.
#[derive(Clone, Debug, PartialEq)]
struct Inputs {
    size: Option<(u32, u32)>,
    scale: u32,
    value: u32,
    text: Option<Box<str>>,
    icon: Option<Box<str>>,
    fonts: Instance,
    images: Instance,
}

/// A scene and the fonts and images it is drawn with: what a layout is
/// looked up and kept by, besides the control's style.
pub(crate) struct Lookup<'s, 'a> {
    pub(crate) scene: &'s Scene<'a>,
    pub(crate) fonts: Instance,
    pub(crate) images: Instance,
}

impl Lookup<'_, '_> {
    fn key(&self, control: &Arc<ComputedStyle>) -> u64 {
        let scene = self.scene;
        let mut hasher = FxHasher::default();
        Arc::as_ptr(control).hash(&mut hasher);
        scene.size.map(bits2).hash(&mut hasher);
        scene.scale.to_bits().hash(&mut hasher);
        scene.value.to_bits().hash(&mut hasher);
        scene.text.hash(&mut hasher);
        scene.icon.hash(&mut hasher);
        hasher.finish()
    }

    fn inputs(&self) -> Inputs {
        let scene = self.scene;
        Inputs {
            size: scene.size.map(bits2),
            scale: scene.scale.to_bits(),
            value: scene.value.to_bits(),
            text: scene.text.map(Box::from),
            icon: scene.icon.map(Box::from),
            fonts: self.fonts,
            images: self.images,
        }
    }
}

impl Inputs {
    fn matches(&self, lookup: &Lookup<'_, '_>) -> bool {
        let scene = lookup.scene;
        self.size == scene.size.map(bits2)
            && self.scale == scene.scale.to_bits()
            && self.value == scene.value.to_bits()
            && self.text.as_deref() == scene.text
            && self.icon.as_deref() == scene.icon
            && self.fonts == lookup.fonts
            && self.images == lookup.images
    }
}

fn bits2((w, h): (f32, f32)) -> (u32, u32) {
    (w.to_bits(), h.to_bits())
}

/// A control styled and laid out: its style, its sub-elements placed in
/// logical px, and its border-box size.
pub(crate) struct Prepared {
    pub(crate) control: Arc<ComputedStyle>,
    pub(crate) parts: Vec<Part>,
    /// The parts as the caller sees them, made once.
    pub(crate) placed: Arc<[PlacedPart]>,
    pub(crate) size: (f32, f32),
    inputs: Inputs,
}

/// Layouts by a hash of their control's style address and scene.
#[derive(Default)]
pub(crate) struct Kept {
    layouts: FxHashMap<u64, Arc<Prepared>>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("layouts", &self.layouts.len())
            .finish()
    }
}

impl Kept {
    /// Forgets every layout.
    pub(crate) fn clear(&mut self) {
        self.layouts.clear();
    }

    /// The layout kept for `control` in the lookup's scene, if any.
    pub(crate) fn find(
        &self,
        control: &Arc<ComputedStyle>,
        lookup: &Lookup<'_, '_>,
    ) -> Option<Arc<Prepared>> {
        self.layouts
            .get(&lookup.key(control))
            .filter(|p| Arc::ptr_eq(&p.control, control) && p.inputs.matches(lookup))
            .cloned()
    }

    /// Keeps a layout made for the lookup's scene (replacing one that
    /// shared its hash).
    pub(crate) fn keep(
        &mut self,
        lookup: &Lookup<'_, '_>,
        control: Arc<ComputedStyle>,
        parts: Vec<Part>,
        placed: Vec<PlacedPart>,
        size: (f32, f32),
    ) -> Arc<Prepared> {
        if self.layouts.len() >= MAX_KEPT {
            self.layouts.clear();
        }
        let key = lookup.key(&control);
        let prepared = Arc::new(Prepared {
            control,
            parts,
            placed: placed.into(),
            size,
            inputs: lookup.inputs(),
        });
        self.layouts.insert(key, Arc::clone(&prepared));
        prepared
    }
}

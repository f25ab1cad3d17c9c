//! Scenes built before, kept to be answered again: building a scene
//! depends only on the control's computed style, the request (size, scale,
//! text, values, icon) and the measurer's fonts and icons.
//!
//! The computed style is compared by identity: the [`crate::Styler`] hands
//! out the same `Arc` for one (rules generation, element chain, context)
//! until the theme changes or its cache is emptied, so a new theme, a state
//! change or another context finds no kept scene. Kept scenes hold their
//! style, so an address is never reused while it is a key. The number kept
//! is bounded.

use super::{ControlScene, SceneRequest};
use crate::ComputedStyle;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Most scenes kept; when full, the store starts over.
const MAX_KEPT: usize = 1024;

/// Everything a scene was built from besides the control's style, exactly.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct RequestKey {
    size: Option<(u32, u32)>,
    scale: u32,
    value: u32,
    range: Option<(u32, u32)>,
    text: Option<Box<str>>,
    icon: Option<Box<str>>,
    measurer: u64,
}

fn bits2((w, h): (f32, f32)) -> (u32, u32) {
    (w.to_bits(), h.to_bits())
}

impl RequestKey {
    pub(crate) fn of(request: &SceneRequest<'_>, measurer: u64) -> RequestKey {
        RequestKey {
            size: request.size.map(bits2),
            scale: request.scale.to_bits(),
            value: request.value.to_bits(),
            range: request.range.map(bits2),
            text: request.text.map(Box::from),
            icon: request.icon.map(Box::from),
            measurer,
        }
    }

    fn hash_with(&self, control: &Arc<ComputedStyle>) -> u64 {
        let mut hasher = FxHasher::default();
        Arc::as_ptr(control).hash(&mut hasher);
        self.hash(&mut hasher);
        hasher.finish()
    }
}

struct Entry {
    control: Arc<ComputedStyle>,
    key: RequestKey,
    scene: Arc<ControlScene>,
}

/// Scenes by a hash of their control's style address and request.
#[derive(Default)]
pub(crate) struct Kept {
    scenes: FxHashMap<u64, Entry>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("scenes", &self.scenes.len())
            .finish()
    }
}

impl Kept {
    /// Forgets every scene.
    pub(crate) fn clear(&mut self) {
        self.scenes.clear();
    }

    /// The scene kept for `control` and `key`, if any.
    pub(crate) fn find(
        &self,
        control: &Arc<ComputedStyle>,
        key: &RequestKey,
    ) -> Option<Arc<ControlScene>> {
        self.scenes
            .get(&key.hash_with(control))
            .filter(|e| Arc::ptr_eq(&e.control, control) && e.key == *key)
            .map(|e| Arc::clone(&e.scene))
    }

    /// Keeps a scene (replacing one that shared its hash).
    pub(crate) fn keep(
        &mut self,
        control: Arc<ComputedStyle>,
        key: RequestKey,
        scene: ControlScene,
    ) -> Arc<ControlScene> {
        if self.scenes.len() >= MAX_KEPT {
            self.scenes.clear();
        }
        let scene = Arc::new(scene);
        let hash = key.hash_with(&control);
        self.scenes.insert(
            hash,
            Entry {
                control,
                key,
                scene: Arc::clone(&scene),
            },
        );
        scene
    }
}

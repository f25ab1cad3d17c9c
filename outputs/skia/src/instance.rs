//! Process-unique numbers naming one set of fonts or images: a scene is
//! reused only with the very fonts and images it was measured with.

use std::sync::atomic::{AtomicU64, Ordering};

/// A process-unique number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Instance(pub(crate) u64);

impl Default for Instance {
    fn default() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Instance(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

//! Frames redrawn at new widths without drawing their pieces again.
//!
//! Between its left and right borders a frame is made of its top side,
//! centre and bottom side (and, with compose-over-border, its mask's). When
//! every one of those pieces has rows of one colour — tiles whose rows are
//! constant, or stretched pieces known to be constant along x (see
//! [`crate::Piece`]) — every column between the borders is the same, and
//! the frame at another width and the same height is its left part, that
//! column repeated, and its right part. Button frames are like this, and
//! buttons are resized along x all the time (their text changes).
//!
//! The document keeps one such frame per prefix, borders, height and
//! scale; a new width is then one pass of copies and fills.

use crate::frame::FrameInfo;
use std::sync::Arc;
use tiny_skia::Pixmap;

/// How many stretchable frames a document keeps (oldest dropped first).
const MAX_FRAMES: usize = 64;

/// What a stretchable frame was drawn for: the frame, its height in
/// device pixels and the scale.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FrameKey<'a> {
    pub(crate) info: &'a FrameInfo,
    pub(crate) height: i32,
    pub(crate) scale_bits: u32,
}

#[derive(Debug)]
struct OwnedKey {
    info: FrameInfo,
    height: i32,
    scale_bits: u32,
}

impl OwnedKey {
    fn is(&self, key: &FrameKey<'_>) -> bool {
        self.height == key.height && self.scale_bits == key.scale_bits && self.info == *key.info
    }
}

/// A frame whose columns between `left` and `width - right` are equal.
pub(crate) struct StretchableFrame {
    key: OwnedKey,
    pixmap: Arc<Pixmap>,
    /// Width of the left part (the content's left edge).
    left: i32,
    /// Width of the right part.
    right: i32,
}

/// A document's stretchable frames.
#[derive(Default)]
pub(crate) struct FrameCache {
    frames: Vec<StretchableFrame>,
}

impl FrameCache {
    /// The frame for `key` at `width`, if one can be stretched there with
    /// the same left and right parts.
    pub(crate) fn widen(
        &self,
        key: &FrameKey<'_>,
        width: i32,
        left: i32,
        right: i32,
    ) -> Option<Pixmap> {
        let found = self
            .frames
            .iter()
            .find(|f| f.key.is(key) && f.left == left && f.right == right)?;
        if width - left - right < 1 {
            return None;
        }
        let source = &found.pixmap;
        let mut pixmap = Pixmap::new(u32::try_from(width).ok()?, source.height())?;
        let (left, right) = (left as usize, right as usize);
        let (from_width, to_width) = (source.width() as usize, width as usize);
        let rows = source.pixels().chunks_exact(from_width);
        for (from, to) in rows.zip(pixmap.pixels_mut().chunks_exact_mut(to_width)) {
            to[..left].copy_from_slice(&from[..left]);
            to[left..to_width - right].fill(from[left]);
            to[to_width - right..].copy_from_slice(&from[from_width - right..]);
        }
        Some(pixmap)
    }

    /// Keeps `pixmap`, drawn for `key`, whose middle columns are equal.
    pub(crate) fn keep(&mut self, key: &FrameKey<'_>, pixmap: &Pixmap, left: i32, right: i32) {
        if left < 0 || right < 0 || pixmap.width() as i32 - left - right < 1 {
            return;
        }
        self.frames.retain(|f| !f.key.is(key));
        if self.frames.len() >= MAX_FRAMES {
            self.frames.remove(0);
        }
        self.frames.push(StretchableFrame {
            key: OwnedKey {
                info: key.info.clone(),
                height: key.height,
                scale_bits: key.scale_bits,
            },
            pixmap: Arc::new(pixmap.clone()),
            left,
            right,
        });
    }
}

//! The generated style (in progress).

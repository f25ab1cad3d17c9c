//! The schema's initial values as typed constants, generated from
//! `schema/properties.toml` for every leaf whose `initial` is a plain
//! number or pixel length (`ICON_WIDTH` is `16px`): what outputs and the
//! scene use for an unset leaf, so no crate restates a schema default.
//! Initial values given in words (`from content`, `the platform font
//! size`) are decided where the words say.

include!(concat!(env!("OUT_DIR"), "/initial.rs"));

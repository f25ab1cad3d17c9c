//! Font and name values.

use super::{PropertyValue, write_comma_list};
use std::fmt;
use std::sync::Arc;

/// Font families in order of preference (generic names such as `sans-serif` included).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct FontFamily(pub Vec<Arc<str>>);

impl PropertyValue for FontFamily {
    const GRAMMAR: &'static str = "[<family-name> | <generic-family>]#";
}

impl fmt::Display for FontFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted: Vec<String> = self
            .0
            .iter()
            .map(|name| {
                if name.contains(' ') {
                    format!("{name:?}")
                } else {
                    name.to_string()
                }
            })
            .collect();
        write_comma_list(f, &quoted)
    }
}

/// A font weight from 1 to 1000 (400 is normal, 700 bold).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct FontWeight(pub u16);

impl FontWeight {
    /// 400.
    pub const NORMAL: FontWeight = FontWeight(400);
    /// 700.
    pub const BOLD: FontWeight = FontWeight(700);
}

impl PropertyValue for FontWeight {
    const GRAMMAR: &'static str = "normal | bold | <number [1,1000]>";
}

impl fmt::Display for FontWeight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            400 => f.write_str("normal"),
            700 => f.write_str("bold"),
            weight => write!(f, "{weight}"),
        }
    }
}

/// A freedesktop icon-theme icon name (`document-open`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct IconName(pub Arc<str>);

impl PropertyValue for IconName {
    const GRAMMAR: &'static str = "<string>";
}

impl fmt::Display for IconName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

//! A Slint widget style named `union`, generated from a theme.
//!
//! Slint's compiler accepts a style that is not built in when
//! `<include path>/<style>/std-widgets.slint` exists; an application's
//! `import … from "std-widgets.slint"` and the compiler's own lookups of
//! `style-base.slint` are then found through the include path that holds
//! the style's files. [`GeneratedStyle::include_paths`] gives both folders
//! (pinned by a test, as this is not documented upstream).
//!
//! Files written:
//! - `union-base.slint`: the colour functions and the `UnionPalette` global;
//! - `looks.slint`: one look component per control, sampled from the
//!   control scene over its states ([`crate::sample`]);
//! - `style-base.slint`: Slint's `StyleMetrics` and `Palette` globals;
//! - `std-widgets.slint`: the widgets an application imports, each a
//!   look with Slint's behaviour (pointer, keyboard, accessibility).
//!
//! Not in the style (an application that uses them does not compile with
//! it; `tests/style.rs` checks this list against Slint's own):
//! - `TabWidget` and `RadioGroup` **cannot** be provided by a style that is
//!   not built into Slint 1.18.1: both are the compiler's internal element
//!   types, which only built-in files may name (`expose_internal_types` is
//!   on for built-in files only), and their lowering reads
//!   `std-widgets-impl.slint` of the style;
//! - `DatePickerPopup`/`Date`, `TimePickerPopup`/`Time` and
//!   `StandardTableView` are not generated yet;
//! - `MenuBar` and `ContextMenuArea` are lowered by the compiler with
//!   `MenuBarImpl`/`PopupMenuImpl` from the style, which a third-party style
//!   cannot provide either; Slint 1.18's compiler stops with an internal
//!   error (a panic, not a diagnostic) when an application uses them with
//!   such a style.

use crate::look::{Gap, IconFiles};
use crate::sample::{FLAGS, Flag, sample_look};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use union_model::{Context, Query, Styler};

/// The style's name, as applications select it.
pub const STYLE_NAME: &str = "union";

/// The widgets Slint's own styles export in the pinned version (1.18.1),
/// as a Slint application imports them from `std-widgets.slint`.
pub const SLINT_EXPORTS: &[&str] = &[
    "AboutSlint",
    "Button",
    "CheckBox",
    "ComboBox",
    "DatePickerPopup",
    "Date",
    "GridBox",
    "GroupBox",
    "HorizontalBox",
    "LineEdit",
    "ListView",
    "Palette",
    "ProgressIndicator",
    "ScrollView",
    "Slider",
    "SpinBox",
    "Spinner",
    "StandardButton",
    "StandardListView",
    "StandardTableView",
    "StyleMetrics",
    "Switch",
    "TabWidget",
    "TextEdit",
    "Time",
    "TimePickerPopup",
    "VerticalBox",
];

/// What the generated style exports (see [`SLINT_EXPORTS`] for Slint's list).
pub const EXPORTS: &[&str] = &[
    "AboutSlint",
    "Button",
    "CheckBox",
    "ComboBox",
    "GridBox",
    "GroupBox",
    "HorizontalBox",
    "LineEdit",
    "ListView",
    "Palette",
    "ProgressIndicator",
    "ScrollView",
    "Slider",
    "SpinBox",
    "Spinner",
    "StandardButton",
    "StandardListView",
    "StyleMetrics",
    "Switch",
    "TextEdit",
    "VerticalBox",
];

/// One control's look: the Slint component, the element it is sampled
/// from and the flags it is drawn with.
struct LookSpec {
    component: &'static str,
    element: &'static str,
    flags: &'static [usize],
    /// Whether the application sets an icon on it (the look's `icon`).
    app_icon: bool,
}

/// Indices into [`FLAGS`]: disabled, pressed, hovered, checked, focused,
/// selected, open.
const BUTTONLIKE: &[usize] = &[0, 1, 2, 3, 4];
const FIELD: &[usize] = &[0, 2, 4];
const RANGE: &[usize] = &[0, 1, 2, 4];
const STATIC: &[usize] = &[0];
const POPUP_BUTTON: &[usize] = &[0, 1, 2, 4, 6];
const ITEM: &[usize] = &[0, 1, 2, 5];

const LOOKS: &[LookSpec] = &[
    LookSpec {
        component: "ButtonLook",
        element: "Button",
        flags: BUTTONLIKE,
        app_icon: true,
    },
    LookSpec {
        component: "CheckBoxLook",
        element: "CheckBox",
        flags: BUTTONLIKE,
        app_icon: false,
    },
    LookSpec {
        component: "SwitchLook",
        element: "Switch",
        flags: BUTTONLIKE,
        app_icon: false,
    },
    LookSpec {
        component: "SliderLook",
        element: "Slider",
        flags: RANGE,
        app_icon: false,
    },
    LookSpec {
        component: "ProgressLook",
        element: "ProgressBar",
        flags: STATIC,
        app_icon: false,
    },
    LookSpec {
        component: "TextFieldLook",
        element: "TextField",
        flags: FIELD,
        app_icon: false,
    },
    LookSpec {
        component: "GroupBoxLook",
        element: "GroupBox",
        flags: STATIC,
        app_icon: false,
    },
    LookSpec {
        component: "ScrollViewLook",
        element: "ScrollView",
        flags: STATIC,
        app_icon: false,
    },
    LookSpec {
        component: "SpinnerLook",
        element: "BusyIndicator",
        flags: STATIC,
        app_icon: false,
    },
    LookSpec {
        component: "ComboBoxLook",
        element: "ComboBox",
        flags: POPUP_BUTTON,
        app_icon: false,
    },
    LookSpec {
        component: "SpinBoxLook",
        element: "SpinBox",
        flags: FIELD,
        app_icon: false,
    },
    LookSpec {
        component: "TextAreaLook",
        element: "TextArea",
        flags: FIELD,
        app_icon: false,
    },
    LookSpec {
        component: "ItemLook",
        element: "ItemDelegate",
        flags: ITEM,
        app_icon: false,
    },
    LookSpec {
        component: "MenuLook",
        element: "Menu",
        flags: STATIC,
        app_icon: false,
    },
    LookSpec {
        component: "MenuItemLook",
        element: "Menu > MenuItem",
        flags: ITEM,
        app_icon: false,
    },
];

/// A generated style: its files and what it cannot draw as the theme asks.
#[derive(Clone, Debug)]
pub struct GeneratedStyle {
    /// File name (inside the `union` folder) → Slint source.
    pub files: BTreeMap<&'static str, String>,
    /// What Slint draws differently, per control and property.
    pub gaps: Vec<Gap>,
}

impl GeneratedStyle {
    /// Writes the files into `<dir>/union/`; returns `dir`.
    ///
    /// # Errors
    /// When a file cannot be written.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<PathBuf> {
        let folder = dir.join(STYLE_NAME);
        std::fs::create_dir_all(&folder)?;
        for (name, source) in &self.files {
            let path = folder.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(source.as_str()) {
                std::fs::write(path, source)?;
            }
        }
        Ok(dir.to_path_buf())
    }

    /// The include paths a compiler needs for the style written into
    /// `dir`: `dir` (where the compiler checks `union/std-widgets.slint`
    /// exists) and `dir/union` (where imports of `std-widgets.slint` and
    /// `style-base.slint` are found).
    pub fn include_paths(dir: &Path) -> Vec<PathBuf> {
        vec![dir.to_path_buf(), dir.join(STYLE_NAME)]
    }
}

/// Generates the `union` style from the theme `styler` holds, its colours
/// from `palette`, icons found with `icons`.
///
/// # Errors
/// When the model cannot lay out a control (a message naming it).
pub fn generate(
    styler: &Styler,
    palette: &union_model::Palette,
    icons: &mut dyn IconFiles,
) -> Result<GeneratedStyle, String> {
    let mut files = BTreeMap::new();
    let mut gaps = Vec::new();
    files.insert("union-base.slint", crate::base_source(palette));
    let mut looks =
        String::from("import { UnionColor, UnionPalette } from \"union-base.slint\";\n\n");
    let mut metrics = Metrics::default();
    for spec in LOOKS {
        let chain = union_model::chain::parse_chain(&format!("Window > {}", spec.element))
            .map_err(|e| format!("{}: {e}", spec.element))?;
        let query = Query::new(chain, Context::default());
        let flags: Vec<Flag> = spec.flags.iter().map(|i| FLAGS[*i]).collect();
        let (look, sampled) =
            sample_look(styler, &query, &flags, spec.app_icon, spec.component, icons)
                .map_err(|e| format!("{}: {e}", spec.element))?;
        if spec.element == "TextField" {
            metrics.field_padding = padding(&look);
        }
        let (source, drawn) = crate::look::emit(&look, icons);
        gaps.extend(sampled);
        gaps.extend(drawn);
        looks.push_str(&source);
        looks.push('\n');
    }
    files.insert("looks.slint", looks);
    files.insert("style-base.slint", STYLE_BASE.to_owned());
    files.insert(
        "std-widgets.slint",
        WIDGETS.replace("@FIELD_PADDING@", &crate::expr::px(metrics.field_padding)),
    );
    gaps.sort();
    gaps.dedup();
    Ok(GeneratedStyle { files, gaps })
}

#[derive(Default)]
struct Metrics {
    field_padding: f32,
}

/// The left padding of a look's control box at its base combination.
fn padding(look: &crate::look::Look) -> f32 {
    look.combos
        .first()
        .and_then(|c| c.parts.iter().find(|p| p.key.is_empty()))
        .and_then(|p| {
            p.style
                .style
                .layout
                .padding
                .left
                .value()
                .and_then(|l| l.px())
        })
        .unwrap_or(6.0)
}

const STYLE_BASE: &str = include_str!("style-base.slint");
const WIDGETS: &str = include_str!("std-widgets.slint");

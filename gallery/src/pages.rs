//! The gallery's pages: every catalogue control in its normal state and in
//! each of its states, in the chain a toolkit would query (a tab button in
//! a tab bar, a range control with its orientation) and at a size that
//! shows it. The export, the snapshot tests and the gallery window all draw
//! these.

/// One catalogue control in one state, drawn whole (box and sub-elements)
/// at its implicit size: the cases of [`control_matrix`].
#[derive(Debug, Clone)]
pub struct ControlCase {
    /// `<theme>-<control>[-<state>]`, lower case.
    pub name: String,
    /// Bundled theme folder.
    pub theme: String,
    /// The element chain.
    pub element: String,
    /// Border-box size, or `None` for the control's implicit size.
    pub size: Option<(f32, f32)>,
}

/// Where a control usually lives, and the attributes it needs to be drawn
/// meaningfully: a tab button in a tab bar, a range control's orientation.
pub fn control_chain(control: &str) -> (String, String) {
    let parent = match control {
        "Window" => "",
        "TabButton" => "Window > TabBar > ",
        "ToolButton" => "Window > ToolBar > ",
        "MenuItem" => "Window > Menu > ",
        "MenuBarItem" => "Window > MenuBar > ",
        _ => "Window > ",
    };
    let attributes = match control {
        "Slider" | "RangeSlider" | "ProgressBar" => "[orientation=horizontal]",
        "ScrollBar" => "[orientation=vertical][policy=always-on]",
        "BusyIndicator" => "[running=true]",
        _ => "",
    };
    (parent.to_owned(), attributes.to_owned())
}

/// Containers have no useful implicit size: they get one.
pub fn control_size(control: &str) -> Option<(f32, f32)> {
    match control {
        "Window" | "Page" | "Dialog" | "Frame" | "GroupBox" | "ScrollView" => Some((160.0, 90.0)),
        "TabBar" | "ToolBar" | "MenuBar" => Some((160.0, 36.0)),
        "Menu" => Some((120.0, 80.0)),
        "Separator" => Some((80.0, 8.0)),
        "ScrollBar" => Some((12.0, 100.0)),
        "TextArea" => Some((140.0, 60.0)),
        _ => None,
    }
}

/// One control's row: (column label, element chain) for its normal state
/// and each of its states.
pub fn control_row(control: &union_model::catalogue::ControlInfo) -> Vec<(String, String)> {
    let (parent, attributes) = control_chain(control.name);
    std::iter::once((
        "normal".to_owned(),
        format!("{parent}{}{attributes}", control.name),
    ))
    .chain(control.states.iter().map(|state| {
        // `:checked` applies to a control with the `checkable` hint only
        // when it has it (a group box shows its check box then).
        let checkable = *state == union_model::State::Checked
            && control.hints.iter().any(|h| h.name == "checkable");
        let hint = if checkable { ".checkable" } else { "" };
        let state = state.css_name();
        (
            state.to_owned(),
            format!("{parent}{}{hint}{attributes}:{state}", control.name),
        )
    }))
    .collect()
}

/// Every catalogue control in its normal state and in each of its states,
/// in each of `themes`.
pub fn control_matrix(themes: &[&str]) -> Vec<ControlCase> {
    let mut cases = Vec::new();
    for theme in themes {
        for control in union_model::catalogue::CONTROLS {
            for (label, element) in control_row(&control) {
                let suffix = if label == "normal" {
                    String::new()
                } else {
                    format!("-{label}")
                };
                cases.push(ControlCase {
                    name: format!("{theme}-{}{suffix}", control.name.to_ascii_lowercase()),
                    theme: (*theme).to_owned(),
                    element,
                    size: control_size(control.name),
                });
            }
        }
    }
    cases
}

/// A page of the gallery: controls that belong together, like a widget
/// factory's tabs.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The page's title.
    pub title: &'static str,
    /// The controls it shows, in order.
    pub controls: Vec<&'static str>,
}

/// How the catalogue is grouped into pages. A control the catalogue gains
/// and this table does not name lands on the "Other" page, so nothing is
/// ever left out of the gallery.
const GROUPS: &[(&str, &[&str])] = &[
    (
        "Buttons",
        &["Button", "ToolButton", "TabButton", "MenuBarItem"],
    ),
    (
        "Checkables",
        &["CheckBox", "RadioButton", "Switch", "CheckDelegate"],
    ),
    (
        "Text inputs",
        &["TextField", "TextArea", "ComboBox", "SpinBox"],
    ),
    (
        "Ranges",
        &[
            "Slider",
            "RangeSlider",
            "ProgressBar",
            "BusyIndicator",
            "ScrollBar",
            "ScrollView",
        ],
    ),
    (
        "Bars and menus",
        &[
            "TabBar",
            "ToolBar",
            "MenuBar",
            "Menu",
            "MenuItem",
            "ItemDelegate",
        ],
    ),
    (
        "Containers and popups",
        &[
            "Window",
            "Page",
            "Dialog",
            "Frame",
            "GroupBox",
            "ToolTip",
            "Label",
            "Separator",
        ],
    ),
];

/// The gallery's pages: every catalogue control exactly once.
pub fn pages() -> Vec<Page> {
    let known = |name: &str| union_model::catalogue::control(name).is_some();
    let mut pages: Vec<Page> = GROUPS
        .iter()
        .map(|(title, controls)| Page {
            title,
            controls: controls.iter().copied().filter(|c| known(c)).collect(),
        })
        .collect();
    let other: Vec<&'static str> = union_model::catalogue::CONTROLS
        .iter()
        .map(|c| c.name)
        .filter(|name| !GROUPS.iter().any(|(_, group)| group.contains(name)))
        .collect();
    if !other.is_empty() {
        pages.push(Page {
            title: "Other",
            controls: other,
        });
    }
    pages
}

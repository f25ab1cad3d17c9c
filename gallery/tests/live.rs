//! Live reload, headless: a broken edit keeps the last good theme on show
//! with the edit's diagnostics, a fix replaces it, and the watcher notices
//! edits on disk by itself.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use union_gallery::live::{LiveTheme, Status, Watcher};
use union_gallery::themes::registry_with_cache;
use union_model::{Element, Query, Styler};

struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn theme_folder(test: &str) -> Folder {
    let dir = std::env::temp_dir().join(format!("union-live-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    write(&dir.join("style.css"), "@import \"buttons.css\";\n");
    write(
        &dir.join("buttons.css"),
        "button { background-color: #ff0000; }\n",
    );
    Folder(dir)
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The button's background as `#rrggbbaa`.
fn button_background(live: &LiveTheme) -> String {
    let theme = live.theme();
    let computed = Styler::new(Arc::clone(theme)).query(&Query::element(Element::new("Button")));
    let color = computed
        .style
        .background
        .color
        .value()
        .map(|c| computed.resolve_color(c, theme.palette()).to_rgba8());
    color.map_or_else(
        || "none".to_owned(),
        |[r, g, b, a]| format!("#{r:02x}{g:02x}{b:02x}{a:02x}"),
    )
}

fn open(folder: &Folder) -> LiveTheme {
    let registry = Arc::new(registry_with_cache(None));
    let path = folder.0.join("style.css");
    LiveTheme::open(registry, &path.display().to_string()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_broken_edit_keeps_the_last_good_theme_until_it_is_fixed() {
    let folder = theme_folder("broken");
    let mut live = open(&folder);
    assert_eq!(live.status(), &Status::Current);
    assert_eq!(button_background(&live), "#ff0000ff");
    assert_eq!(live.dependencies().len(), 2, "{:?}", live.dependencies());

    // A good edit in an imported file replaces the theme.
    write(
        &folder.0.join("buttons.css"),
        "button { background-color: #00ff00; }\n",
    );
    assert_eq!(live.reload(), &Status::Current);
    assert_eq!(button_background(&live), "#00ff00ff");

    // A broken edit: an unknown property (an error) on line 2.
    write(
        &folder.0.join("buttons.css"),
        "button { background-color: #0000ff; }\nbutton { no-such-property: 1px; }\n",
    );
    let Status::Broken(problems) = live.reload().clone() else {
        panic!("the broken edit was taken: {:?}", live.status());
    };
    assert_eq!(
        button_background(&live),
        "#00ff00ff",
        "the last good theme stays"
    );
    let located: Vec<String> = problems
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.location.as_ref().map(ToString::to_string))
        .collect();
    assert!(
        located.iter().any(|l| l.contains("buttons.css:2:")),
        "the problem is located in the edited file: {problems:?}"
    );
    assert_eq!(live.diagnostics(), problems.as_slice());

    // Deleting a file the theme imports is broken too, not a blank window.
    std::fs::remove_file(folder.0.join("buttons.css")).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(live.reload(), Status::Broken(_)));
    assert_eq!(button_background(&live), "#00ff00ff");

    // The fix is taken.
    write(
        &folder.0.join("buttons.css"),
        "button { background-color: #0000ff; }\n",
    );
    assert_eq!(live.reload(), &Status::Current);
    assert_eq!(button_background(&live), "#0000ffff");
    assert_eq!(live.reloads(), 4);
}

#[test]
fn the_watcher_reloads_when_a_file_changes() {
    let folder = theme_folder("watch");
    let mut live = open(&folder);
    let mut watcher = Watcher::start(&live).unwrap_or_else(|e| panic!("{e}"));
    write(
        &folder.0.join("buttons.css"),
        "button { background-color: #123456; }\n",
    );
    // Events arrive within milliseconds; the bound only stops a broken
    // watcher from hanging the test.
    let mut seen = false;
    for _ in 0..20 {
        if watcher.wait(&mut live, Duration::from_millis(500))
            && button_background(&live) == "#123456ff"
        {
            seen = true;
            break;
        }
    }
    assert!(seen, "the edit was not picked up: {:?}", live.status());
    assert_eq!(live.status(), &Status::Current);

    // A broken edit arrives as Broken, with the good theme still shown.
    write(
        &folder.0.join("buttons.css"),
        "button { color: ; }\nbutton {",
    );
    let mut broken = false;
    for _ in 0..20 {
        if watcher.wait(&mut live, Duration::from_millis(500))
            && matches!(live.status(), Status::Broken(_))
        {
            broken = true;
            break;
        }
    }
    assert!(broken, "the broken edit was not reported");
    assert_eq!(button_background(&live), "#123456ff");
}

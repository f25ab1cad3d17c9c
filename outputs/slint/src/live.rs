//! The run-time way in: an application's `.slint` file compiled by
//! `slint-interpreter` with the `union` style generated from a theme that
//! follows its files. A theme edit regenerates the style and recompiles the
//! application; a broken edit (one that does not load, or a style that
//! does not compile) keeps the last good one and says why.

use crate::headless::{self, CompileOptions, Diagnostic};
use crate::style::{self, GeneratedStyle};
use crate::{Gap, Icons};
use slint_interpreter::ComponentDefinition;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use union_model::icons::IconLookup;
use union_model::{Styler, ThemeRegistry};
use union_themes::live::{LiveTheme, Status, Watcher};

/// An application compiled with the style of a live theme.
pub struct LiveApp {
    live: LiveTheme,
    watcher: Option<Watcher>,
    app: PathBuf,
    component: Option<String>,
    folder: PathBuf,
    icons: Icons,
    definition: ComponentDefinition,
    gaps: Vec<Gap>,
    problems: Vec<String>,
    generation: u64,
}

impl std::fmt::Debug for LiveApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveApp")
            .field("app", &self.app)
            .field("folder", &self.folder)
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

/// What a refresh did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// Nothing changed on disk.
    Unchanged,
    /// The theme changed: the style was regenerated and the application
    /// recompiled ([`LiveApp::definition`] is the new one).
    Restyled,
    /// The edit is broken: the last good style stays; these are its
    /// problems (`file:line:column: message`).
    Kept(Vec<String>),
}

impl LiveApp {
    /// Opens `theme` (a name or a folder) from `registry`, writes its style
    /// into `folder` and compiles `app` (its component `component`, else
    /// its last exported one) with it.
    ///
    /// # Errors
    /// When the theme does not load, or the style or the application does
    /// not compile (the diagnostics, with their places).
    pub fn open(
        registry: Arc<ThemeRegistry>,
        theme: &str,
        app: &Path,
        component: Option<&str>,
        folder: &Path,
    ) -> Result<LiveApp, String> {
        let live = LiveTheme::open(registry, theme).map_err(|e| union_themes::explain(&e))?;
        let mut icons = Icons(IconLookup::with_system_icons(
            union_themes::bundled_icon_dirs(),
        ));
        let (definition, gaps) = build(&live, app, component, folder, &mut icons)?;
        Ok(LiveApp {
            live,
            watcher: None,
            app: app.to_path_buf(),
            component: component.map(str::to_owned),
            folder: folder.to_path_buf(),
            icons,
            definition,
            gaps,
            problems: Vec::new(),
            generation: 0,
        })
    }

    /// Watches the theme's files (see [`LiveApp::poll`]).
    ///
    /// # Errors
    /// When the files cannot be watched.
    pub fn watch(&mut self) -> Result<(), String> {
        self.watcher = Some(Watcher::start(&self.live)?);
        Ok(())
    }

    /// The application as last compiled with a good style.
    pub fn definition(&self) -> &ComponentDefinition {
        &self.definition
    }

    /// What the style in use draws differently from the theme.
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// The problems of the last edit, if it was broken.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// How many times the style was regenerated.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Takes the outcomes of file changes the watcher saw (nothing without
    /// [`LiveApp::watch`]) and restyles if the theme changed.
    pub fn poll(&mut self) -> Refresh {
        let changed = match &mut self.watcher {
            Some(watcher) => watcher.poll(&mut self.live),
            None => false,
        };
        if changed {
            self.after_reload()
        } else {
            Refresh::Unchanged
        }
    }

    /// Reloads the theme now (without waiting for the watcher).
    pub fn reload(&mut self) -> Refresh {
        self.live.reload();
        self.after_reload()
    }

    fn after_reload(&mut self) -> Refresh {
        if let Status::Broken(problems) = self.live.status() {
            self.problems = problems.iter().map(ToString::to_string).collect();
            return Refresh::Kept(self.problems.clone());
        }
        match build(
            &self.live,
            &self.app,
            self.component.as_deref(),
            &self.folder,
            &mut self.icons,
        ) {
            Ok((definition, gaps)) => {
                self.definition = definition;
                self.gaps = gaps;
                self.problems.clear();
                self.generation += 1;
                Refresh::Restyled
            }
            Err(problem) => {
                self.problems = vec![problem];
                Refresh::Kept(self.problems.clone())
            }
        }
    }
}

/// Generates the style of the theme on show into `folder` and compiles the
/// application with it.
fn build(
    live: &LiveTheme,
    app: &Path,
    component: Option<&str>,
    folder: &Path,
    icons: &mut Icons,
) -> Result<(ComponentDefinition, Vec<Gap>), String> {
    let styler = Styler::new(Arc::clone(live.theme()));
    let generated = style::generate(&styler, live.theme().palette(), icons)?;
    // A new folder per generation: a failed compile never leaves the
    // running application's files half-replaced.
    let staging = folder.join(".staging");
    generated
        .write_to(&staging)
        .map_err(|e| format!("{}: {e}", staging.display()))?;
    let source = std::fs::read_to_string(app).map_err(|e| format!("{}: {e}", app.display()))?;
    // The palette global is exported from the compiled document, so that
    // `set_palette` can change it in the running application.
    let source = format!("{source}\nexport {{ UnionPalette }} from \"union-base.slint\";\n");
    let options = CompileOptions {
        style: Some(style::STYLE_NAME.to_owned()),
        include_paths: GeneratedStyle::include_paths(&staging),
    };
    let (definition, _) =
        headless::compile(&source, app.to_path_buf(), component, &options).map_err(join)?;
    generated
        .write_to(folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?;
    Ok((definition, generated.gaps))
}

fn join(diagnostics: Vec<Diagnostic>) -> String {
    diagnostics
        .into_iter()
        .filter(|d| d.error)
        .map(|d| d.text)
        .collect::<Vec<_>>()
        .join("\n")
}

//! Live reload: the theme on show follows its files, and a broken edit
//! never replaces it.
//!
//! [`LiveTheme`] is the state machine: it always has a theme to show (the
//! last one that loaded without errors) and says whether the files on disk
//! currently agree with it ([`Status`]). [`Watcher`] watches every file the
//! theme depends on (`notify`), reloads in a background thread when one
//! changes, and hands the outcome back to be [`LiveTheme::apply`]d, so the
//! window never waits for a load.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;
use union_model::{Diagnostic, LoadError, LoadedTheme, ReloadOutcome, Theme, ThemeRegistry};

/// How long file events are gathered before one reload (editors save in
/// several steps).
pub const SETTLE: Duration = Duration::from_millis(150);

/// Whether the theme on show is what the files say.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// The files loaded; the theme on show is theirs (warnings may remain).
    Current,
    /// The last edit did not load: the theme on show is the last good one,
    /// and these are the edit's problems.
    Broken(Vec<Diagnostic>),
}

/// A theme that follows its files.
#[derive(Debug)]
pub struct LiveTheme {
    registry: Arc<ThemeRegistry>,
    name: String,
    shown: Arc<LoadedTheme>,
    status: Status,
    reloads: u64,
}

impl LiveTheme {
    /// Loads THEME (a path or a name, see [`crate::load`]). A
    /// theme that does not load at all has nothing to show: that is an
    /// error here, unlike a later broken edit.
    pub fn open(registry: Arc<ThemeRegistry>, theme: &str) -> Result<LiveTheme, LoadError> {
        let shown = crate::load(&registry, theme)?;
        let name = shown.theme.name().to_owned();
        let status = if shown.diagnostics.iter().any(Diagnostic::is_error) {
            Status::Broken(shown.diagnostics.clone())
        } else {
            Status::Current
        };
        Ok(LiveTheme {
            registry,
            name,
            shown,
            status,
            reloads: 0,
        })
    }

    /// The theme on show.
    pub fn theme(&self) -> &Arc<Theme> {
        &self.shown.theme
    }

    /// The loaded theme on show, with its own diagnostics and files.
    pub fn loaded(&self) -> &Arc<LoadedTheme> {
        &self.shown
    }

    /// Whether the files agree with the theme on show.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Everything to tell the author: the refused edit's problems when it
    /// is broken, else the theme's own warnings.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match &self.status {
            Status::Broken(problems) => problems,
            Status::Current => &self.shown.diagnostics,
        }
    }

    /// The files to watch.
    pub fn dependencies(&self) -> &[PathBuf] {
        &self.shown.dependencies
    }

    /// How many reloads were applied (the window redraws when it changes).
    pub fn reloads(&self) -> u64 {
        self.reloads
    }

    /// Loads the files again, now, in this thread.
    pub fn reload(&mut self) -> &Status {
        let outcome = self.registry.reload(&self.name);
        self.apply(outcome)
    }

    /// Takes the outcome of a reload (from [`Watcher`] or [`Self::reload`]).
    pub fn apply(&mut self, outcome: Result<ReloadOutcome, LoadError>) -> &Status {
        self.reloads += 1;
        self.status = match outcome {
            Ok(ReloadOutcome::Replaced(loaded)) => {
                self.shown = loaded;
                Status::Current
            }
            Ok(ReloadOutcome::KeptPrevious {
                current,
                diagnostics,
            }) => {
                self.shown = current;
                Status::Broken(diagnostics)
            }
            Err(error) => Status::Broken(vec![Diagnostic::error(error.to_string(), None)]),
        };
        &self.status
    }
}

/// Watches a theme's files and reloads it in the background.
#[derive(Debug)]
pub struct Watcher {
    outcomes: Receiver<Result<ReloadOutcome, LoadError>>,
    watched: Vec<PathBuf>,
    files: Sender<Vec<PathBuf>>,
}

impl Watcher {
    /// Starts watching `live`'s files. Reload outcomes arrive through
    /// [`Self::poll`].
    pub fn start(live: &LiveTheme) -> Result<Watcher, String> {
        let (outcome_tx, outcomes) = channel();
        let (event_tx, events) = channel::<()>();
        let (files, file_rx) = channel::<Vec<PathBuf>>();
        let registry = Arc::clone(&live.registry);
        let name = live.name.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if event.is_ok_and(|e| !e.kind.is_access()) {
                    let _ = event_tx.send(());
                }
            })
            .map_err(|e| format!("cannot watch the theme's files: {e}"))?;
        let first = live.dependencies().to_vec();
        watch_all(&mut watcher, &[], &first);
        std::thread::Builder::new()
            .name("union-theme-reload".into())
            .spawn(move || {
                let mut watched = first;
                // One reload per burst of events; ends when the window
                // drops its `Watcher` (the channels close).
                while events.recv().is_ok() {
                    while events.recv_timeout(SETTLE).is_ok() {}
                    if outcome_tx.send(registry.reload(&name)).is_err() {
                        break;
                    }
                    while let Ok(files) = file_rx.try_recv() {
                        watch_all(&mut watcher, &watched, &files);
                        watched = files;
                    }
                }
            })
            .map_err(|e| format!("cannot start the reload thread: {e}"))?;
        Ok(Watcher {
            outcomes,
            watched: live.dependencies().to_vec(),
            files,
        })
    }

    /// Applies every finished reload to `live`; returns whether any was.
    /// Call it each frame.
    pub fn poll(&mut self, live: &mut LiveTheme) -> bool {
        let mut any = false;
        while let Ok(outcome) = self.outcomes.try_recv() {
            live.apply(outcome);
            any = true;
        }
        if any && live.dependencies() != self.watched.as_slice() {
            // An `@import` came or went: watch the new set of files.
            self.watched = live.dependencies().to_vec();
            let _ = self.files.send(self.watched.clone());
        }
        any
    }

    /// Waits up to `timeout` for one reload and applies it (tests and
    /// headless tools).
    pub fn wait(&mut self, live: &mut LiveTheme, timeout: Duration) -> bool {
        match self.outcomes.recv_timeout(timeout) {
            Ok(outcome) => {
                live.apply(outcome);
                self.poll(live);
                true
            }
            Err(_) => false,
        }
    }
}

fn watch_all(watcher: &mut notify::RecommendedWatcher, old: &[PathBuf], new: &[PathBuf]) {
    use notify::Watcher as _;
    for path in old.iter().filter(|p| !new.contains(p)) {
        let _ = watcher.unwatch(path);
    }
    for path in new.iter().filter(|p| !old.contains(p)) {
        // Editors that save by renaming replace the file: watch its folder
        // too, non-recursively, so the new file is seen.
        let _ = watcher.watch(path, notify::RecursiveMode::NonRecursive);
        if let Some(folder) = path.parent() {
            let _ = watcher.watch(folder, notify::RecursiveMode::NonRecursive);
        }
    }
}

//! The workspace's paths, progress lines, and running external commands with
//! errors that name the step, the command and how to get a missing tool.

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;

pub struct Workspace {
    pub root: Utf8PathBuf,
}

/// The core crate, as cargo and maturin name it.
pub const CORE_PACKAGE: &str = "joyous-departures";

impl Workspace {
    pub fn locate() -> Result<Self> {
        let xtask_dir = Utf8Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = xtask_dir
            .parent()
            .context("xtask has no parent directory")?
            .to_owned();
        Ok(Self { root })
    }

    pub fn path(&self, relative: &str) -> Utf8PathBuf {
        self.root.join(relative)
    }

    pub fn core_dir(&self) -> Utf8PathBuf {
        self.path("crates/joyous-departures")
    }

    /// The SDK's version (its own Cargo.toml's, not the workspace's), which
    /// the wheel and the npm packages carry.
    pub fn version(&self) -> String {
        joyous_departures::version()
    }

    /// Cargo's target directory (honours `CARGO_TARGET_DIR`).
    pub fn target_dir(&self) -> Utf8PathBuf {
        std::env::var("CARGO_TARGET_DIR")
            .map(Utf8PathBuf::from)
            .unwrap_or_else(|_| self.path("target"))
    }
}

/// `-- <what> [i/n]` on stderr, so long runs say where they are while stdout
/// keeps only results. Prefer [`Steps`], which numbers steps itself; this
/// stays for verbs not yet moved to it.
pub fn step(index: usize, total: usize, what: &str) {
    eprintln!("-- {what} [{index}/{total}]");
}

/// A verb's steps, declared once as `(key, description)`: [`Steps::start`]
/// prints a step's description with its position in the list, so adding,
/// removing or reordering a step cannot leave a stale `[i/n]`.
pub struct Steps {
    list: Vec<(String, String)>,
}

impl Steps {
    pub fn new<K: Into<String>, D: Into<String>>(list: impl IntoIterator<Item = (K, D)>) -> Self {
        let list: Vec<(String, String)> = list
            .into_iter()
            .map(|(k, d)| (k.into(), d.into()))
            .collect();
        for (i, (key, _)) in list.iter().enumerate() {
            // Two steps with one key would both print the first one's number.
            assert!(
                list[..i].iter().all(|(k, _)| k != key),
                "xtask bug: step key `{key}` declared twice"
            );
        }
        Self { list }
    }

    /// `-- <description> [i/n]` on stderr for the step declared as `key`.
    pub fn start(&self, key: &str) {
        eprintln!("{}", self.line(key));
    }

    fn line(&self, key: &str) -> String {
        let Some(index) = self.list.iter().position(|(k, _)| k == key) else {
            // A key typed at a call site that the list lacks: a bug in xtask.
            panic!("xtask bug: step `{key}` is not declared in this verb's Steps");
        };
        let (_, description) = &self.list[index];
        format!("-- {description} [{}/{}]", index + 1, self.list.len())
    }
}

// File operations that name their path when they fail, so an error says
// which file rather than only "No such file or directory".

pub fn read_to_string(path: &Utf8Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {path}"))
}

pub fn write(path: &Utf8Path, contents: impl AsRef<[u8]>) -> Result<()> {
    std::fs::write(path, contents).with_context(|| format!("writing {path}"))
}

pub fn create_dir_all(path: &Utf8Path) -> Result<()> {
    std::fs::create_dir_all(path).with_context(|| format!("creating the directory {path}"))
}

/// Removes `path` and everything under it; nothing to do if it is absent.
pub fn remove_dir_all(path: &Utf8Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("removing {path}"))
        }
        _ => Ok(()),
    }
}

// Not called yet in the files of this helper; npm.rs and dist.rs are to adopt it.
#[allow(dead_code)]
pub fn copy(from: &Utf8Path, to: &Utf8Path) -> Result<()> {
    std::fs::copy(from, to)
        .map(drop)
        .with_context(|| format!("copying {from} to {to}"))
}

pub fn rename(from: &Utf8Path, to: &Utf8Path) -> Result<()> {
    std::fs::rename(from, to).with_context(|| format!("moving {from} to {to}"))
}

/// Every file under `dir`, relative to it (none if `dir` does not exist).
pub fn relative_files(dir: &Utf8Path) -> Result<std::collections::BTreeSet<Utf8PathBuf>> {
    let mut out = std::collections::BTreeSet::new();
    if !dir.exists() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in d.read_dir_utf8().with_context(|| format!("reading {d}"))? {
            let entry = entry.with_context(|| format!("reading {d}"))?;
            let kind = entry
                .file_type()
                .with_context(|| format!("reading {}", entry.path()))?;
            if kind.is_dir() {
                stack.push(entry.path().to_owned());
            } else {
                out.insert(entry.path().strip_prefix(dir)?.to_owned());
            }
        }
    }
    Ok(out)
}

/// A system tool we do not install ourselves, with one line on how to get it.
pub struct Tool {
    pub program: &'static str,
    pub install_hint: &'static str,
}

pub const PYTHON: Tool = Tool {
    program: "python3",
    install_hint: "install Python 3.9+ with venv (Debian: `apt-get install python3 python3-venv`)",
};
pub const CARGO: Tool = Tool {
    program: "cargo",
    install_hint: "install Rust with rustup",
};

impl Tool {
    /// Whether the program is on PATH.
    pub fn found(&self) -> bool {
        which(self.program).is_some()
    }

    pub fn command(&self) -> Result<Command> {
        which(self.program)
            .with_context(|| format!("`{}` not found: {}", self.program, self.install_hint))?;
        Ok(Command::new(self.program))
    }
}

fn which(program: &str) -> Option<Utf8PathBuf> {
    let path = std::env::var("PATH").ok()?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .and_then(|p| Utf8PathBuf::from_path_buf(p).ok())
}

/// Run and return stdout (stderr passes through); fail naming the command:
/// the pipeline's own runner, so both name commands and missing tools alike.
pub use joyous_bindgen::build::tools::capture;
use joyous_bindgen::build::tools::describe;

/// Run to completion with output shown; fail naming the command.
pub fn exec(cmd: &mut Command) -> Result<()> {
    let shown = describe(cmd);
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_by_their_place_in_the_list() {
        let steps = Steps::new([("a", "first"), ("b", "second"), ("c", "third")]);
        assert_eq!(steps.line("a"), "-- first [1/3]");
        assert_eq!(steps.line("c"), "-- third [3/3]");
        assert_eq!(steps.line("b"), "-- second [2/3]");
    }

    #[test]
    #[should_panic(expected = "step `d` is not declared")]
    fn an_undeclared_step_is_a_bug() {
        Steps::new([("a", "first")]).line("d");
    }

    #[test]
    #[should_panic(expected = "declared twice")]
    fn a_duplicate_key_is_a_bug() {
        Steps::new([("a", "first"), ("a", "again")]);
    }

    #[test]
    fn file_errors_name_the_path() {
        let missing = Utf8Path::new("/nonexistent/joyous-xtask-test/file.txt");
        let error = format!("{:#}", read_to_string(missing).unwrap_err());
        assert!(
            error.contains("reading /nonexistent/joyous-xtask-test/file.txt"),
            "{error}"
        );
        let error = format!("{:#}", write(missing, "x").unwrap_err());
        assert!(
            error.contains("writing /nonexistent/joyous-xtask-test/file.txt"),
            "{error}"
        );
        assert!(remove_dir_all(Utf8Path::new("/nonexistent/joyous-xtask-test")).is_ok());
    }
}

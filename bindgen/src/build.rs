//! `joyous-bindgen build`: from a UniFFI crate's Cargo.toml to an installable
//! npm tarball. Host build (for UniFFI's metadata) -> generate -> a scratch
//! cargo workspace holding the glue -> wasm32 release build -> [`package`].

pub mod package;
pub mod shrink;
pub mod tools;

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use cargo_metadata::Message;
use std::io::BufReader;
use std::process::{Command, Stdio};

pub use package::{package, wasm_bindgen, wasm_opt, Package, WASM_FEATURES};
pub use shrink::shrink;
use tools::{CARGO, WASM_TARGET};

use crate::project::{Overrides, Project};

/// What `joyous-bindgen build` was asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The UniFFI crate's Cargo.toml (or its directory).
    pub manifest_path: Utf8PathBuf,
    /// Where the tarball goes; default `<target dir>/joyous-bindgen/dist`.
    pub out_dir: Option<Utf8PathBuf>,
    /// The command line's settings, stronger than the manifest's.
    pub overrides: Overrides,
    /// Keep the .wasm's function names for profilers (`--profiling`).
    pub profiling: bool,
}

/// The release profiles of the scratch workspace: the repository's own
/// `[profile.release]` and `[profile.wasm-release]`, so `build` and
/// `cargo xtask dist` build alike.
pub const RELEASE_PROFILE: &str = "\
[profile.release]
lto = true
codegen-units = 1
strip = \"debuginfo\"
opt-level = 3

[profile.wasm-release]
inherits = \"release\"
opt-level = \"z\"
";

/// The cargo profile of every wasm32 build (defined in [`RELEASE_PROFILE`]).
pub const WASM_PROFILE: &str = "wasm-release";

/// `-- <step> [i/n]` lines on stderr, `n` being the length of the step list.
pub struct Progress {
    steps: Vec<&'static str>,
    nested: bool,
}

impl Progress {
    pub fn new(steps: impl IntoIterator<Item = &'static str>) -> Self {
        Self {
            steps: steps.into_iter().collect(),
            nested: false,
        }
    }

    /// Inside a caller's own step (xtask): indented lines with no count.
    pub fn nested() -> Self {
        Self {
            steps: Vec::new(),
            nested: true,
        }
    }

    pub fn step(&mut self, name: &'static str) {
        if self.nested {
            eprintln!("   {name}");
            return;
        }
        let index = self.steps.iter().position(|s| *s == name);
        debug_assert!(index.is_some(), "step `{name}` is not in the list");
        let index = index.map_or(0, |i| i + 1);
        eprintln!("-- {name} [{index}/{}]", self.steps.len());
    }
}

const STEPS: [&str; 5] = [
    "checking the tools",
    "reading the crate's manifest",
    "building the crate for the host (UniFFI metadata)",
    "generating the glue crate and the TypeScript sources",
    "building the glue for wasm32 (release)",
];

/// Runs the whole pipeline; returns the tarball's path.
pub fn build(options: &BuildOptions) -> Result<Utf8PathBuf> {
    let mut progress = Progress::new(STEPS.into_iter().chain(package::STEPS));
    progress.step(STEPS[0]);
    tools::check(&tools::BUILD_TOOLS)?;

    progress.step(STEPS[1]);
    let project = Project::load(&options.manifest_path)?;
    let settings = project.settings(&options.overrides)?;

    progress.step(STEPS[2]);
    let library = host_build(&project, &settings.features)?;

    progress.step(STEPS[3]);
    let work_dir = project.target_dir.join("joyous-bindgen");
    let scratch = work_dir.join(&project.package);
    let components = crate::load::load_component_interfaces_of(&library, &project.manifest_path)?;
    let ci = crate::load::select(&components, Some(&project.lib_name), &library)?;
    let config = project.config(&settings, &scratch.join("glue"))?;
    let generated = crate::generate(ci, &config)?;
    write_scratch(&project, &scratch, &generated)?;

    progress.step(STEPS[4]);
    let wasm = wasm_build(&project, &scratch, &config.glue_crate)?;

    let out_dir = match &options.out_dir {
        Some(dir) => dir.clone(),
        None => work_dir.join("dist"),
    };
    package(
        &Package {
            npm_name: &settings.npm_name,
            wasm: &wasm,
            typescript: &scratch.join("ts"),
            work_dir: &work_dir,
            out_dir: &out_dir,
            keep_names: options.profiling,
        },
        &mut progress,
    )
}

/// `cargo build --lib` of the crate for the host; its cdylib, whose symbol
/// table holds UniFFI's metadata.
pub fn host_build(project: &Project, features: &[String]) -> Result<Utf8PathBuf> {
    if !project.has_cdylib {
        bail!(
            "package `{}` builds no cdylib, which UniFFI's metadata is read from: add \
             `crate-type = [\"lib\", \"cdylib\"]` under `[lib]` in {}",
            project.package,
            project.manifest_path
        );
    }
    let mut cmd = CARGO.command();
    cmd.args([
        "build",
        "--lib",
        "--manifest-path",
        project.manifest_path.as_str(),
    ]);
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
    let suffix = std::env::consts::DLL_SUFFIX;
    artifact(&mut cmd, &project.manifest_path, suffix).with_context(|| {
        format!(
            "building `{}` for the host to read its UniFFI metadata",
            project.package
        )
    })
}

/// The scratch workspace: `Cargo.toml` (its own `[workspace]`, our release
/// profile), `glue/`, `ts/`, and the crate workspace's Cargo.lock so the glue
/// builds with the versions the crate is tested with.
fn write_scratch(
    project: &Project,
    scratch: &Utf8Path,
    generated: &crate::Generated,
) -> Result<()> {
    sync_files(&scratch.join("glue"), &generated.wasm)?;
    sync_files(&scratch.join("ts"), &generated.typescript)?;
    let manifest = scratch.join("Cargo.toml");
    let text = format!(
        "# Written by joyous-bindgen build: a workspace of its own for the glue of `{}`.\n\
         [workspace]\nresolver = \"2\"\nmembers = [\"glue\"]\n\n{RELEASE_PROFILE}",
        project.package
    );
    write_if_changed(&manifest, &text)?;
    // Copied again only when the crate's lock changed, so what cargo added for
    // the glue (wasm-bindgen) stays resolved between runs.
    let source = project.workspace_root.join("Cargo.lock");
    let copied = scratch.join("Cargo.lock.source");
    if let Ok(lock) = std::fs::read_to_string(&source) {
        if std::fs::read_to_string(&copied).ok().as_deref() != Some(lock.as_str()) {
            let target = scratch.join("Cargo.lock");
            std::fs::write(&target, &lock).with_context(|| format!("writing {target}"))?;
            std::fs::write(&copied, &lock).with_context(|| format!("writing {copied}"))?;
        }
    }
    Ok(())
}

/// Makes `dir` hold exactly `files`, rewriting only the files that changed so
/// cargo does not rebuild an unchanged glue (its mtimes stay).
fn sync_files(dir: &Utf8Path, files: &[crate::File]) -> Result<()> {
    let wanted: std::collections::BTreeSet<Utf8PathBuf> =
        files.iter().map(|f| dir.join(&f.path)).collect();
    remove_unwanted(dir, &wanted)?;
    for file in files {
        write_if_changed(&dir.join(&file.path), &file.contents)?;
    }
    Ok(())
}

fn remove_unwanted(dir: &Utf8Path, wanted: &std::collections::BTreeSet<Utf8PathBuf>) -> Result<()> {
    let Ok(entries) = dir.read_dir_utf8() else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {dir}"))?;
        let path = entry.path();
        if path.is_dir() {
            remove_unwanted(path, wanted)?;
        } else if !wanted.contains(path) {
            std::fs::remove_file(path).with_context(|| format!("removing {path}"))?;
        }
    }
    Ok(())
}

fn write_if_changed(path: &Utf8Path, contents: &str) -> Result<()> {
    if std::fs::read_to_string(path).ok().as_deref() == Some(contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {parent}"))?;
    }
    std::fs::write(path, contents).with_context(|| format!("writing {path}"))
}

/// The glue's release `.wasm`, built in the crate's target dir so its
/// dependencies are shared with the crate's own builds.
fn wasm_build(project: &Project, scratch: &Utf8Path, glue: &str) -> Result<Utf8PathBuf> {
    tools::ensure_wasm_target(scratch)?;
    let manifest = scratch.join("glue/Cargo.toml");
    let mut cmd = CARGO.command();
    cmd.args([
        "build",
        "--lib",
        "--profile",
        WASM_PROFILE,
        "--target",
        WASM_TARGET,
    ])
    .args(["--manifest-path", manifest.as_str()])
    .args(["--target-dir", project.target_dir.as_str()]);
    artifact(&mut cmd, &manifest, ".wasm")
        .map_err(|e| match e.downcast_ref::<BuildFailed>() {
            Some(f) if f.send_bound => e.context(ASYNC_TRAIT_HINT),
            _ => e,
        })
        .with_context(|| format!("building `{glue}` for {WASM_TARGET} in {scratch}"))
}

/// What a wasm32 build that fails on a `Send` bound of an async trait needs.
const ASYNC_TRAIT_HINT: &str = "an async trait does not match the one UniFFI implements on wasm32: \
with uniffi's `wasm-unstable-single-threaded` feature, UniFFI implements foreign async traits \
with `async_trait(?Send)`, so declare yours \
`#[cfg_attr(target_arch = \"wasm32\", async_trait::async_trait(?Send))]` and \
`#[cfg_attr(not(target_arch = \"wasm32\"), async_trait::async_trait)]` \
(docs/bindgen.md, \"Futures and foreign traits\"), or build without that feature";

/// A cargo build that failed; `send_bound` when rustc's errors are about a
/// `Send` bound of a future or trait (see `ASYNC_TRAIT_HINT`).
#[derive(Debug)]
struct BuildFailed {
    shown: String,
    status: std::process::ExitStatus,
    send_bound: bool,
}

impl std::fmt::Display for BuildFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` failed ({})", self.shown, self.status)
    }
}

impl std::error::Error for BuildFailed {}

/// Runs a `cargo build` and returns the file ending in `suffix` that it built
/// for the package at `manifest` (read from cargo's JSON messages).
fn artifact(cmd: &mut Command, manifest: &Utf8Path, suffix: &str) -> Result<Utf8PathBuf> {
    let shown = tools::describe(cmd);
    let mut child = cmd
        // Diagnostics in the JSON too: printed here, and read for hints;
        // in colour only on a terminal.
        .arg(if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            "--message-format=json-diagnostic-rendered-ansi"
        } else {
            "--message-format=json"
        })
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                anyhow::anyhow!("`cargo` not found: {}", CARGO.install_hint)
            }
            _ => anyhow::Error::new(e).context(format!("could not start `{shown}`")),
        })?;
    let stdout = child.stdout.take().context("cargo's stdout")?;
    // cargo names manifests by their canonical path.
    let manifest = manifest
        .canonicalize_utf8()
        .unwrap_or_else(|_| manifest.to_owned());
    let mut found = None;
    let mut send_bound = false;
    for message in Message::parse_stream(BufReader::new(stdout)) {
        let message = message.with_context(|| format!("reading the output of `{shown}`"))?;
        if let Message::CompilerMessage(m) = &message {
            if let Some(rendered) = &m.message.rendered {
                eprint!("{rendered}");
                let error = matches!(m.message.level, cargo_metadata::diagnostic::DiagnosticLevel::Error);
                send_bound |= error && rendered.contains("Send") && (rendered.contains("async_trait") || rendered.contains("Future"));
            }
        }
        if let Message::CompilerArtifact(a) = message {
            if a.manifest_path == manifest {
                found = a
                    .filenames
                    .into_iter()
                    .find(|f| f.as_str().ends_with(suffix))
                    .or(found);
            }
        }
    }
    let status = child
        .wait()
        .with_context(|| format!("waiting for `{shown}`"))?;
    if !status.success() {
        return Err(BuildFailed {
            shown,
            status,
            send_bound,
        }
        .into());
    }
    found.with_context(|| format!("`{shown}` built no `*{suffix}` for {manifest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syncing_rewrites_only_changes_and_drops_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let dir = Utf8Path::from_path(dir.path()).unwrap();
        let files = |a: &str| {
            vec![
                crate::File::new("src/a.rs", a.into()),
                crate::File::new("b", "b".into()),
            ]
        };
        sync_files(dir, &files("one")).unwrap();
        std::fs::write(dir.join("src/stale.rs"), "old").unwrap();
        let before = std::fs::metadata(dir.join("b"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        sync_files(dir, &files("two")).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("src/a.rs")).unwrap(),
            "two"
        );
        assert_eq!(
            std::fs::metadata(dir.join("b"))
                .unwrap()
                .modified()
                .unwrap(),
            before
        );
        assert!(!dir.join("src/stale.rs").exists());
    }

    #[test]
    fn the_scratch_profiles_are_the_repository_s() {
        let root =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).unwrap();
        for profile in ["[profile.release]", "[profile.wasm-release]"] {
            let settings = |text: &str| -> Vec<String> {
                let start = text.find(profile).expect(profile);
                text[start..]
                    .lines()
                    .skip(1)
                    .take_while(|l| !l.starts_with('['))
                    .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .map(str::to_string)
                    .collect()
            };
            assert_eq!(
                settings(RELEASE_PROFILE),
                settings(&root),
                "update build::RELEASE_PROFILE's {profile}"
            );
        }
    }

    #[test]
    fn progress_counts_come_from_the_list() {
        let steps: Vec<_> = STEPS.into_iter().chain(package::STEPS).collect();
        assert_eq!(steps.len(), 11);
        let mut unique = steps.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            steps.len(),
            "step names must differ: they are looked up"
        );
    }

    #[test]
    fn a_crate_without_cdylib_is_told_what_to_add() {
        let manifest =
            Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/fixture-types/Cargo.toml");
        let mut project = Project::load(&manifest).unwrap();
        project.has_cdylib = false;
        let err = host_build(&project, &[]).unwrap_err().to_string();
        assert!(
            err.contains("crate-type = [\"lib\", \"cdylib\"]") && err.contains("fixture-types"),
            "{err}"
        );
    }
}

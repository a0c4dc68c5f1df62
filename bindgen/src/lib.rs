//! Generic generator from a UniFFI `ComponentInterface` to a wasm-bindgen glue
//! crate and a TypeScript facade. It knows nothing about any one crate.
//!
//! - `load`: the interfaces of a built cdylib, through uniffi's `BindgenLoader`;
//! - `check`: every unsupported item of an interface, reported at once;
//! - `model` + `crossing`: each callable and how its values cross into wasm,
//!   as data (`types` has the facts about UniFFI types both need);
//! - `wasm`: the glue crate (Rust); `typescript`: the facade and its package;
//! - `project` + `build`: a crate's manifest, and the one-command pipeline from
//!   a UniFFI crate to an npm tarball (what the CLI's `build` and xtask run).

pub mod build;
pub mod check;
pub mod crossing;
pub mod load;
pub mod model;
pub mod names;
pub mod project;
pub mod types;
pub mod typescript;
pub mod wasm;

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use uniffi_bindgen::interface::ComponentInterface;

pub use load::load_component_interfaces;

/// The uniffi release whose scaffolding ABI the glue is written against.
pub const UNIFFI_VERSION: &str = "0.32.2";
/// The wasm-bindgen release the glue uses; its CLI support must be the same.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// What the generator needs to know beyond the interface.
#[derive(Debug, Clone)]
pub struct Config {
    /// The version of the glue crate and the npm package.
    pub version: String,
    pub license: String,
    /// package.json `repository` and `keywords`, from the crate's Cargo.toml.
    pub repository: Option<String>,
    pub keywords: Vec<String>,
    /// The npm package name.
    pub npm_name: String,
    /// The glue crate's package name, e.g. `joyous-departures-wasm`.
    pub glue_crate: String,
    /// The component's cargo package name, e.g. `joyous-departures`.
    pub crate_package: String,
    /// The TOML value of the glue's dependency on the component, e.g.
    /// `{ path = "../../crates/x", features = ["ffi"] }`.
    pub crate_dependency: String,
}

/// One generated file, relative to its output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: Utf8PathBuf,
    pub contents: String,
}

impl File {
    pub fn new(path: impl Into<Utf8PathBuf>, contents: String) -> Self {
        Self {
            path: path.into(),
            contents,
        }
    }
}

/// Everything generated for one component.
pub struct Generated {
    /// The wasm-bindgen glue crate.
    pub wasm: Vec<File>,
    /// The TypeScript package sources.
    pub typescript: Vec<File>,
}

/// Generates the glue crate and the TypeScript package of `ci`.
pub fn generate(ci: &ComponentInterface, config: &Config) -> Result<Generated> {
    check::check(ci)?;
    let callables = model::callables(ci);
    let traits = model::traits(ci);
    Ok(Generated {
        wasm: wasm::generate(ci, &callables, &traits, config)?,
        typescript: typescript::generate(ci, &callables, &traits, config)?,
    })
}

/// Writes `files` under `dir`, creating directories.
pub fn write_files(dir: &Utf8Path, files: &[File]) -> Result<()> {
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {parent}"))?;
        }
        std::fs::write(&path, &file.contents).with_context(|| format!("writing {path}"))?;
    }
    Ok(())
}

/// A short stable hash of the interface's contract version and checksums:
/// the facade and the .wasm must agree on it.
pub fn fingerprint(ci: &ComponentInterface) -> String {
    // FNV-1a: tiny, stable across platforms and releases, enough to tell APIs apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(&ci.uniffi_contract_version().to_be_bytes());
    for (name, value) in ci.iter_checksums() {
        feed(name.as_bytes());
        feed(&value.to_be_bytes());
    }
    format!("{}-{hash:016x}", ci.crate_name())
}

/// Formats generated Rust with rustfmt so the committed glue reads like code.
pub fn rustfmt(source: &str) -> Result<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("running rustfmt (install it with `rustup component add rustfmt`)")?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(source.as_bytes())?;
    let out = child.wait_with_output()?;
    anyhow::ensure!(
        out.status.success(),
        "rustfmt rejected the generated glue: {}\n--- source ---\n{source}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8(out.stdout)?)
}

//! The UniFFI crates this repository generates packages for: the SDK and the
//! fixture that proves the generator is generic. One table, used by
//! generate, dist and test.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};

use crate::workspace::{exec, Workspace, CARGO};

pub struct Component {
    /// Cargo package of the UniFFI crate.
    pub package: &'static str,
    /// Its library name (what UniFFI calls the crate).
    pub lib: &'static str,
    /// Features that turn its UniFFI scaffolding on.
    pub features: &'static [&'static str],
    /// Where its generated code lives, relative to the repository root.
    pub generated: &'static str,
    pub npm_name: &'static str,
}

pub const SDK: Component = Component {
    package: "joyous-departures",
    lib: "joyous_departures",
    features: &["ffi"],
    generated: "generated",
    npm_name: "joyous-departures",
};

pub const FIXTURE: Component = Component {
    package: "fixture-types",
    lib: "fixture_types",
    features: &[],
    generated: "generated/fixture-types",
    npm_name: "fixture-types",
};

pub const FIXTURE_ASYNC: Component = Component {
    package: "fixture-async",
    lib: "fixture_async",
    features: &[],
    generated: "generated/fixture-async",
    npm_name: "fixture-async",
};

pub const ALL: [&Component; 3] = [&SDK, &FIXTURE, &FIXTURE_ASYNC];

impl Component {
    pub fn python_dir(&self, root: &Utf8Path) -> Utf8PathBuf {
        root.join(self.generated).join("python")
    }

    pub fn wasm_dir(&self, root: &Utf8Path) -> Utf8PathBuf {
        root.join(self.generated).join("wasm")
    }

    pub fn typescript_dir(&self, root: &Utf8Path) -> Utf8PathBuf {
        root.join(self.generated).join("typescript")
    }

    pub fn glue_package(&self) -> String {
        format!("{}-wasm", self.package)
    }

    /// The host cdylib, whose UniFFI metadata is the generators' input.
    pub fn build_cdylib(&self, ws: &Workspace) -> Result<Utf8PathBuf> {
        let mut cmd = CARGO.command()?;
        cmd.current_dir(&ws.root)
            .args(["build", "--quiet", "--package", self.package]);
        if !self.features.is_empty() {
            cmd.args(["--features", &self.features.join(",")]);
        }
        exec(&mut cmd)
            .with_context(|| format!("building the {} cdylib for UniFFI metadata", self.package))?;
        let name = format!(
            "{}{}{}",
            std::env::consts::DLL_PREFIX,
            self.lib,
            std::env::consts::DLL_SUFFIX
        );
        let lib = ws.target_dir().join("debug").join(name);
        anyhow::ensure!(lib.is_file(), "cargo built no cdylib at {lib}");
        Ok(lib)
    }

    /// The generator's settings for this component, for output under `root`
    /// (the repository, or a scratch copy of generated/ for verify).
    pub fn bindgen_config(&self, ws: &Workspace) -> Result<joyous_bindgen::Config> {
        // The glue sits at <generated>/wasm; its dependency path is relative to that.
        let depth = self.generated.split('/').count() + 1;
        let path = format!("{}crates/{}", "../".repeat(depth), self.package);
        let features = if self.features.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = self.features.iter().map(|f| format!("{f:?}")).collect();
            format!(", features = [{}]", list.join(", "))
        };
        // Version, repository and keywords as the crate's own Cargo.toml says.
        let manifest = ws.path(&format!("crates/{}/Cargo.toml", self.package));
        let project = joyous_bindgen::project::Project::load(&manifest)
            .with_context(|| format!("reading {manifest}"))?;
        Ok(joyous_bindgen::Config {
            version: project.version,
            license: "MIT".into(),
            repository: project.repository,
            keywords: project.keywords,
            npm_name: self.npm_name.into(),
            glue_crate: self.glue_package(),
            crate_package: self.package.into(),
            crate_dependency: format!("{{ path = {path:?}{features} }}"),
        })
    }
}

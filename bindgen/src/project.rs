//! What a UniFFI crate's manifest says, read through `cargo metadata`: its
//! package and library names, version, license, where it builds, and the
//! `[package.metadata.joyous-bindgen]` table that overrides the npm side.
//!
//! Precedence for every setting: CLI flag > metadata table > Cargo.toml field > default.

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use cargo_metadata::{MetadataCommand, TargetKind};
use serde::Deserialize;

use crate::Config;

/// The metadata table's key under `[package.metadata]`.
pub const METADATA_TABLE: &str = "joyous-bindgen";

/// Settings a user may give on the command line or in the metadata table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Overrides {
    pub npm_name: Option<String>,
    pub version: Option<String>,
    pub license: Option<String>,
    /// Cargo features of the crate that the glue (and the host build) enable.
    pub features: Option<Vec<String>>,
}

/// One UniFFI crate, as its manifest describes it.
#[derive(Debug, Clone)]
pub struct Project {
    pub manifest_path: Utf8PathBuf,
    /// The cargo package name, e.g. `uniffi-example-arithmetic`.
    pub package: String,
    /// The library's crate name, e.g. `arithmetical`: what UniFFI calls the crate.
    pub lib_name: String,
    /// Whether the `[lib]` lists `cdylib` (UniFFI's metadata is read from it).
    pub has_cdylib: bool,
    pub version: String,
    pub license: Option<String>,
    pub description: Option<String>,
    pub repository: Option<String>,
    pub keywords: Vec<String>,
    pub crate_dir: Utf8PathBuf,
    pub workspace_root: Utf8PathBuf,
    pub target_dir: Utf8PathBuf,
    /// `[package.metadata.joyous-bindgen]`, empty when absent.
    pub metadata: Overrides,
}

/// The settings in force once the precedence is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub npm_name: String,
    pub version: String,
    pub license: String,
    pub features: Vec<String>,
}

impl Project {
    /// Reads the crate at `manifest` (its `Cargo.toml`, or the directory holding it).
    pub fn load(manifest: &Utf8Path) -> Result<Self> {
        let manifest = if manifest.is_dir() {
            manifest.join("Cargo.toml")
        } else {
            manifest.to_owned()
        };
        if !manifest.is_file() {
            bail!("no manifest at `{manifest}`: pass the UniFFI crate's Cargo.toml with `--manifest-path`");
        }
        let manifest = absolute(&manifest)?;
        let metadata = MetadataCommand::new()
            .manifest_path(&manifest)
            .no_deps()
            .exec()
            .map_err(|e| anyhow::anyhow!("{}", e.to_string().trim()))
            .with_context(|| format!("running `cargo metadata` on {manifest}"))?;
        let same =
            |p: &Utf8Path| p == manifest || p.canonicalize().ok() == manifest.canonicalize().ok();
        let Some(package) = metadata.packages.iter().find(|p| same(&p.manifest_path)) else {
            let members: Vec<&str> = metadata.packages.iter().map(|p| p.name.as_str()).collect();
            bail!(
                "{manifest} is a workspace manifest, not a crate: point `--manifest-path` at the \
                 UniFFI crate's own Cargo.toml (members: {})",
                members.join(", ")
            );
        };
        let lib_kinds = [
            TargetKind::Lib,
            TargetKind::CDyLib,
            TargetKind::RLib,
            TargetKind::StaticLib,
        ];
        let Some(lib) = package
            .targets
            .iter()
            .find(|t| t.kind.iter().any(|k| lib_kinds.contains(k)))
        else {
            bail!(
                "package `{}` ({manifest}) has no [lib] target: UniFFI crates are libraries",
                package.name
            );
        };
        let metadata_table = match package.metadata.get(METADATA_TABLE) {
            None => Overrides::default(),
            Some(table) => serde_json::from_value(table.clone()).with_context(|| {
                format!(
                    "reading `[package.metadata.{METADATA_TABLE}]` in {manifest} (allowed keys: \
                     npm-name, version, license, features)"
                )
            })?,
        };
        Ok(Self {
            crate_dir: manifest
                .parent()
                .context("manifest has no directory")?
                .to_owned(),
            manifest_path: manifest.clone(),
            package: package.name.to_string(),
            lib_name: lib.name.replace('-', "_"),
            has_cdylib: lib.kind.contains(&TargetKind::CDyLib),
            version: package.version.to_string(),
            license: package.license.clone(),
            description: package.description.clone(),
            repository: package.repository.clone(),
            keywords: package.keywords.clone(),
            workspace_root: metadata.workspace_root.clone(),
            target_dir: metadata.target_directory.clone(),
            metadata: metadata_table,
        })
    }

    /// The settings after `cli` > metadata table > Cargo.toml > default, checked.
    pub fn settings(&self, cli: &Overrides) -> Result<Settings> {
        let table = &self.metadata;
        let npm_name = cli
            .npm_name
            .clone()
            .or_else(|| table.npm_name.clone())
            .unwrap_or_else(|| self.package.clone());
        check_npm_name(&npm_name).with_context(|| {
            format!(
                "npm package name for `{}`: set `npm-name` in `[package.metadata.{METADATA_TABLE}]` \
                 of {} or pass `--npm-name`",
                self.package, self.manifest_path
            )
        })?;
        let version = cli
            .version
            .clone()
            .or_else(|| table.version.clone())
            .unwrap_or_else(|| self.version.clone());
        cargo_metadata::semver::Version::parse(&version).with_context(|| {
            format!("package version `{version}` is not semver (npm needs one like `1.2.3`)")
        })?;
        let license = cli
            .license
            .clone()
            .or_else(|| table.license.clone())
            .or_else(|| self.license.clone())
            // npm's word for "no license granted".
            .unwrap_or_else(|| "UNLICENSED".into());
        let features: Vec<String> = cli
            .features
            .clone()
            .or_else(|| table.features.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|f| !f.is_empty())
            .collect();
        Ok(Settings {
            npm_name,
            version,
            license,
            features,
        })
    }

    /// The glue crate's package name.
    pub fn glue_crate(&self) -> String {
        format!("{}-wasm", self.package)
    }

    /// The generator's config for glue written to `glue_dir`. The dependency's
    /// key is the library name (the glue does `use <lib> as _;`) and it names
    /// the package explicitly, since the two often differ.
    pub fn config(&self, settings: &Settings, glue_dir: &Utf8Path) -> Result<Config> {
        let path = relative_path(&absolute(glue_dir)?, &self.crate_dir);
        let mut dependency = format!(
            "{{ package = {}, path = {}",
            toml_string(&self.package),
            toml_string(path.as_str())
        );
        if !settings.features.is_empty() {
            let list: Vec<String> = settings.features.iter().map(|f| toml_string(f)).collect();
            dependency.push_str(&format!(", features = [{}]", list.join(", ")));
        }
        dependency.push_str(" }");
        Ok(Config {
            version: settings.version.clone(),
            license: settings.license.clone(),
            repository: self.repository.clone(),
            keywords: self.keywords.clone(),
            npm_name: settings.npm_name.clone(),
            glue_crate: self.glue_crate(),
            crate_package: self.lib_name.clone(),
            crate_dependency: dependency,
        })
    }
}

/// npm's rules for a package name: at most 214 characters, lowercase, URL-safe,
/// optionally `@scope/name`, not starting with `.` or `_`.
fn check_npm_name(name: &str) -> Result<()> {
    let bare = match name.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, bare)) if !scope.is_empty() && check_part(scope) => bare,
            _ => bail!("`{name}` is not a valid npm name: a scoped name reads `@scope/name`"),
        },
        None => name,
    };
    if name.len() > 214 || bare.is_empty() || bare.starts_with(['.', '_']) || !check_part(bare) {
        bail!(
            "`{name}` is not a valid npm name: use at most 214 lowercase letters, digits and \
             `-._~`, not starting with `.` or `_`"
        );
    }
    Ok(())
}

fn check_part(part: &str) -> bool {
    part.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-._~".contains(c))
}

/// A TOML basic string: JSON's escapes are all valid TOML ones.
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// `path` made absolute against the current directory, `.` and `..` resolved
/// lexically (the directory may not exist yet).
pub fn absolute(path: &Utf8Path) -> Result<Utf8PathBuf> {
    let joined = std::path::absolute(path).with_context(|| format!("making {path} absolute"))?;
    let joined = Utf8PathBuf::try_from(joined).context("the current directory is not UTF-8")?;
    let mut out = Utf8PathBuf::new();
    for part in joined.components() {
        match part {
            camino::Utf8Component::CurDir => {}
            camino::Utf8Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    Ok(out)
}

/// `to` relative to the directory `from` (both absolute); `to` itself when
/// they share nothing but the root, so a path across the tree stays readable.
pub fn relative_path(from: &Utf8Path, to: &Utf8Path) -> Utf8PathBuf {
    let (a, b): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common <= 1 {
        return to.to_owned();
    }
    let mut rel = Utf8PathBuf::new();
    for _ in common..a.len() {
        rel.push("..");
    }
    for part in &b[common..] {
        rel.push(part);
    }
    if rel.as_str().is_empty() {
        rel.push(".");
    }
    rel
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Project {
        let manifest =
            Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/fixture-types/Cargo.toml");
        Project::load(&manifest).unwrap()
    }

    #[test]
    fn reads_the_fixture_manifest() {
        let p = fixture();
        assert_eq!(p.package, "fixture-types");
        assert_eq!(p.lib_name, "fixture_types");
        assert!(p.has_cdylib);
        assert_eq!(p.license.as_deref(), Some("MIT"));
        assert!(p.crate_dir.ends_with("crates/fixture-types"));
        assert!(p.workspace_root.join("Cargo.lock").is_file());
        assert_eq!(p.metadata, Overrides::default());
    }

    #[test]
    fn precedence_is_flag_then_table_then_manifest() {
        let mut p = fixture();
        let s = p.settings(&Overrides::default()).unwrap();
        assert_eq!(
            (s.npm_name.as_str(), s.license.as_str()),
            ("fixture-types", "MIT")
        );
        assert_eq!(s.version, p.version);
        p.metadata = Overrides {
            npm_name: Some("from-table".into()),
            version: Some("9.9.9".into()),
            license: None,
            features: Some(vec!["a".into()]),
        };
        let s = p.settings(&Overrides::default()).unwrap();
        assert_eq!(
            (s.npm_name.as_str(), s.version.as_str()),
            ("from-table", "9.9.9")
        );
        assert_eq!(
            (s.license.as_str(), s.features.clone()),
            ("MIT", vec!["a".to_string()])
        );
        let cli = Overrides {
            npm_name: Some("@me/from-flag".into()),
            features: Some(vec![]),
            ..Overrides::default()
        };
        let s = p.settings(&cli).unwrap();
        assert_eq!(s.npm_name, "@me/from-flag");
        assert!(s.features.is_empty());
    }

    #[test]
    fn bad_npm_names_and_versions_are_refused() {
        let p = fixture();
        for bad in ["Upper", "_x", "a b", "@/x", "@s"] {
            let cli = Overrides {
                npm_name: Some(bad.into()),
                ..Overrides::default()
            };
            let err = format!("{:#}", p.settings(&cli).unwrap_err());
            assert!(
                err.contains(&format!("`{bad}`")) && err.contains("npm-name"),
                "{err}"
            );
        }
        let cli = Overrides {
            version: Some("1.2".into()),
            ..Overrides::default()
        };
        let err = format!("{:#}", p.settings(&cli).unwrap_err());
        assert!(err.contains("`1.2` is not semver"), "{err}");
    }

    #[test]
    fn the_glue_dependency_is_keyed_by_lib_and_names_the_package() {
        let mut p = fixture();
        p.package = "uniffi-example-arithmetic".into();
        p.lib_name = "arithmetical".into();
        let settings = Settings {
            npm_name: "n".into(),
            version: "1.0.0".into(),
            license: "MIT".into(),
            features: vec!["ffi".into()],
        };
        let glue = p.crate_dir.join("target/glue");
        let config = p.config(&settings, &glue).unwrap();
        assert_eq!(config.crate_package, "arithmetical");
        assert_eq!(
            config.crate_dependency,
            r#"{ package = "uniffi-example-arithmetic", path = "../..", features = ["ffi"] }"#
        );
        assert_eq!(config.glue_crate, "uniffi-example-arithmetic-wasm");
    }

    #[test]
    fn a_missing_manifest_or_a_workspace_manifest_is_named() {
        let err = format!(
            "{:#}",
            Project::load(Utf8Path::new("no/such/Cargo.toml")).unwrap_err()
        );
        assert!(
            err.contains("no/such/Cargo.toml") && err.contains("--manifest-path"),
            "{err}"
        );
        let root = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
        let err = format!("{:#}", Project::load(&root).unwrap_err());
        assert!(
            err.contains("workspace manifest") && err.contains("fixture-types"),
            "{err}"
        );
    }

    #[test]
    fn relative_paths() {
        let rel = |a: &str, b: &str| relative_path(Utf8Path::new(a), Utf8Path::new(b)).to_string();
        assert_eq!(rel("/w/target/x/glue", "/w/crates/c"), "../../../crates/c");
        assert_eq!(rel("/scratch/out", "/src/c"), "/src/c");
        assert_eq!(rel("/w/c", "/w/c"), ".");
    }
}

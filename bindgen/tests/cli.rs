//! The `joyous-bindgen` binary, run from a directory outside the repository
//! on the fixture crate. Its host cdylib comes from the dev-dependency on
//! `fixture-types`: cargo builds a dependency's `cdylib` too, into `deps/`.

use camino::{Utf8Path, Utf8PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_joyous-bindgen");

fn fixture_manifest() -> Utf8PathBuf {
    Utf8Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/fixture-types/Cargo.toml")
        .canonicalize_utf8()
        .unwrap()
}

/// The fixture's host cdylib, beside the binary under test.
fn fixture_cdylib() -> Utf8PathBuf {
    let name = format!(
        "{}fixture_types{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    let lib = Utf8Path::new(BIN).parent().unwrap().join("deps").join(name);
    assert!(
        lib.is_file(),
        "no {lib}: cargo should build it for the dev-dependency"
    );
    lib
}

fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    assert!(
        !dir.path().starts_with(repo),
        "the temp dir must be outside the repository"
    );
    dir
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn generate_from_outside_the_workspace_depends_on_the_package() {
    let dir = outside();
    let (lib, manifest) = (fixture_cdylib(), fixture_manifest());
    let out = run_in(
        dir.path(),
        &[
            "generate",
            "--library",
            lib.as_str(),
            "--manifest-path",
            manifest.as_str(),
            "--out-wasm",
            "glue",
            "--out-ts",
            "ts",
            "--npm-name",
            "@scope/fixture",
            "--package-version",
            "3.4.5",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let cargo = std::fs::read_to_string(dir.path().join("glue/Cargo.toml")).unwrap();
    let dependency = cargo
        .lines()
        .find(|l| l.starts_with("fixture_types = "))
        .unwrap_or_else(|| panic!("no dependency on the fixture in:\n{cargo}"));
    assert!(
        dependency.contains(r#"package = "fixture-types""#),
        "{dependency}"
    );
    // The path is written relative to the glue, or absolute across the tree; either resolves.
    let path = dependency
        .split("path = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let resolved = dir.path().join("glue").join(path).canonicalize().unwrap();
    assert_eq!(resolved, manifest.parent().unwrap().as_std_path());
    let lib_rs = std::fs::read_to_string(dir.path().join("glue/src/lib.rs")).unwrap();
    assert!(lib_rs.contains("use fixture_types as _;"));
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("ts/package.json")).unwrap())
            .unwrap();
    assert_eq!(package["name"], "@scope/fixture");
    assert_eq!(package["version"], "3.4.5");
    assert_eq!(package["license"], "MIT");
}

#[test]
fn an_unknown_flag_fails_naming_it() {
    let dir = outside();
    let out = run_in(dir.path(), &["generate", "--colour", "red"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--colour"), "{}", stderr(&out));
}

#[test]
fn version_prints_the_tool_s_version() {
    let out = run_in(outside().path(), &["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("joyous-bindgen {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_bad_manifest_path_fails_naming_it() {
    let dir = outside();
    for verb in [
        &["build"][..],
        &["generate", "--out-wasm", "g", "--out-ts", "t"][..],
    ] {
        let mut args = verb.to_vec();
        args.extend(["--manifest-path", "no/such/Cargo.toml"]);
        let out = run_in(dir.path(), &args);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(
            err.contains("no manifest at `") && err.contains("no/such/Cargo.toml"),
            "{err}"
        );
        assert!(
            !dir.path().join("g").exists(),
            "nothing is written on error"
        );
    }
}

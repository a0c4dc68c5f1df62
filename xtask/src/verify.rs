//! `cargo xtask verify`: what ships is what the declared API generates.
//!
//! 1. generated/ equals a fresh generation (made in target/verify/, never in
//!    generated/), file by file, with a unified diff of each difference;
//! 2. the API surfaces users see (Python read with `ast` from the generated
//!    module, TypeScript read from the compiler's .d.ts) match their insta
//!    snapshots in tests/surface/snapshots;
//! 3. every item of the ComponentInterface appears in both surfaces with the
//!    mapped types of docs/typescript-mapping.md and UniFFI's Python.

use anyhow::{bail, Context, Result};
use camino::Utf8Path;
use uniffi_bindgen::interface::{AsType, ComponentInterface, Type};

use crate::components::{Component, ALL};
use crate::workspace::{self as ws_fs, capture, Steps, Workspace, PYTHON};

/// Lines of diff shown per file, and in all, before the rest is cut.
const DIFF_LINES_PER_FILE: usize = 40;
const DIFF_LINES_TOTAL: usize = 200;

pub fn run(ws: &Workspace) -> Result<()> {
    let started = std::time::Instant::now();
    let steps = Steps::new([
        (
            "fresh",
            "regenerating into target/verify and comparing with generated/",
        ),
        (
            "surfaces",
            "API surfaces (Python ast, TypeScript .d.ts) against tests/surface/snapshots",
        ),
        (
            "parity",
            "parity: every declared item in both surfaces, with the mapped types",
        ),
    ]);
    steps.start("fresh");
    let fresh = ws.target_dir().join("verify");
    ws_fs::remove_dir_all(&fresh)?;
    let interfaces = crate::generate::generate_into(ws, &fresh)?;
    let mut problems = Vec::new();
    let mut shown = 0;
    for component in ALL {
        for dir in [
            Component::python_dir,
            Component::wasm_dir,
            Component::typescript_dir,
        ] {
            compare_trees(
                &dir(component, &ws.root),
                &dir(component, &fresh),
                ws,
                &mut problems,
                &mut shown,
            )?;
        }
    }
    if !problems.is_empty() {
        bail!(
            "generated/ differs from a fresh generation in {} file(s):\n  {}\n\
             generated code is never edited by hand: run `cargo xtask generate` and commit the result",
            problems.len(),
            problems.join("\n  ")
        );
    }

    steps.start("surfaces");
    // The TypeScript surface reads the .d.ts with the compiler API from tests/js.
    crate::npm::tools(ws)?;
    let mut surfaces = Vec::new();
    for component in ALL {
        let python = python_surface(ws, component)?;
        let typescript = ts_surface(ws, component)?;
        surfaces.push((component, python, typescript));
    }
    let mut stale = Vec::new();
    for (component, python, typescript) in &surfaces {
        for (language, text) in [("python", python), ("typescript", typescript)] {
            let name = format!("{}-{language}", component.package);
            if !snapshot_matches(ws, &name, text) {
                stale.push(name);
            }
        }
    }
    if !stale.is_empty() {
        bail!(
            "API surface snapshot(s) changed: {} (diff above; tests/surface/snapshots/*.snap.new written)\n\
             if the change is intended, accept it with `cargo insta review` (cargo install cargo-insta) \
             or `INSTA_UPDATE=always cargo xtask verify`, and commit the .snap files",
            stale.join(", ")
        );
    }

    steps.start("parity");
    let mut missing = Vec::new();
    for ((_, python, typescript), ci) in surfaces.iter().zip(&interfaces) {
        missing.extend(parity(ci, python, typescript));
    }
    if !missing.is_empty() {
        bail!(
            "the surfaces disagree with the declared API:\n  {}",
            missing.join("\n  ")
        );
    }
    println!(
        "verify: generated/ is fresh, surfaces match their snapshots, parity holds ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn compare_trees(
    committed: &Utf8Path,
    fresh: &Utf8Path,
    ws: &Workspace,
    problems: &mut Vec<String>,
    shown: &mut usize,
) -> Result<()> {
    let ours = ws_fs::relative_files(committed)?;
    let theirs = ws_fs::relative_files(fresh)?;
    let show = |path: &Utf8Path| path.strip_prefix(&ws.root).unwrap_or(path).to_string();
    for file in ours.union(&theirs) {
        let (a, b) = (committed.join(file), fresh.join(file));
        match (ours.contains(file), theirs.contains(file)) {
            (true, false) => problems.push(format!("{}: not generated any more", show(&a))),
            (false, true) => {
                problems.push(format!("{}: missing (a fresh generation has it)", show(&a)))
            }
            _ => {
                let (old, new) = (ws_fs::read_to_string(&a)?, ws_fs::read_to_string(&b)?);
                if old != new {
                    problems.push(format!("{}: differs", show(&a)));
                    print_diff(&show(&a), &old, &new, shown);
                }
            }
        }
    }
    Ok(())
}

fn print_diff(name: &str, old: &str, new: &str, shown: &mut usize) {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{name} (committed)"),
            &format!("{name} (fresh generation)"),
        )
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let budget = DIFF_LINES_PER_FILE.min(DIFF_LINES_TOTAL.saturating_sub(*shown));
    for line in lines.iter().take(budget) {
        eprintln!("{line}");
    }
    if lines.len() > budget {
        eprintln!(
            "... {} more diff line(s) of {name} cut",
            lines.len() - budget
        );
    }
    *shown += budget.min(lines.len());
}

fn python_surface(ws: &Workspace, component: &Component) -> Result<String> {
    let module = component
        .python_dir(&ws.root)
        .join(format!("{}.py", component.lib));
    capture(
        PYTHON
            .command()?
            .arg(ws.path("tests/surface/python_surface.py"))
            .arg(&module),
    )
    .with_context(|| format!("reading the Python surface of {module}"))
}

fn ts_surface(ws: &Workspace, component: &Component) -> Result<String> {
    let src = component.typescript_dir(&ws.root).join("src");
    capture(
        crate::npm::NODE
            .command()?
            .arg(ws.path("tests/surface/ts_surface.mjs"))
            .arg(&src),
    )
    .with_context(|| format!("reading the TypeScript surface of {src}"))
}

/// insta's comparison, reported instead of panicking, so every stale
/// snapshot is listed; insta prints the diff and writes `.snap.new`.
fn snapshot_matches(ws: &Workspace, name: &str, text: &str) -> bool {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(ws.path("tests/surface/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        settings.bind(|| insta::assert_snapshot!(name.to_string(), text));
    }));
    result.is_ok()
}

/// Items of the interface missing from a surface, or with other types.
fn parity(ci: &ComponentInterface, python: &str, typescript: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut expect =
        |language: &str, surface: &str, what: &str, prefix: &str, needles: &[String]| {
            let Some(line) = surface.lines().find(|l| l.starts_with(prefix)) else {
                out.push(format!(
                    "{language}: {what} is missing (no line starting `{prefix}`)"
                ));
                return;
            };
            for needle in needles {
                // `a || b`: either form is right.
                if !needle
                    .split(" || ")
                    .any(|alternative| line.contains(alternative))
                {
                    out.push(format!("{language}: {what} should have `{needle}`: {line}"));
                }
            }
        };
    let crate_name = ci.crate_name();
    for f in ci.function_definitions() {
        let what = format!("{crate_name}: function {}", f.name());
        let (py, ts) = signature_needles(
            f.arguments()
                .iter()
                .map(|a| (a.name(), a.as_type(), a.default_value().is_some())),
            f.return_type(),
            f.is_async(),
        );
        let a = if f.is_async() { "async " } else { "" };
        expect(
            "python",
            python,
            &what,
            &format!("{a}function {}(", f.name()),
            &py,
        );
        expect(
            "typescript",
            typescript,
            &what,
            &format!("function {}(", camel(f.name())),
            &ts,
        );
    }
    for o in ci.object_definitions() {
        for c in o.constructors() {
            let what = format!("{crate_name}: constructor {}::{}", o.name(), c.name());
            let (py, ts) = signature_needles(
                c.arguments()
                    .iter()
                    .map(|a| (a.name(), a.as_type(), a.default_value().is_some())),
                None,
                false,
            );
            let a = if c.is_async() { "async " } else { "" };
            if c.is_primary_constructor() {
                expect(
                    "python",
                    python,
                    &what,
                    &format!("constructor {}(", o.name()),
                    &py,
                );
                expect(
                    "typescript",
                    typescript,
                    &what,
                    &format!("constructor {}(", o.name()),
                    &ts,
                );
            } else {
                expect(
                    "python",
                    python,
                    &what,
                    &format!("{a}constructor {}.{}(", o.name(), c.name()),
                    &py,
                );
                expect(
                    "typescript",
                    typescript,
                    &what,
                    &format!("static {}.{}(", o.name(), camel(c.name())),
                    &ts,
                );
            }
        }
        for m in o.methods() {
            let what = format!("{crate_name}: method {}::{}", o.name(), m.name());
            let (py, ts) = signature_needles(
                m.arguments()
                    .iter()
                    .map(|a| (a.name(), a.as_type(), a.default_value().is_some())),
                m.return_type(),
                m.is_async(),
            );
            let a = if m.is_async() { "async " } else { "" };
            expect(
                "python",
                python,
                &what,
                &format!("{a}method {}.{}(", o.name(), m.name()),
                &py,
            );
            // A trait JavaScript may implement is an interface of that name
            // (no options argument); its Rust implementations are a class.
            let class = if o.has_callback_interface() {
                let interface: Vec<String> = ts
                    .iter()
                    .filter(|n| n.as_str() != ASYNC_OPTIONS)
                    .cloned()
                    .collect();
                expect(
                    "typescript",
                    typescript,
                    &what,
                    &format!("method {}.{}(", o.name(), camel(m.name())),
                    &interface,
                );
                joyous_bindgen::names::rust_class(o.name())
            } else {
                o.name().to_string()
            };
            expect(
                "typescript",
                typescript,
                &what,
                &format!("method {class}.{}(", camel(m.name())),
                &ts,
            );
        }
    }
    // Callback interfaces: the interface JavaScript implements, UniFFI's
    // Python protocol class.
    for cb in ci.callback_interface_definitions() {
        for m in cb.methods() {
            let what = format!("{crate_name}: callback method {}::{}", cb.name(), m.name());
            let (py, mut ts) = signature_needles(
                m.arguments()
                    .iter()
                    .map(|a| (a.name(), a.as_type(), a.default_value().is_some())),
                m.return_type(),
                m.is_async(),
            );
            ts.retain(|n| n != ASYNC_OPTIONS);
            let a = if m.is_async() { "async " } else { "" };
            expect(
                "python",
                python,
                &what,
                &format!("{a}method {}.{}(", cb.name(), m.name()),
                &py,
            );
            expect(
                "typescript",
                typescript,
                &what,
                &format!("method {}.{}(", cb.name(), camel(m.name())),
                &ts,
            );
        }
    }
    for r in ci.record_definitions() {
        for f in r.fields() {
            let what = format!("{crate_name}: field {}.{}", r.name(), f.name());
            let ty = f.as_type();
            expect(
                "python",
                python,
                &what,
                &format!("field {}.{}:", r.name(), f.name()),
                &[format!(": {}", py_type(&ty))],
            );
            let optional = f.default_value().is_some() || matches!(ty, Type::Optional { .. });
            let prefix = format!(
                "field {}.{}{}:",
                r.name(),
                joyous_bindgen::names::ts_property(f.name()),
                if optional { "?" } else { "" }
            );
            expect(
                "typescript",
                typescript,
                &what,
                &prefix,
                &[format!(": {}", ts_type(&ty))],
            );
        }
    }
    for e in ci.enum_definitions() {
        let is_error = ci.is_name_used_as_error(e.name());
        for v in e.variants() {
            let what = format!("{crate_name}: variant {}::{}", e.name(), v.name());
            if is_error {
                expect(
                    "python",
                    python,
                    &what,
                    &format!("variant {}.{}(", e.name(), v.name()),
                    &[],
                );
                expect(
                    "typescript",
                    typescript,
                    &what,
                    &format!("class {}.{} extends {}", e.name(), v.name(), e.name()),
                    &[],
                );
                for field in v.fields().iter().filter(|f| f.name() != "message") {
                    let prefix = format!(
                        "property {}.{}.{}:",
                        e.name(),
                        v.name(),
                        joyous_bindgen::names::ts_property(field.name())
                    );
                    expect(
                        "typescript",
                        typescript,
                        &what,
                        &prefix,
                        &[format!(": {}", ts_type(&field.as_type()))],
                    );
                }
            } else {
                let shouty = heck::ToShoutySnakeCase::to_shouty_snake_case(v.name());
                expect(
                    "python",
                    python,
                    &what,
                    &format!("variant {}.{shouty}", e.name()),
                    &[],
                );
                let tag = if v.has_fields() {
                    format!("tag: \"{}\"", v.name())
                } else {
                    format!("\"{}\"", v.name())
                };
                expect(
                    "typescript",
                    typescript,
                    &what,
                    &format!("type {} = ", e.name()),
                    &[tag],
                );
            }
        }
    }
    out
}

/// The TypeScript name: camelCase, a reserved word with a trailing `_`.
fn camel(name: &str) -> String {
    joyous_bindgen::names::ts_name(name)
}

/// The last parameter of every async callable in TypeScript.
const ASYNC_OPTIONS: &str = "options?: AsyncOptions || callOptions?: AsyncOptions";

/// The needles a signature line must contain in each language.
fn signature_needles<'a>(
    args: impl Iterator<Item = (&'a str, Type, bool)>,
    ret: Option<&Type>,
    is_async: bool,
) -> (Vec<String>, Vec<String>) {
    let (mut py, mut ts) = (Vec::new(), Vec::new());
    for (name, ty, defaulted) in args {
        // UniFFI's Python annotates a record-typed default as `typing.Union[object, T]`.
        py.push(if defaulted {
            format!(
                "{name}: typing.Union[object, {t}] || {name}: {t} =",
                t = py_type(&ty)
            )
        } else {
            format!("{name}: {}", py_type(&ty))
        });
        let optional = if defaulted || matches!(ty, Type::Optional { .. }) {
            "?"
        } else {
            ""
        };
        ts.push(format!("{}{optional}: {}", camel(name), ts_type(&ty)));
    }
    if is_async {
        // An async callable is a Promise of its type, with an AbortSignal option.
        // `callOptions` when an argument is called `options`.
        ts.push(ASYNC_OPTIONS.into());
        ts.push(format!(
            "): Promise<{}>",
            ret.map_or("void".into(), ts_type)
        ));
        if let Some(ret) = ret {
            py.push(format!("-> {}", py_type(ret)));
        }
    } else if let Some(ret) = ret {
        py.push(format!("-> {}", py_type(ret)));
        ts.push(format!("): {}", ts_type(ret)));
    }
    (py, ts)
}

/// UniFFI's Python annotation for a type.
fn py_type(ty: &Type) -> String {
    match ty {
        Type::UInt8
        | Type::Int8
        | Type::UInt16
        | Type::Int16
        | Type::UInt32
        | Type::Int32
        | Type::UInt64
        | Type::Int64 => "int".into(),
        Type::Float32 | Type::Float64 => "float".into(),
        Type::Boolean => "bool".into(),
        Type::String => "str".into(),
        Type::Bytes => "bytes".into(),
        Type::Timestamp => "Timestamp".into(),
        Type::Duration => "Duration".into(),
        Type::Optional { inner_type } => format!("typing.Optional[{}]", py_type(inner_type)),
        Type::Sequence { inner_type } => format!("typing.List[{}]", py_type(inner_type)),
        Type::Set { inner_type } => format!("typing.Set[{}]", py_type(inner_type)),
        Type::Map {
            key_type,
            value_type,
        } => format!("dict[{}, {}]", py_type(key_type), py_type(value_type)),
        Type::Box { inner_type } => py_type(inner_type),
        Type::Record { name, .. }
        | Type::Enum { name, .. }
        | Type::Object { name, .. }
        | Type::Custom { name, .. }
        | Type::CallbackInterface { name, .. } => name.clone(),
    }
}

/// The TypeScript type of docs/typescript-mapping.md (written out here, not
/// taken from the generator, so a generator bug shows up as a mismatch).
fn ts_type(ty: &Type) -> String {
    match ty {
        Type::UInt8 | Type::Int8 | Type::UInt16 | Type::Int16 | Type::UInt32 | Type::Int32 => {
            "number".into()
        }
        Type::UInt64 | Type::Int64 => "bigint".into(),
        Type::Float32 | Type::Float64 | Type::Duration => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::String => "string".into(),
        Type::Bytes => "Uint8Array".into(),
        Type::Timestamp => "Date".into(),
        Type::Optional { inner_type } => format!("{} | undefined", ts_type(inner_type)),
        Type::Sequence { inner_type } => format!("Array<{}>", ts_type(inner_type)),
        Type::Set { inner_type } => format!("Set<{}>", ts_type(inner_type)),
        Type::Map {
            key_type,
            value_type,
        } => format!("Map<{}, {}>", ts_type(key_type), ts_type(value_type)),
        Type::Box { inner_type } => ts_type(inner_type),
        Type::Record { name, .. }
        | Type::Enum { name, .. }
        | Type::Object { name, .. }
        | Type::Custom { name, .. }
        | Type::CallbackInterface { name, .. } => name.clone(),
    }
}

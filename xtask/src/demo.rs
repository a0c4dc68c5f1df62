//! `cargo xtask demo`: one goodbye per runtime for the same seeded options;
//! every line must carry the same message. Installs the system packages it
//! needs first.

use anyhow::{ensure, Context, Result};
use std::time::{Duration, UNIX_EPOCH};

use joyous_departures::{generate_goodbye, GoodbyeOptions, TemplateArgs};

use crate::components::SDK;
use crate::npm::{install_packages, NODE};
use crate::prereqs::{self, Need};
use crate::python::fresh_venv_with_wheel;
use crate::workspace::{capture, Steps, Workspace};

/// The demo's options, read by every runtime (keys as in tests/conformance).
const OPTIONS_JSON: &str = r#"{"language_code": "en-GB", "seed": "18", "timezone": "Europe/Lisbon",
  "now": "2026-11-23T14:05:00Z", "template_args": {"name": "Ada", "location": "Lisbon"}}"#;

const PYTHON_DEMO: &str = r#"
import json, sys
from datetime import datetime
import joyous_departures as jd
o = json.loads(sys.argv[1])
args = jd.TemplateArgs(**o["template_args"])
now = datetime.fromisoformat(o["now"].replace("Z", "+00:00"))
print(jd.generate_goodbye(jd.GoodbyeOptions(language_code=o["language_code"], seed=int(o["seed"]),
      timezone=o["timezone"], now=now, template_args=args)))
"#;

pub fn run(ws: &Workspace) -> Result<()> {
    let steps = Steps::new([
        (
            "wheel",
            "building the Python wheel (a few minutes on a fresh machine)",
        ),
        (
            "npm",
            "building the npm package and installing it into target/npm-test",
        ),
        ("ask", "asking Node, workerd and Chromium"),
    ]);
    // Before anything compiles: a missing Chromium must not cost a build first.
    prereqs::ensure(&[Need::PythonVenv, Need::Node, Need::Chromium])?;
    let rust = generate_goodbye(rust_options(OPTIONS_JSON)?)?;

    steps.start("wheel");
    let wheel = crate::dist::build_wheel(ws)?;
    let venv = fresh_venv_with_wheel(ws, &wheel)?;
    let python =
        capture(venv.python().args(["-c", PYTHON_DEMO, OPTIONS_JSON])).context("Python demo")?;

    steps.start("npm");
    let project = install_packages(ws, &[&SDK])?;
    crate::npm::tools(ws)?;
    steps.start("ask");
    let mut lines = vec![("rust", rust), ("python", python.trim_end().to_owned())];
    for runtime in ["node", "workerd", "chromium"] {
        let message = capture(
            NODE.command()?
                .current_dir(&ws.root)
                .arg(ws.path("tests/js/demo/run.mjs"))
                .args([project.as_str(), runtime, OPTIONS_JSON]),
        )
        .with_context(|| format!("{runtime} demo"))?;
        lines.push((runtime, message.trim_end().to_owned()));
    }
    for (runtime, message) in &lines {
        println!("{runtime}: {message}");
    }
    ensure!(
        lines.iter().all(|(_, m)| *m == lines[0].1),
        "the runtimes disagree: the same seed and options must give the same message"
    );
    Ok(())
}

fn rust_options(json: &str) -> Result<GoodbyeOptions> {
    let o: serde_json::Value = serde_json::from_str(json)?;
    let text = |v: &serde_json::Value, key: &str| v[key].as_str().map(str::to_owned);
    let now: jiff::Timestamp = text(&o, "now")
        .context("demo options need `now`")?
        .parse()?;
    let args = &o["template_args"];
    Ok(GoodbyeOptions {
        language_code: text(&o, "language_code").context("demo options need `language_code`")?,
        seed: Some(
            text(&o, "seed")
                .context("demo options need `seed`")?
                .parse()?,
        ),
        timezone: text(&o, "timezone").context("demo options need `timezone`")?,
        now: Some(UNIX_EPOCH + Duration::from_millis(u64::try_from(now.as_millisecond())?)),
        template_args: Some(TemplateArgs {
            name: text(args, "name"),
            location: text(args, "location"),
            date: text(args, "date"),
            time: text(args, "time"),
        }),
        use_emojis: true,
    })
}

//! joyous-departures for Python, written by hand with PyO3: the baseline that
//! `cargo xtask bench` holds UniFFI's generated bindings against. Never shipped.
//!
//! ```python
//! import joyous_pyo3_baseline as jd
//! jd.generate_goodbye("fr", name="Ada", seed=7)
//! g = jd.Generator(name="Ada", now=datetime.now(timezone.utc))
//! g.generate().text
//! ```
//!
//! Every option is a keyword argument with the core's default. `now` is a
//! timezone-aware `datetime.datetime` (naive ones raise `TypeError`, instants
//! before 1970 `ValueError`); the core's errors raise `GoodbyeError`, a `ValueError`.

use std::time::SystemTime;

use joyous_departures::{GoodbyeOptions, TemplateArgs};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    joyous_pyo3_baseline,
    GoodbyeError,
    PyValueError,
    "An invalid language code, time zone or corpus; the message says which and what is allowed."
);

fn raise(error: joyous_departures::GoodbyeError) -> PyErr {
    GoodbyeError::new_err(error.to_string())
}

#[allow(clippy::too_many_arguments)]
fn options(
    language_code: &str,
    name: Option<String>,
    location: Option<String>,
    date: Option<String>,
    time: Option<String>,
    use_emojis: bool,
    timezone: &str,
    seed: Option<u64>,
    now: Option<SystemTime>,
) -> GoodbyeOptions {
    GoodbyeOptions {
        language_code: language_code.to_owned(),
        template_args: Some(TemplateArgs {
            name,
            location,
            date,
            time,
        }),
        use_emojis,
        timezone: timezone.to_owned(),
        seed,
        now,
    }
}

/// Render one goodbye message; the same seed and options give the same text.
#[pyfunction]
#[pyo3(signature = (
    language_code = "en-GB", *, name = None, location = None, date = None, time = None,
    use_emojis = true, timezone = "Europe/London", seed = None, now = None,
))]
#[allow(clippy::too_many_arguments)]
fn generate_goodbye(
    language_code: &str,
    name: Option<String>,
    location: Option<String>,
    date: Option<String>,
    time: Option<String>,
    use_emojis: bool,
    timezone: &str,
    seed: Option<u64>,
    now: Option<SystemTime>,
) -> PyResult<String> {
    joyous_departures::generate_goodbye(options(
        language_code,
        name,
        location,
        date,
        time,
        use_emojis,
        timezone,
        seed,
        now,
    ))
    .map_err(raise)
}

/// The version of the core crate, e.g. `0.2.0`.
#[pyfunction]
fn version() -> String {
    joyous_departures::version()
}

/// One rendered goodbye and where it came from.
#[pyclass(frozen, get_all, module = "joyous_pyo3_baseline")]
struct Goodbye {
    text: String,
    language_code: String,
    template_id: String,
}

#[pymethods]
impl Goodbye {
    fn __repr__(&self) -> String {
        format!(
            "Goodbye(text={:?}, language_code={:?}, template_id={:?})",
            self.text, self.language_code, self.template_id
        )
    }
}

/// A reusable generator: options checked once, one random sequence.
#[pyclass(frozen, module = "joyous_pyo3_baseline")]
struct Generator(joyous_departures::Generator);

#[pymethods]
impl Generator {
    #[new]
    #[pyo3(signature = (
        language_code = "en-GB", *, name = None, location = None, date = None, time = None,
        use_emojis = true, timezone = "Europe/London", seed = None, now = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        language_code: &str,
        name: Option<String>,
        location: Option<String>,
        date: Option<String>,
        time: Option<String>,
        use_emojis: bool,
        timezone: &str,
        seed: Option<u64>,
        now: Option<SystemTime>,
    ) -> PyResult<Self> {
        joyous_departures::Generator::new(options(
            language_code,
            name,
            location,
            date,
            time,
            use_emojis,
            timezone,
            seed,
            now,
        ))
        .map(Self)
        .map_err(raise)
    }

    /// The next goodbye.
    fn generate(&self) -> Goodbye {
        let g = self.0.generate();
        Goodbye {
            text: g.text,
            language_code: g.language_code,
            template_id: g.template_id,
        }
    }

    /// The next goodbye's text alone.
    fn generate_text(&self) -> String {
        self.0.generate_text()
    }

    /// The next `count` goodbyes.
    fn generate_batch(&self, count: u32) -> Vec<Goodbye> {
        self.0
            .generate_batch(count)
            .into_iter()
            .map(|g| Goodbye {
                text: g.text,
                language_code: g.language_code,
                template_id: g.template_id,
            })
            .collect()
    }

    /// The texts of the next `count` goodbyes.
    fn generate_texts(&self, count: u32) -> Vec<String> {
        self.0.generate_texts(count)
    }
}

#[pymodule]
mod joyous_pyo3_baseline {
    #[pymodule_export]
    use super::{generate_goodbye, version, Generator, Goodbye, GoodbyeError};
}

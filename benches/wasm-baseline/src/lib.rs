//! joyous-departures for JavaScript, written by hand with `#[wasm_bindgen]`:
//! the baseline the generated TypeScript package is timed and sized against.
//! Never shipped.
//!
//! ```js
//! generateGoodbye("fr", "Ada", undefined, undefined, undefined, true, "Europe/Paris", 7n, Date.now());
//! new Generator("en-GB", "Ada", undefined, undefined, undefined, true, "Europe/London").generate();
//! ```
//!
//! Flat arguments in the core's order (`undefined` for an absent option), `seed`
//! as a BigInt, `nowMs` as milliseconds since 1970 (`Date.now()`); the core's
//! errors throw an `Error` whose message says what was wrong.

mod peers;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use joyous_departures::{GoodbyeOptions, TemplateArgs};
use wasm_bindgen::prelude::*;

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
    now_ms: Option<f64>,
) -> Result<GoodbyeOptions, JsError> {
    Ok(GoodbyeOptions {
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
        now: now_ms.map(instant).transpose()?,
    })
}

/// Milliseconds since 1970 (negative before) as a `SystemTime`.
fn instant(ms: f64) -> Result<SystemTime, JsError> {
    let invalid = || JsError::new(&format!("nowMs {ms} is not a representable instant"));
    let offset = Duration::try_from_secs_f64(ms.abs() / 1000.0).map_err(|_| invalid())?;
    if ms >= 0.0 {
        UNIX_EPOCH.checked_add(offset)
    } else {
        UNIX_EPOCH.checked_sub(offset)
    }
    .ok_or_else(invalid)
}

fn throw(error: joyous_departures::GoodbyeError) -> JsError {
    JsError::new(&error.to_string())
}

/// Render one goodbye message; the same seed and options give the same text.
#[wasm_bindgen(js_name = generateGoodbye)]
#[allow(clippy::too_many_arguments)]
pub fn generate_goodbye(
    language_code: &str,
    name: Option<String>,
    location: Option<String>,
    date: Option<String>,
    time: Option<String>,
    use_emojis: bool,
    timezone: &str,
    seed: Option<u64>,
    now_ms: Option<f64>,
) -> Result<String, JsError> {
    let options = options(
        language_code,
        name,
        location,
        date,
        time,
        use_emojis,
        timezone,
        seed,
        now_ms,
    )?;
    joyous_departures::generate_goodbye(options).map_err(throw)
}

/// The version of the core crate, e.g. `0.2.0`.
#[wasm_bindgen]
pub fn version() -> String {
    joyous_departures::version()
}

/// A reusable generator: options checked once, one random sequence.
#[wasm_bindgen]
pub struct Generator {
    inner: joyous_departures::Generator,
}

#[wasm_bindgen]
impl Generator {
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        language_code: &str,
        name: Option<String>,
        location: Option<String>,
        date: Option<String>,
        time: Option<String>,
        use_emojis: bool,
        timezone: &str,
        seed: Option<u64>,
        now_ms: Option<f64>,
    ) -> Result<Generator, JsError> {
        let options = options(
            language_code,
            name,
            location,
            date,
            time,
            use_emojis,
            timezone,
            seed,
            now_ms,
        )?;
        let inner = joyous_departures::Generator::new(options).map_err(throw)?;
        Ok(Generator { inner })
    }

    /// The text of the next goodbye.
    pub fn generate(&self) -> String {
        self.inner.generate().text
    }
}

//! Runs the conformance vectors of tests/conformance/*.json against the core.
//! The same files run in every runtime; see tests/conformance/README.md.
//!
//! `CONFORMANCE_BLESS=1 cargo test --test conformance` rewrites the expected
//! texts (never the expected errors) after an intended change of output.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use joyous_departures::{
    generate_goodbye, generate_goodbye_async, Generator, GoodbyeError, GoodbyeOptions,
    TemplateArgs, TranslateError, Translator,
};
use serde_json::{json, Value};

fn conformance_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

fn text_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).map(|x| {
        x.as_str()
            .unwrap_or_else(|| panic!("`{key}` must be a string"))
            .to_owned()
    })
}

fn options_from(v: &Value) -> GoodbyeOptions {
    let mut o = GoodbyeOptions::default();
    let fields = v.as_object().expect("options is an object");
    for (key, value) in fields {
        match key.as_str() {
            "language_code" => o.language_code = text_field(v, key).unwrap(),
            "timezone" => o.timezone = text_field(v, key).unwrap(),
            "use_emojis" => o.use_emojis = value.as_bool().expect("use_emojis is a bool"),
            "seed" => {
                o.seed = Some(
                    text_field(v, key)
                        .unwrap()
                        .parse()
                        .expect("seed is a u64 string"),
                )
            }
            "now" => o.now = Some(parse_instant(&text_field(v, key).unwrap())),
            "template_args" => {
                o.template_args = Some(TemplateArgs {
                    name: text_field(value, "name"),
                    location: text_field(value, "location"),
                    date: text_field(value, "date"),
                    time: text_field(value, "time"),
                })
            }
            other => panic!("unknown option `{other}`"),
        }
    }
    o
}

fn parse_instant(iso: &str) -> SystemTime {
    let t: jiff::Timestamp = iso.parse().unwrap_or_else(|e| panic!("`now` {iso:?}: {e}"));
    let ms = t.as_millisecond();
    if ms >= 0 {
        UNIX_EPOCH + Duration::from_millis(ms as u64)
    } else {
        UNIX_EPOCH - Duration::from_millis(ms.unsigned_abs())
    }
}

fn error_json(e: &GoodbyeError) -> Value {
    let (variant, fields) = match e {
        GoodbyeError::CorpusLoad { line, content, .. } => {
            ("CorpusLoad", json!({"line": line, "content": content}))
        }
        GoodbyeError::TemplateVariable {
            variable,
            template_id,
            ..
        } => (
            "TemplateVariable",
            json!({"variable": variable, "template_id": template_id}),
        ),
        GoodbyeError::InvalidLanguageCode { code, .. } => {
            ("InvalidLanguageCode", json!({"code": code}))
        }
        GoodbyeError::InvalidTimezone { timezone, .. } => {
            ("InvalidTimezone", json!({"timezone": timezone}))
        }
        GoodbyeError::Translation { language_code, .. } => {
            ("Translation", json!({"language_code": language_code}))
        }
    };
    json!({"error": variant, "fields": fields, "message": e.to_string()})
}

/// The vectors' translators (translator.json says what each does).
struct Bracket;
struct Failing;

#[async_trait::async_trait]
impl Translator for Bracket {
    async fn translate(&self, code: String, text: String) -> Result<String, TranslateError> {
        Ok(format!("[{code}] {text}"))
    }
}

#[async_trait::async_trait]
impl Translator for Failing {
    async fn translate(&self, code: String, _text: String) -> Result<String, TranslateError> {
        Err(TranslateError::Failed {
            message: format!("no dictionary for {code}"),
        })
    }
}

fn translator(case: &Value) -> Option<Arc<dyn Translator>> {
    match case.get("translator").and_then(Value::as_str) {
        None => None,
        Some("bracket") => Some(Arc::new(Bracket)),
        Some("failing") => Some(Arc::new(Failing)),
        Some(other) => panic!("unknown translator `{other}`"),
    }
}

/// Runs a future that waits on nothing outside itself (the vectors' translators).
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// What the case produces, in the shape of its `expect`.
fn run_case(case: &Value) -> Value {
    let options = options_from(case.get("options").unwrap_or(&json!({})));
    let call = case
        .get("call")
        .and_then(Value::as_str)
        .unwrap_or("generate_goodbye");
    let result = match call {
        "generate_goodbye" => generate_goodbye(options).map(|text| json!({"text": text})),
        "generator" => {
            let count = case.get("count").and_then(Value::as_u64).unwrap_or(1) as u32;
            let corpus = case.get("corpus").and_then(Value::as_str);
            let make = || match corpus {
                Some(corpus) => Generator::with_corpus(corpus, options.clone()),
                None => Generator::new(options.clone()),
            };
            make().map(|g| {
                let texts: Vec<String> = g
                    .generate_batch(count)
                    .into_iter()
                    .map(|g| g.text)
                    .collect();
                // The text-only calls must render the same series.
                let g = make().expect("the options worked once");
                assert_eq!(g.generate_texts(count), texts, "generate_texts");
                let g = make().expect("the options worked once");
                let one_by_one: Vec<String> = (0..count).map(|_| g.generate_text()).collect();
                assert_eq!(one_by_one, texts, "generate_text, {count} times");
                json!({"texts": texts})
            })
        }
        "generate_goodbye_async" => block_on(generate_goodbye_async(options, translator(case)))
            .map(|text| json!({"text": text})),
        other => panic!("unknown call `{other}`"),
    };
    result.unwrap_or_else(|e| {
        let message = e.to_string();
        assert!(!message.is_empty(), "empty error message for {e:?}");
        error_json(&e)
    })
}

#[test]
fn conformance_vectors() {
    let bless = std::env::var_os("CONFORMANCE_BLESS").is_some();
    let mut files: Vec<_> = std::fs::read_dir(conformance_dir())
        .expect("tests/conformance exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut total, mut failures) = (0, Vec::new());
    for path in &files {
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for case in doc["cases"].as_array_mut().expect("`cases` array") {
            total += 1;
            let id = case["id"].as_str().expect("case `id`").to_owned();
            let actual = run_case(case);
            let expected = &case["expect"];
            if bless && expected.get("error").is_none() && actual.get("error").is_none() {
                case.as_object_mut()
                    .unwrap()
                    .insert("expect".into(), actual);
            } else if !matches_expectation(expected, &actual) {
                failures.push(format!(
                    "{name} / {id}:\n  expected {expected}\n  actual   {actual}"
                ));
            }
        }
        if bless {
            let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            std::fs::write(path, text).unwrap();
        }
    }
    assert!(total >= 30, "only {total} conformance cases");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("conformance: {total} cases passed in {} files", files.len());
}

/// Errors compare the variant, the listed fields and `message_contains`;
/// texts compare exactly.
fn matches_expectation(expected: &Value, actual: &Value) -> bool {
    if let Some(part) = expected.get("message_contains").and_then(Value::as_str) {
        let message = actual.get("message").and_then(Value::as_str).unwrap_or("");
        if !message.contains(part) {
            return false;
        }
    }
    match (expected.get("error"), expected.get("fields")) {
        (Some(_), Some(Value::Object(fields))) => {
            actual.get("error") == expected.get("error")
                && fields
                    .iter()
                    .all(|(k, v)| actual["fields"].get(k) == Some(v))
        }
        (Some(_), _) => actual.get("error") == expected.get("error"),
        (None, _) => expected == actual,
    }
}

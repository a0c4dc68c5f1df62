//! The peer cases (benches/peers/README.md) written by hand: records cross as
//! plain JS objects (built by a one-line JS helper, read through imported
//! getters), the plainest way without serde-wasm-bindgen or js-sys, which
//! this crate does not depend on.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(
    inline_js = "export function goodbye(text, languageCode, templateId) { return { text, languageCode, templateId }; }"
)]
extern "C" {
    /// `{ text, languageCode, templateId }`, as our package's records look.
    fn goodbye(text: String, language_code: String, template_id: String) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// A record from JS: only its text is read.
    pub type GoodbyeRecord;
    #[wasm_bindgen(method, getter)]
    fn text(this: &GoodbyeRecord) -> String;

    /// The callback case's JS object: `{ shout(text) { ... } }`.
    pub type Shouter;
    #[wasm_bindgen(method)]
    fn shout(this: &Shouter, text: String) -> String;
}

/// `count` goodbyes from a generator seeded with `seed`, as JS objects.
#[wasm_bindgen(js_name = generateBatch)]
pub fn generate_batch(count: u32, seed: u64) -> Result<Vec<JsValue>, JsError> {
    let options = joyous_departures::GoodbyeOptions {
        seed: Some(seed),
        ..Default::default()
    };
    let generator =
        joyous_departures::Generator::new(options).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(generator
        .generate_batch(count)
        .into_iter()
        .map(|g| goodbye(g.text, g.language_code, g.template_id))
        .collect())
}

/// The total length in UTF-8 bytes of the records' texts.
#[wasm_bindgen(js_name = totalTextBytes)]
pub fn total_text_bytes(goodbyes: Vec<JsValue>) -> u32 {
    goodbyes
        .iter()
        .map(|g| g.unchecked_ref::<GoodbyeRecord>().text().len() as u32)
        .sum()
}

/// `text` back: a string round trip.
#[wasm_bindgen]
pub fn echo(text: String) -> String {
    text
}

/// `text` through `shouter.shout`: one call into JS.
#[wasm_bindgen(js_name = callShouter)]
pub fn call_shouter(shouter: &Shouter, text: String) -> String {
    shouter.shout(text)
}

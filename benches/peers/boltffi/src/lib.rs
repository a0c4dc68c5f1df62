//! The peer cases' API (benches/peers/README.md) with BoltFFI's macros, over
//! the same core as our package.

use boltffi::{data, export};
use joyous_departures as core;

boltffi::scaffolding!();

/// The template variables and seed of one goodbye; absent values take the core's defaults.
#[data]
#[derive(Clone)]
pub struct GoodbyeArgs {
    pub name: Option<String>,
    pub location: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub seed: Option<u64>,
}

/// One rendered goodbye, as the core returns it.
#[data]
#[derive(Clone)]
pub struct Goodbye {
    pub text: String,
    pub language_code: String,
    pub template_id: String,
}

fn options(args: GoodbyeArgs) -> core::GoodbyeOptions {
    core::GoodbyeOptions {
        template_args: Some(core::TemplateArgs {
            name: args.name,
            location: args.location,
            date: args.date,
            time: args.time,
        }),
        seed: args.seed,
        ..Default::default()
    }
}

fn lift(g: core::Goodbye) -> Goodbye {
    Goodbye {
        text: g.text,
        language_code: g.language_code,
        template_id: g.template_id,
    }
}

/// The core's version.
#[export]
pub fn version() -> String {
    core::version()
}

/// One goodbye for `args`; the error's text if the core rejects them.
#[export]
pub fn generate_goodbye(args: GoodbyeArgs) -> Result<String, String> {
    core::generate_goodbye(options(args)).map_err(|e| e.to_string())
}

/// `count` goodbyes from a generator seeded with `seed`.
#[export]
pub fn generate_batch(count: u32, seed: u64) -> Vec<Goodbye> {
    let options = core::GoodbyeOptions {
        seed: Some(seed),
        ..Default::default()
    };
    match core::Generator::new(options) {
        Ok(g) => g.generate_batch(count).into_iter().map(lift).collect(),
        Err(_) => Vec::new(),
    }
}

/// The total length in UTF-8 bytes of the texts: a function taking a sequence of records.
#[export]
pub fn total_text_bytes(goodbyes: Vec<Goodbye>) -> u32 {
    goodbyes.iter().map(|g| g.text.len() as u32).sum()
}

/// `text` back: a string round trip.
#[export]
pub fn echo(text: String) -> String {
    text
}

//! The peer cases' API (benches/peers/README.md) with UniFFI's proc-macros,
//! over the same core as our package, plus one async function and one
//! callback-interface call.

use joyous_departures as core;

uniffi::setup_scaffolding!();

/// The template variables and seed of one goodbye; absent values take the core's defaults.
#[derive(uniffi::Record, Clone)]
pub struct GoodbyeArgs {
    pub name: Option<String>,
    pub location: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub seed: Option<u64>,
}

/// One rendered goodbye, as the core returns it.
#[derive(uniffi::Record, Clone)]
pub struct Goodbye {
    pub text: String,
    pub language_code: String,
    pub template_id: String,
}

/// The core rejected the arguments; `message` says why.
#[derive(uniffi::Error, Debug)]
pub enum PeerError {
    Rejected { message: String },
}

impl std::fmt::Display for PeerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PeerError::Rejected { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for PeerError {}

/// What the JavaScript side implements for the callback case.
#[uniffi::export(callback_interface)]
pub trait Shouter: Send + Sync {
    fn shout(&self, text: String) -> String;
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
#[uniffi::export]
pub fn version() -> String {
    core::version()
}

/// One goodbye for `args`.
#[uniffi::export]
pub fn generate_goodbye(args: GoodbyeArgs) -> Result<String, PeerError> {
    core::generate_goodbye(options(args)).map_err(|e| PeerError::Rejected {
        message: e.to_string(),
    })
}

/// `count` goodbyes from a generator seeded with `seed`.
#[uniffi::export]
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
#[uniffi::export]
pub fn total_text_bytes(goodbyes: Vec<Goodbye>) -> u32 {
    goodbyes.iter().map(|g| g.text.len() as u32).sum()
}

/// `text` back: a string round trip.
#[uniffi::export]
pub fn echo(text: String) -> String {
    text
}

/// `text` back from an async function: one async call.
#[uniffi::export]
pub async fn echo_async(text: String) -> String {
    text
}

/// `text` through the JavaScript `shouter`: one callback call.
#[uniffi::export]
pub fn call_shouter(shouter: Box<dyn Shouter>, text: String) -> String {
    shouter.shout(text)
}

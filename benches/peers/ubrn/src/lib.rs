//! The peer cases' API (benches/peers/README.md) with UniFFI 0.31's
//! proc-macros, over the same core as our package.

use joyous_departures as core;

uniffi::setup_scaffolding!();

/// The template variables and seed of one goodbye; absent values take the core's defaults.
#[derive(uniffi::Record)]
pub struct GoodbyeArgs {
    pub name: Option<String>,
    pub location: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub seed: Option<u64>,
}

/// One rendered goodbye, as the core returns it.
#[derive(uniffi::Record)]
pub struct Goodbye {
    pub text: String,
    pub language_code: String,
    pub template_id: String,
}

/// The core's refusal, as text.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum PeerError {
    #[error("{message}")]
    Rejected { message: String },
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
        Ok(g) => g
            .generate_batch(count)
            .into_iter()
            .map(|g| Goodbye {
                text: g.text,
                language_code: g.language_code,
                template_id: g.template_id,
            })
            .collect(),
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

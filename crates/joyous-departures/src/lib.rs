//! joyous-departures: joyous goodbye messages in many languages.
//!
//! ```
//! use joyous_departures::{generate_goodbye, GoodbyeOptions};
//! let text = generate_goodbye(GoodbyeOptions { seed: Some(7), ..Default::default() }).unwrap();
//! assert!(!text.is_empty());
//! ```
//!
//! The same API reaches Python (UniFFI) and TypeScript (our bindgen): half of
//! it is declared in `udl/joyous_departures.udl`, half by the `uniffi::export`
//! items here, all behind the `ffi` feature.

mod corpus;
mod datetime;
mod emoji;
mod error;
#[cfg(feature = "ffi")]
mod ffi;
mod generator;
mod options;
mod platform;
mod translate;

pub use error::GoodbyeError;
pub use generator::{generate_goodbye, supported_languages, version, Generator, Goodbye};
pub use options::{GoodbyeOptions, TemplateArgs};
pub use translate::{generate_goodbye_async, TranslateError, Translator};

#[cfg(feature = "ffi")]
uniffi::include_scaffolding!("joyous_departures");

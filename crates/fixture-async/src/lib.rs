//! fixture-async: async functions, methods and constructors, callback
//! interfaces and foreign traits (sync and async methods), so joyous-bindgen's
//! futures and callbacks are tested on a crate that is not the SDK.
//!
//! Half of the API is declared in `src/fixture_async.udl` and implemented in
//! [`udl`]; the other half is declared by proc-macros in [`exported`].

mod exported;
mod udl;
mod yield_now;

pub use exported::*;
pub use udl::*;

uniffi::include_scaffolding!("fixture_async");

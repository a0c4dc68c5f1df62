//! fixture-types: a small, deterministic UniFFI API that uses every UniFFI type
//! once as an argument and once as a return value, so `joyous-bindgen` can be
//! tested on something other than joyous-departures.
//!
//! Half of the API is declared in `src/fixture_types.udl` and implemented in
//! [`udl`]; the other half is declared by proc-macros in [`exported`] and
//! [`counter`]. Items of each half use types of the other.

mod counter;
mod exported;
mod udl;

pub use counter::*;
pub use exported::*;
pub use udl::*;

uniffi::include_scaffolding!("fixture_types");

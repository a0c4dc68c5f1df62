//! Exports that only the foreign-language API needs, as thin shims over the
//! Rust ones: the constructors (uniffi's `export` macro does not see
//! `cfg_attr`-gated constructor attributes) and `generate_goodbye`.

use crate::{Generator, GoodbyeError, GoodbyeOptions};

/// Render one goodbye message for the given options; without options, the
/// defaults of `GoodbyeOptions`.
///
/// The same `seed` and options give the same text on every platform.
// Optional rather than a defaulted record: a left-out record is built and
// written field by field by the caller's bindings (about 20 µs in Python),
// a left-out option is one byte.
#[uniffi::export(name = "generate_goodbye", default(options = None))]
fn ffi_generate_goodbye(options: Option<GoodbyeOptions>) -> Result<String, GoodbyeError> {
    crate::generate_goodbye(options.unwrap_or_default())
}

#[uniffi::export]
impl Generator {
    /// A generator over the built-in corpus.
    ///
    /// Fails with `InvalidLanguageCode` or `InvalidTimezone` when the options
    /// name a language or zone that does not exist.
    #[uniffi::constructor(name = "new", default(options))]
    fn ffi_new(options: GoodbyeOptions) -> Result<Self, GoodbyeError> {
        Self::new(options)
    }

    /// A generator over a corpus of your own, in the text format of
    /// docs/corpus-format.md: `[en-GB]` section headers, optional
    /// `@name = ...` / `@location = ...` defaults, then one template per line.
    ///
    /// Fails with `CorpusLoad` (with the line number) when the text does not
    /// parse, `TemplateVariable` when a template uses an unknown variable.
    #[uniffi::constructor(name = "with_corpus", default(options))]
    fn ffi_with_corpus(corpus: String, options: GoodbyeOptions) -> Result<Self, GoodbyeError> {
        Self::with_corpus(&corpus, options)
    }
}

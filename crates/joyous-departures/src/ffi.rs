//! Exports that only the foreign-language API needs. uniffi's `export` macro
//! does not see `cfg_attr`-gated constructor attributes, so the constructors
//! are exported here, as thin shims over the Rust ones.

use crate::{Generator, GoodbyeError, GoodbyeOptions};

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

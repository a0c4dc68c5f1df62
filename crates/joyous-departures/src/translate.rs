//! Goodbyes in languages the corpus lacks: a caller's translator turns the
//! English goodbye into the requested language. Implemented in Rust, Python
//! (a subclass of `Translator`) or TypeScript (an object with `translate`).

use std::sync::Arc;

use crate::corpus::Corpus;
use crate::error::GoodbyeError;
use crate::generator::{generate_goodbye, resolve_language};
use crate::options::GoodbyeOptions;

/// Why a translator could not translate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "ffi", derive(uniffi::Error))]
pub enum TranslateError {
    /// The translation failed; `message` says why.
    #[error("{message}")]
    Failed { message: String },
}

#[cfg(feature = "ffi")]
impl From<uniffi::UnexpectedUniFFICallbackError> for TranslateError {
    // What a foreign translator threw that was not a TranslateError.
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        TranslateError::Failed { message: e.reason }
    }
}

/// Translates a goodbye into a language the corpus lacks.
#[cfg_attr(feature = "ffi", uniffi::export(with_foreign))]
#[async_trait::async_trait]
pub trait Translator: Send + Sync {
    /// `text` (English) in `language_code` (a well-formed code such as
    /// `nl-NL`, `sv` or `zh-Hans-CN`, in canonical case).
    async fn translate(
        &self,
        language_code: String,
        text: String,
    ) -> Result<String, TranslateError>;
}

/// Like `generate_goodbye`; a well-formed language code the corpus lacks is
/// rendered in en-GB with the same options and seed, then handed to
/// `translator`, whose result is returned as it is.
///
/// Without a translator such a code fails with `InvalidLanguageCode`, as the
/// sync call does; a malformed code always does, and never reaches the
/// translator. A failing translator gives `Translation`.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub async fn generate_goodbye_async(
    options: GoodbyeOptions,
    translator: Option<Arc<dyn Translator>>,
) -> Result<String, GoodbyeError> {
    let unknown = match resolve_language(&Corpus::builtin(), &options.language_code) {
        Ok(_) => return generate_goodbye(options),
        Err(e) => e,
    };
    let (Some(translator), Some(code)) = (translator, well_formed_tag(&options.language_code))
    else {
        return Err(unknown);
    };
    let english = generate_goodbye(GoodbyeOptions {
        language_code: "en-GB".into(),
        ..options
    })?;
    translator
        .translate(code.clone(), english)
        .await
        .map_err(|e| GoodbyeError::translation(&code, e))
}

/// `language[-Script][-REGION]` in canonical case (`zh-hans-cn` ->
/// `zh-Hans-CN`), or `None` if `tag` is not that shape: a 2-3 letter
/// language, a 4-letter script, a 2-letter or 3-digit region, `-` or `_`
/// between them.
pub(crate) fn well_formed_tag(tag: &str) -> Option<String> {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = language.to_ascii_lowercase();
    let mut rest: Vec<&str> = parts.collect();
    if let Some(script) = rest.first().filter(|s| s.len() == 4) {
        if !script.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        out.push('-');
        out.push_str(&script[..1].to_ascii_uppercase());
        out.push_str(&script[1..].to_ascii_lowercase());
        rest.remove(0);
    }
    match rest.as_slice() {
        [] => Some(out),
        [region] if region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(format!("{out}-{}", region.to_ascii_uppercase()))
        }
        [region] if region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()) => {
            Some(format!("{out}-{region}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// Runs a future that never waits on anything outside itself.
    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(v) = future.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    /// The conformance vectors' translator: `"[<code>] " + text`; it fails for `xx-XX`.
    #[derive(Default)]
    struct Bracket(Mutex<Vec<String>>);

    #[async_trait::async_trait]
    impl Translator for Bracket {
        async fn translate(&self, code: String, text: String) -> Result<String, TranslateError> {
            self.0.lock().unwrap().push(code.clone());
            if code == "xx-XX" {
                return Err(TranslateError::Failed {
                    message: "no dictionary".into(),
                });
            }
            Ok(format!("[{code}] {text}"))
        }
    }

    fn options(code: &str) -> GoodbyeOptions {
        GoodbyeOptions {
            language_code: code.into(),
            seed: Some(7),
            ..Default::default()
        }
    }

    #[test]
    fn a_corpus_language_renders_as_the_sync_call_without_the_translator() {
        let t = Arc::new(Bracket::default());
        let got = block_on(generate_goodbye_async(options("fr"), Some(t.clone()))).unwrap();
        assert_eq!(got, generate_goodbye(options("fr")).unwrap());
        assert!(t.0.lock().unwrap().is_empty());
    }

    #[test]
    fn a_missing_language_is_english_handed_to_the_translator() {
        let t = Arc::new(Bracket::default());
        let got = block_on(generate_goodbye_async(options("nl_nl"), Some(t.clone()))).unwrap();
        let english = generate_goodbye(options("en-GB")).unwrap();
        assert_eq!(got, format!("[nl-NL] {english}"));
        assert_eq!(*t.0.lock().unwrap(), ["nl-NL"]);
    }

    #[test]
    fn without_a_translator_or_with_a_malformed_code_it_is_invalid_language_code() {
        let no_translator = block_on(generate_goodbye_async(options("sv"), None)).unwrap_err();
        assert_eq!(no_translator, generate_goodbye(options("sv")).unwrap_err());
        let t = Arc::new(Bracket::default());
        for bad in ["x", "12-34", ""] {
            let e = block_on(generate_goodbye_async(options(bad), Some(t.clone()))).unwrap_err();
            assert!(
                matches!(e, GoodbyeError::InvalidLanguageCode { .. }),
                "{bad:?}: {e:?}"
            );
        }
        assert!(
            t.0.lock().unwrap().is_empty(),
            "malformed codes never reach the translator"
        );
    }

    #[test]
    fn a_failing_translator_is_a_translation_error_with_its_message() {
        let t = Arc::new(Bracket::default());
        let e = block_on(generate_goodbye_async(options("xx-xx"), Some(t))).unwrap_err();
        let GoodbyeError::Translation {
            message,
            language_code,
        } = e
        else {
            panic!("not Translation: {e:?}")
        };
        assert_eq!(language_code, "xx-XX");
        assert!(message.contains("no dictionary"), "{message}");
    }

    #[test]
    fn well_formed_tags_are_canonical_and_malformed_ones_are_refused() {
        assert_eq!(well_formed_tag("nl-nl").as_deref(), Some("nl-NL"));
        assert_eq!(well_formed_tag("SV").as_deref(), Some("sv"));
        assert_eq!(well_formed_tag("zh_hans_cn").as_deref(), Some("zh-Hans-CN"));
        assert_eq!(well_formed_tag("es-419").as_deref(), Some("es-419"));
        for bad in [
            "",
            "x",
            "12-34",
            "en-",
            "en-GB-x",
            "toolong",
            "en-Hans-CN-1",
        ] {
            assert_eq!(well_formed_tag(bad), None, "{bad:?}");
        }
    }
}

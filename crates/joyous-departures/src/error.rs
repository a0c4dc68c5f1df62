//! The one error type of the SDK. Every variant carries the offending value
//! and a ready-made `message`, so bindings whose error classes only show
//! fields (UniFFI's Python) still read well.

/// Everything that can go wrong. Each variant carries the offending value and
/// a `message` saying what was wrong and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoodbyeError {
    /// A corpus could not be parsed; `line` is 1-based.
    #[error("{message}")]
    CorpusLoad {
        message: String,
        line: u32,
        content: String,
    },
    /// A template uses a variable that does not exist.
    #[error("{message}")]
    TemplateVariable {
        message: String,
        variable: String,
        template_id: String,
    },
    /// The language code is not one the corpus has.
    #[error("{message}")]
    InvalidLanguageCode { message: String, code: String },
    /// The time zone is not a known IANA time zone name.
    #[error("{message}")]
    InvalidTimezone { message: String, timezone: String },
    /// The translator of `generate_goodbye_async` failed for `language_code`;
    /// `message` includes the translator's own.
    #[error("{message}")]
    Translation {
        message: String,
        language_code: String,
    },
}

impl GoodbyeError {
    pub(crate) fn corpus_load(line: u32, content: &str, what: impl std::fmt::Display) -> Self {
        Self::CorpusLoad {
            message: format!("corpus line {line}: {what} (line: `{content}`)"),
            line,
            content: content.to_owned(),
        }
    }

    pub(crate) fn template_variable(variable: &str, template_id: &str) -> Self {
        Self::TemplateVariable {
            message: format!(
                "template `{template_id}` uses unknown variable `{{{variable}}}`: \
                 expected one of {{name}}, {{location}}, {{date}}, {{time}}"
            ),
            variable: variable.to_owned(),
            template_id: template_id.to_owned(),
        }
    }

    pub(crate) fn invalid_language_code(code: &str, supported: &[&str]) -> Self {
        Self::InvalidLanguageCode {
            message: format!(
                "invalid language code `{code}`: expected one of {} (case-insensitive; \
                 a bare language such as `fr` picks its default region)",
                supported.join(", ")
            ),
            code: code.to_owned(),
        }
    }

    pub(crate) fn translation(language_code: &str, why: impl std::fmt::Display) -> Self {
        Self::Translation {
            message: format!("the translator failed for `{language_code}`: {why}"),
            language_code: language_code.to_owned(),
        }
    }

    pub(crate) fn invalid_timezone(timezone: &str, why: impl std::fmt::Display) -> Self {
        Self::InvalidTimezone {
            message: format!(
                "invalid time zone `{timezone}`: {why}; expected an IANA time zone name such as \
                 `Europe/London`, `America/New_York` or `UTC`"
            ),
            timezone: timezone.to_owned(),
        }
    }
}

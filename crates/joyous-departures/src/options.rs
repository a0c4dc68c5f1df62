//! The options records declared in udl/joyous_departures.udl; their defaults
//! here match the UDL's, so Rust callers get what Python and TS callers get.

use std::time::SystemTime;

/// What to render: language, template variables, emoji, time zone and seed.
#[derive(Debug, Clone, PartialEq)]
pub struct GoodbyeOptions {
    /// A language code such as `en-GB`; case-insensitive, `_` works as `-`, and a
    /// bare language such as `fr` means its default region (`fr-FR`).
    pub language_code: String,
    /// Values for the template variables; any left out take their defaults.
    pub template_args: Option<TemplateArgs>,
    /// Keep emoji in the message; `false` removes every emoji.
    pub use_emojis: bool,
    /// The IANA time zone in which `{date}` and `{time}` are rendered.
    pub timezone: String,
    /// Seed for choosing the template; the same seed gives the same message.
    /// Without one, each call draws fresh randomness.
    pub seed: Option<u64>,
    /// The instant rendered as `{date}` and `{time}`; the current time if absent.
    pub now: Option<SystemTime>,
}

impl Default for GoodbyeOptions {
    fn default() -> Self {
        Self {
            language_code: "en-GB".to_owned(),
            template_args: None,
            use_emojis: true,
            timezone: "Europe/London".to_owned(),
            seed: None,
            now: None,
        }
    }
}

/// Values for the template variables; an absent value takes its default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateArgs {
    /// Who is leaving, for `{name}`.
    pub name: Option<String>,
    /// Where from, for `{location}`.
    pub location: Option<String>,
    /// Text used verbatim for `{date}` instead of the formatted date.
    pub date: Option<String>,
    /// Text used verbatim for `{time}` instead of the formatted time.
    pub time: Option<String>,
}

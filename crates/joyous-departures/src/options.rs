//! The options records declared in udl/joyous_departures.udl. Their `Default`s
//! are the UDL's defaults, so Rust callers get what Python and TS callers get;
//! the tests below parse the UDL and fail when the two differ.

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

#[cfg(test)]
mod tests {
    //! The `Default`s above against the defaults the UDL declares (the ones
    //! Python and TypeScript get), so a default changed on one side only fails.

    use uniffi_meta::{DefaultValueMetadata, LiteralMetadata, Metadata};

    use super::*;

    /// A Rust default value written as the UDL would write it.
    trait AsUdl {
        fn as_udl(&self) -> String;
    }

    impl AsUdl for String {
        fn as_udl(&self) -> String {
            format!("\"{self}\"")
        }
    }

    impl AsUdl for bool {
        fn as_udl(&self) -> String {
            self.to_string()
        }
    }

    impl AsUdl for u64 {
        fn as_udl(&self) -> String {
            self.to_string()
        }
    }

    impl<T: AsUdl> AsUdl for Option<T> {
        fn as_udl(&self) -> String {
            self.as_ref().map_or_else(|| "null".to_owned(), T::as_udl)
        }
    }

    // Values the UDL has no literal for: a default of `Some` of these cannot match.
    impl AsUdl for TemplateArgs {
        fn as_udl(&self) -> String {
            format!("{self:?} (the UDL has no literal for a record)")
        }
    }

    impl AsUdl for SystemTime {
        fn as_udl(&self) -> String {
            format!("{self:?} (the UDL has no literal for a timestamp)")
        }
    }

    fn literal(l: &LiteralMetadata) -> String {
        match l {
            LiteralMetadata::Boolean(b) => b.to_string(),
            LiteralMetadata::String(s) => format!("\"{s}\""),
            LiteralMetadata::UInt(v, ..) => v.to_string(),
            LiteralMetadata::Int(v, ..) => v.to_string(),
            LiteralMetadata::Float(v, _) | LiteralMetadata::Enum(v, _) => v.clone(),
            LiteralMetadata::EmptySequence => "[]".to_owned(),
            LiteralMetadata::EmptyMap | LiteralMetadata::EmptySet => "{}".to_owned(),
            LiteralMetadata::None => "null".to_owned(),
            LiteralMetadata::Some { inner } => default(Some(inner)),
        }
    }

    fn default(d: Option<&DefaultValueMetadata>) -> String {
        match d {
            None => "(no default)".to_owned(),
            Some(DefaultValueMetadata::Default) => "(the type's default)".to_owned(),
            Some(DefaultValueMetadata::Literal(l)) => literal(l),
        }
    }

    /// `(field, default)` of the UDL dictionary `name`, in declaration order.
    fn declared(name: &str) -> Vec<(String, String)> {
        let udl = include_str!("joyous_departures.udl");
        let group = uniffi_udl::parse_udl(udl, "joyous_departures")
            .expect("src/joyous_departures.udl parses");
        let record = group
            .items
            .iter()
            .find_map(|item| match item {
                Metadata::Record(r) if r.name == name => Some(r),
                _ => None,
            })
            .unwrap_or_else(|| panic!("src/joyous_departures.udl declares no dictionary `{name}`"));
        record
            .fields
            .iter()
            .map(|f| (f.name.clone(), default(f.default.as_ref())))
            .collect()
    }

    fn field(name: &str, value: &dyn AsUdl) -> (String, String) {
        (name.to_owned(), value.as_udl())
    }

    #[test]
    fn goodbye_options_default_is_the_declared_default() {
        // Destructured in full, so a field added on the Rust side fails to compile here.
        let GoodbyeOptions {
            language_code,
            template_args,
            use_emojis,
            timezone,
            seed,
            now,
        } = GoodbyeOptions::default();
        let rust = vec![
            field("language_code", &language_code),
            field("template_args", &template_args),
            field("use_emojis", &use_emojis),
            field("timezone", &timezone),
            field("seed", &seed),
            field("now", &now),
        ];
        assert_eq!(rust, declared("GoodbyeOptions"));
    }

    #[test]
    fn template_args_default_is_the_declared_default() {
        let TemplateArgs {
            name,
            location,
            date,
            time,
        } = TemplateArgs::default();
        let rust = vec![
            field("name", &name),
            field("location", &location),
            field("date", &date),
            field("time", &time),
        ];
        assert_eq!(rust, declared("TemplateArgs"));
    }
}

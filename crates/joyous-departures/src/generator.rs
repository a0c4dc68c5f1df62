//! Turning options into goodbyes: the one-shot function and the reusable
//! `Generator`, which resolves language and zone once and keeps its RNG.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::corpus::{canonical_language_tag, Corpus, Language, Segment, Template, Variable};
use crate::datetime::{format_date, format_time, LocalDateTime, MAX_UNIX_MILLIS, MIN_UNIX_MILLIS};
use crate::emoji;
use crate::error::GoodbyeError;
use crate::options::{GoodbyeOptions, TemplateArgs};
use crate::platform::{self, Zone};

/// One rendered goodbye and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Goodbye {
    /// The message.
    pub text: String,
    /// The canonical code of the language it is in, e.g. `fr-FR`.
    pub language_code: String,
    /// The template it was rendered from, `<language>/<number>`, e.g. `fr-FR/007`.
    pub template_id: String,
}

/// Render one goodbye message for the given options.
///
/// The same `seed` and options give the same text on every platform.
// Python and TS reach this through src/ffi.rs, whose options are optional.
pub fn generate_goodbye(options: GoodbyeOptions) -> Result<String, GoodbyeError> {
    // A one-shot generator, so the first goodbye of a seeded `Generator` is this by construction.
    Ok(Generator::new(options)?.generate().text)
}

/// The language codes of the built-in corpus, e.g. `en-GB`, sorted.
pub fn supported_languages() -> Vec<String> {
    let mut codes: Vec<String> = Corpus::builtin()
        .codes()
        .into_iter()
        .map(str::to_owned)
        .collect();
    codes.sort();
    codes
}

/// The version of joyous-departures, e.g. `0.2.0`; the same in every language.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A reusable goodbye generator: it checks its options once, holds them, and
/// keeps one random sequence, so a seeded generator yields the same series of
/// goodbyes everywhere. Safe to share between threads.
#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
pub struct Generator {
    corpus: Arc<Corpus>,
    language: usize,
    options: ResolvedOptions,
    rng: Mutex<oorandom::Rand32>,
}

impl Generator {
    /// A generator over the built-in corpus. Fails with `InvalidLanguageCode`
    /// or `InvalidTimezone` when the options name a language or zone that does
    /// not exist.
    pub fn new(options: GoodbyeOptions) -> Result<Self, GoodbyeError> {
        Self::build(Corpus::builtin(), &options)
    }

    /// A generator over a corpus of your own (format: docs/corpus-format.md).
    /// Fails with `CorpusLoad` (with the line number) when the text does not
    /// parse, `TemplateVariable` when a template uses an unknown variable.
    pub fn with_corpus(corpus: &str, options: GoodbyeOptions) -> Result<Self, GoodbyeError> {
        Self::build(Arc::new(Corpus::parse(corpus)?), &options)
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl Generator {
    /// The next goodbye.
    pub fn generate(&self) -> Goodbye {
        let mut rng = self
            .rng
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.plan().render(&mut rng)
    }

    /// The next goodbye's text alone: `generate().text`, the hot path of
    /// Python and TypeScript (one string to decode instead of a record of three).
    pub fn generate_text(&self) -> String {
        self.generate().text
    }

    /// The next `count` goodbyes, in order (the same as calling `generate`
    /// `count` times).
    pub fn generate_batch(&self, count: u32) -> Vec<Goodbye> {
        let plan = self.plan();
        let mut rng = self
            .rng
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (0..count).map(|_| plan.render(&mut rng)).collect()
    }

    /// The texts of the next `count` goodbyes, in order: `generate_batch(count)`
    /// without the language codes and template ids, so a third of the decoding.
    pub fn generate_texts(&self, count: u32) -> Vec<String> {
        let plan = self.plan();
        let mut rng = self
            .rng
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (0..count).map(|_| plan.render(&mut rng).text).collect()
    }

    /// The language codes of this generator's corpus, in corpus order.
    pub fn languages(&self) -> Vec<String> {
        self.corpus.codes().into_iter().map(str::to_owned).collect()
    }

    /// The number of templates per language code.
    pub fn stats(&self) -> HashMap<String, u32> {
        self.corpus
            .languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    u32::try_from(l.templates.len()).unwrap_or(u32::MAX),
                )
            })
            .collect()
    }
}

impl Generator {
    fn build(corpus: Arc<Corpus>, options: &GoodbyeOptions) -> Result<Self, GoodbyeError> {
        let language = resolve_language(&corpus, &options.language_code)?;
        let options = ResolvedOptions::new(options)?;
        let seed = options.seed.unwrap_or_else(platform::fresh_seed);
        Ok(Self {
            corpus,
            language,
            options,
            rng: Mutex::new(oorandom::Rand32::new(seed)),
        })
    }

    fn plan(&self) -> Plan<'_> {
        Plan {
            language: &self.corpus.languages[self.language],
            options: &self.options,
        }
    }
}

/// Options checked and converted once.
struct ResolvedOptions {
    args: TemplateArgs,
    use_emojis: bool,
    zone: Zone,
    seed: Option<u64>,
    now_unix_millis: Option<i64>,
}

impl ResolvedOptions {
    fn new(options: &GoodbyeOptions) -> Result<Self, GoodbyeError> {
        let mut args = options.template_args.clone().unwrap_or_default();
        if !options.use_emojis {
            for value in [
                &mut args.name,
                &mut args.location,
                &mut args.date,
                &mut args.time,
            ]
            .into_iter()
            .flatten()
            {
                *value = emoji::strip(value).into_owned();
            }
        }
        Ok(Self {
            args,
            use_emojis: options.use_emojis,
            zone: resolve_zone(&options.timezone)?,
            seed: options.seed,
            now_unix_millis: options.now.map(unix_millis),
        })
    }
}

/// One language and resolved options: everything needed to render.
struct Plan<'a> {
    language: &'a Language,
    options: &'a ResolvedOptions,
}

impl Plan<'_> {
    fn render(&self, rng: &mut oorandom::Rand32) -> Goodbye {
        let templates = &self.language.templates;
        let index = rng.rand_range(0..templates.len() as u32) as usize;
        let template = &templates[index];
        Goodbye {
            text: self.render_template(template),
            language_code: self.language.code.clone(),
            template_id: template.id.clone(),
        }
    }

    fn render_template(&self, template: &Template) -> String {
        let o = self.options;
        let segments = if o.use_emojis {
            &template.with_emoji
        } else {
            &template.without_emoji
        };
        let needs_clock = template.uses_clock() && (o.args.date.is_none() || o.args.time.is_none());
        let local: Option<LocalDateTime> = needs_clock.then(|| {
            let millis = o.now_unix_millis.unwrap_or_else(platform::now_unix_millis);
            o.zone.local(millis.clamp(MIN_UNIX_MILLIS, MAX_UNIX_MILLIS))
        });
        let code = self.language.code.as_str();
        let mut out = String::with_capacity(128);
        for segment in segments {
            match segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Var(Variable::Name) => out.push_str(
                    o.args
                        .name
                        .as_deref()
                        .unwrap_or(self.language.default_name.get(o.use_emojis)),
                ),
                Segment::Var(Variable::Location) => out.push_str(
                    o.args
                        .location
                        .as_deref()
                        .unwrap_or(self.language.default_location.get(o.use_emojis)),
                ),
                Segment::Var(Variable::Date) => match &o.args.date {
                    Some(date) => out.push_str(date),
                    None => out.push_str(&format_date(code, local.as_ref().expect("clock read"))),
                },
                Segment::Var(Variable::Time) => match &o.args.time {
                    Some(time) => out.push_str(time),
                    None => out.push_str(&format_time(code, local.as_ref().expect("clock read"))),
                },
            }
        }
        out
    }
}

/// Case-insensitive, `_` as `-`; a bare language (`fr`) picks the first
/// section of that language in the corpus. Anything else is an error.
pub(crate) fn resolve_language(corpus: &Corpus, code: &str) -> Result<usize, GoodbyeError> {
    let found = match canonical_language_tag(code) {
        Some(tag) => corpus.languages.iter().position(|l| l.code == tag),
        None if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphabetic()) => {
            let prefix = format!("{}-", code.to_ascii_lowercase());
            corpus
                .languages
                .iter()
                .position(|l| l.code.starts_with(&prefix))
        }
        None => None,
    };
    found.ok_or_else(|| GoodbyeError::invalid_language_code(code, &corpus.codes()))
}

/// IANA names start with a letter and use letters, digits, `/`, `_`, `-`, `+`.
/// Checking that here keeps native and wasm builds in agreement on odd input
/// (the host's Intl would accept offsets such as `+05:00`).
fn resolve_zone(name: &str) -> Result<Zone, GoodbyeError> {
    let well_formed = name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
        && !name.contains("//")
        && !name.ends_with('/');
    if !well_formed {
        return Err(GoodbyeError::invalid_timezone(
            name,
            "not a well-formed zone name",
        ));
    }
    if is_tzdb_file(name) {
        return Err(GoodbyeError::invalid_timezone(
            name,
            "a file of the system time zone database, not a zone name",
        ));
    }
    Zone::resolve(name).map_err(|why| GoodbyeError::invalid_timezone(name, why))
}

/// Names the system tz database has as files but hosts' Intl (ICU) refuses:
/// `localtime` is the machine's own zone, `posix/` and `right/` are copies,
/// `posixrules` and `Factory` no zone anyone lives in. Refused on every platform
/// so that native and wasm builds agree (the differential test found them).
fn is_tzdb_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["localtime", "posixrules", "factory"].contains(&lower.as_str())
        || lower.starts_with("posix/")
        || lower.starts_with("right/")
}

fn unix_millis(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datetime::{MAX_UNIX_MILLIS, MIN_UNIX_MILLIS};
    use crate::emoji::is_emoji;

    /// Pictographic blocks, checked independently of the emoji classifier.
    fn looks_like_emoji(c: char) -> bool {
        matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
    }

    fn render_all(options: &GoodbyeOptions) -> Vec<(String, String)> {
        let corpus = Corpus::builtin();
        let resolved = ResolvedOptions::new(options).unwrap();
        let mut out = Vec::new();
        for language in &corpus.languages {
            let plan = Plan {
                language,
                options: &resolved,
            };
            for template in &language.templates {
                out.push((template.id.clone(), plan.render_template(template)));
            }
        }
        out
    }

    fn fixed(use_emojis: bool, args: Option<TemplateArgs>) -> GoodbyeOptions {
        GoodbyeOptions {
            use_emojis,
            template_args: args,
            now: Some(UNIX_EPOCH + std::time::Duration::from_secs(1_795_442_700)),
            ..Default::default()
        }
    }

    #[test]
    fn corpus_has_six_languages_of_forty_templates() {
        let corpus = Corpus::builtin();
        assert!(corpus.languages.len() >= 6, "{:?}", corpus.codes());
        for l in &corpus.languages {
            assert!(
                l.templates.len() >= 40,
                "{} has {}",
                l.code,
                l.templates.len()
            );
        }
    }

    /// Every variable given, each as its own upper-case name.
    fn marker_args() -> TemplateArgs {
        TemplateArgs {
            name: Some("NAME".into()),
            location: Some("LOCATION".into()),
            date: Some("DATE".into()),
            time: Some("TIME".into()),
        }
    }

    #[test]
    fn every_template_renders_with_defaults_and_with_args() {
        for options in [
            fixed(true, None),
            fixed(false, None),
            fixed(true, Some(marker_args())),
        ] {
            for (id, text) in render_all(&options) {
                assert!(!text.trim().is_empty(), "{id} rendered empty");
                assert!(
                    !text.contains(['{', '}']),
                    "{id} left a placeholder: {text}"
                );
                assert_eq!(text.trim(), text, "{id} has edge spaces: {text:?}");
                assert!(!text.contains("  "), "{id} has a double space: {text:?}");
            }
        }
    }

    #[test]
    fn every_variable_is_used_and_substituted() {
        let rendered = render_all(&fixed(true, Some(marker_args())));
        for marker in ["NAME", "LOCATION", "DATE", "TIME"] {
            let uses = rendered.iter().filter(|(_, t)| t.contains(marker)).count();
            assert!(uses >= 8 * 6, "{marker} appears in only {uses} templates");
        }
    }

    #[test]
    fn emoji_off_removes_every_emoji_from_the_whole_corpus() {
        let with = render_all(&fixed(true, None));
        let emoji_templates = with.iter().filter(|(_, t)| t.chars().any(is_emoji)).count();
        assert!(
            emoji_templates * 3 >= with.len(),
            "only {emoji_templates} templates have emoji"
        );
        for (id, text) in render_all(&fixed(false, None)) {
            assert!(
                !text.chars().any(|c| is_emoji(c) || looks_like_emoji(c)),
                "{id}: {text}"
            );
        }
    }

    #[test]
    fn text_and_texts_continue_the_series_of_generate() {
        let options = || GoodbyeOptions {
            seed: Some(42),
            ..fixed(true, None)
        };
        let records = Generator::new(options()).unwrap().generate_batch(5);
        let g = Generator::new(options()).unwrap();
        assert_eq!(g.generate_text(), records[0].text);
        let texts: Vec<String> = records[1..4].iter().map(|r| r.text.clone()).collect();
        assert_eq!(g.generate_texts(3), texts);
        assert!(g.generate_texts(0).is_empty());
        assert_eq!(g.generate(), records[4]);
    }

    #[test]
    fn tzdb_files_are_not_zones() {
        for name in [
            "localtime",
            "posixrules",
            "Factory",
            "posix/Europe/London",
            "RIGHT/UTC",
        ] {
            let options = GoodbyeOptions {
                timezone: name.into(),
                seed: Some(1),
                ..Default::default()
            };
            match generate_goodbye(options) {
                Err(GoodbyeError::InvalidTimezone { timezone, message }) => {
                    assert_eq!(timezone, name);
                    assert!(message.contains("not a zone name"), "{message}");
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }

    #[test]
    fn instants_past_the_range_clamp_to_its_ends() {
        let at = |millis: i64| GoodbyeOptions {
            template_args: Some(TemplateArgs {
                name: Some("{x}".into()),
                ..Default::default()
            }),
            timezone: "UTC".into(),
            seed: Some(3),
            now: Some(if millis < 0 {
                UNIX_EPOCH - std::time::Duration::from_millis(millis.unsigned_abs())
            } else {
                UNIX_EPOCH + std::time::Duration::from_millis(millis as u64)
            }),
            ..Default::default()
        };
        let clamped = |m| Generator::new(at(m)).unwrap().generate_batch(40);
        // Year 275760 (a JS Date's end) reads as the clamp's end, as on wasm.
        assert_eq!(clamped(8_640_000_000_000_000), clamped(MAX_UNIX_MILLIS));
        assert_eq!(clamped(i64::MIN / 2), clamped(MIN_UNIX_MILLIS));
    }

    #[test]
    fn emoji_off_strips_caller_values_too() {
        let args = TemplateArgs {
            name: Some("Ada 🎉".into()),
            ..Default::default()
        };
        let resolved = ResolvedOptions::new(&fixed(false, Some(args))).unwrap();
        assert_eq!(resolved.args.name.as_deref(), Some("Ada"));
    }
}

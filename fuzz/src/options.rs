//! Rendering from arbitrary options over the built-in corpus.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use arbitrary::Arbitrary;
use joyous_departures::{
    generate_goodbye, supported_languages, Generator, GoodbyeError, GoodbyeOptions, TemplateArgs,
};

/// Real values next to arbitrary ones: the zone lookup's string comparisons
/// give libFuzzer no feedback, so without these it would rarely render a
/// zone other than the default.
const LANGUAGES: &[&str] = &[
    "en-GB", "en-US", "fr-FR", "de-DE", "es-ES", "it-IT", "pt-BR", "ja-JP", "en", "fr", "JA",
    "pt_br", "EN-us", "nl-NL", "xx", "", "e", "en-GB-x", "fr-", "-FR", "eng-GB", "en-001",
];
const ZONES: &[&str] = &[
    "Europe/London",
    "UTC",
    "America/New_York",
    "Asia/Tokyo",
    "Africa/Casablanca",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Kiritimati",
    "Pacific/Apia",
    "Etc/GMT+12",
    "Etc/GMT-14",
    "America/St_Johns",
    "Antarctica/Troll",
    "EST5EDT",
    "europe/london",
    "Europe",
    "Mars/Olympus",
    "+05:00",
    "Etc/../UTC",
    "",
];

#[derive(Arbitrary, Debug, Clone)]
pub enum Text {
    Known(u8),
    Any(String),
}

impl Text {
    fn pick(&self, known: &[&str]) -> String {
        match self {
            Text::Known(i) => known[usize::from(*i) % known.len()].to_owned(),
            Text::Any(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Now {
    /// Unix milliseconds, the range the bindings pass.
    Millis(i64),
    /// Any `SystemTime` the platform holds, before or after the epoch.
    Raw { secs: u64, nanos: u32, before: bool },
}

impl Now {
    fn time(&self) -> Option<SystemTime> {
        match *self {
            Now::Millis(ms) if ms >= 0 => UNIX_EPOCH.checked_add(Duration::from_millis(ms as u64)),
            Now::Millis(ms) => UNIX_EPOCH.checked_sub(Duration::from_millis(ms.unsigned_abs())),
            Now::Raw {
                secs,
                nanos,
                before,
            } => {
                let d = Duration::new(secs, nanos % 1_000_000_000);
                if before {
                    UNIX_EPOCH.checked_sub(d)
                } else {
                    UNIX_EPOCH.checked_add(d)
                }
            }
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct Args {
    pub name: Option<String>,
    pub location: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct Input {
    pub language: Text,
    pub timezone: Text,
    pub args: Option<Args>,
    pub use_emojis: bool,
    pub seed: Option<u64>,
    pub now: Option<Now>,
    /// `generate_batch`'s count, kept small (mod 8) so one input stays fast.
    pub batch: u8,
}

impl Input {
    pub fn options(&self) -> GoodbyeOptions {
        GoodbyeOptions {
            language_code: self.language.pick(LANGUAGES),
            template_args: self.args.as_ref().map(|a| TemplateArgs {
                name: a.name.clone(),
                location: a.location.clone(),
                date: a.date.clone(),
                time: a.time.clone(),
            }),
            use_emojis: self.use_emojis,
            timezone: self.timezone.pick(ZONES),
            seed: self.seed,
            // A time the platform cannot hold is left out (the current time).
            now: self.now.as_ref().and_then(Now::time),
        }
    }
}

/// One input through `generate_goodbye` and `Generator::new(..)`; panics when
/// a property fails.
pub fn check(input: &Input) {
    let options = input.options();
    let one_shot = generate_goodbye(options.clone());
    let generator = Generator::new(options.clone());
    let generator = match (one_shot, generator) {
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "generate_goodbye and Generator::new disagree");
            check_error(&options, &a);
            return;
        }
        (Ok(text), Ok(generator)) => {
            let first = generator.generate();
            // Without a seed and a fixed instant the two calls may differ.
            if options.seed.is_some() && options.now.is_some() {
                assert_eq!(
                    text, first.text,
                    "generate_goodbye differs from the first generate()"
                );
            }
            check_goodbye(&options, &first);
            generator
        }
        (a, b) => panic!(
            "generate_goodbye gave {a:?}, Generator::new gave {:?}",
            b.err()
        ),
    };
    let batch = generator.generate_batch(u32::from(input.batch % 8));
    assert_eq!(batch.len(), usize::from(input.batch % 8));
    for goodbye in &batch {
        check_goodbye(&options, goodbye);
    }
    if options.seed.is_some() && options.now.is_some() {
        // A batch is the same as that many calls of generate().
        let again = Generator::new(options.clone()).expect("the same options built once");
        again.generate();
        let singles: Vec<_> = batch.iter().map(|_| again.generate()).collect();
        assert_eq!(
            batch, singles,
            "generate_batch differs from repeated generate()"
        );
    }
}

fn check_goodbye(options: &GoodbyeOptions, goodbye: &joyous_departures::Goodbye) {
    assert!(
        supported_languages().contains(&goodbye.language_code),
        "{goodbye:?} is in no supported language"
    );
    assert!(
        goodbye
            .template_id
            .starts_with(&format!("{}/", goodbye.language_code)),
        "{goodbye:?}: template id not under its language"
    );
    if !options.use_emojis {
        assert!(
            !crate::has_emoji(&goodbye.text),
            "emoji left with use_emojis = false: {goodbye:?}"
        );
    }
}

fn check_error(options: &GoodbyeOptions, error: &GoodbyeError) {
    match error {
        GoodbyeError::InvalidLanguageCode { message, code } => {
            assert_eq!(code, &options.language_code, "{error:?}");
            assert!(message.contains(&format!("`{code}`")), "{error:?}");
        }
        GoodbyeError::InvalidTimezone { message, timezone } => {
            assert_eq!(timezone, &options.timezone, "{error:?}");
            assert!(message.contains(&format!("`{timezone}`")), "{error:?}");
        }
        other => panic!("the built-in corpus gave {other:?}"),
    }
}

//! The seeded generator of the differential cases: random `GoodbyeOptions`
//! and what the native Rust core makes of each (text or error variant), written
//! as JSON for the Python, Node and workerd runners (tests/differential).
//!
//! One seed gives the same cases on every machine (oorandom's PCG is fixed by
//! its algorithm), so a failure's seed and index reproduce it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use oorandom::Rand64;
use serde_json::{json, Value};

use joyous_departures::{generate_goodbye, Generator, GoodbyeError, GoodbyeOptions, TemplateArgs};

/// jiff's Timestamp range, the instants `{date}`/`{time}` can show; beyond
/// it the core clamps (crates/joyous-departures/src/datetime.rs).
const MIN_MILLIS: i64 = -377_705_023_201_000;
const MAX_MILLIS: i64 = 253_402_207_200_999;
/// ECMAScript's Date range, ±8.64e15 ms.
const JS_DATE_MAX: i64 = 8_640_000_000_000_000;
/// A string field longer than this is written as `{repeat, times}`.
const BIG: usize = 1 << 20;

/// A string to render: most are short; a few are about 1 MB of one unit repeated.
enum Text {
    Plain(String),
    Repeat(String, usize),
}

impl Text {
    fn expand(&self) -> String {
        match self {
            Text::Plain(s) => s.clone(),
            Text::Repeat(unit, times) => unit.repeat(*times),
        }
    }
    fn json(&self) -> Value {
        match self {
            Text::Plain(s) => json!(s),
            Text::Repeat(unit, times) => json!({ "repeat": unit, "times": times }),
        }
    }
}

struct Rng(Rand64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0.rand_range(0..n)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Code points from the ranges where bindings and encoders tend to break.
fn random_char(rng: &mut Rng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x20, 0x7E),        // ASCII
        (0x00, 0x1F),        // controls, NUL
        (0xA0, 0xFF),        // Latin-1
        (0x300, 0x36F),      // combining marks
        (0x5D0, 0x5EA),      // Hebrew
        (0x600, 0x6FF),      // Arabic
        (0x200B, 0x200F),    // zero-width, LRM/RLM
        (0x202A, 0x202E),    // bidi embeddings and overrides
        (0x2066, 0x2069),    // bidi isolates
        (0x2600, 0x27BF),    // symbols, dingbats
        (0xFE00, 0xFE0F),    // variation selectors
        (0xFFF0, 0xFFFF),    // specials, noncharacters
        (0x4E00, 0x4FFF),    // CJK
        (0xE000, 0xE0FF),    // private use
        (0x1F1E6, 0x1F1FF),  // regional indicators
        (0x1F300, 0x1FAFF),  // emoji
        (0x1F3FB, 0x1F3FF),  // skin tones
        (0x10000, 0x10FFFF), // anything astral
    ];
    loop {
        let (lo, hi) = *rng.pick(ranges);
        if let Some(c) = char::from_u32(lo + rng.below(u64::from(hi - lo + 1)) as u32) {
            return c;
        }
    }
}

fn random_string(rng: &mut Rng, max_len: u64) -> String {
    let len = rng.below(max_len + 1);
    let mut s: String = (0..len).map(|_| random_char(rng)).collect();
    if rng.chance(10) {
        // Template syntax in a value must come out verbatim.
        let prefix: &str = rng.pick::<&str>(&["{name}", "{{", "}", "{date}", "\u{200D}", "\0"]);
        s.insert_str(0, prefix);
    }
    s
}

fn field_text(rng: &mut Rng) -> Text {
    if rng.chance(1) {
        let unit = rng
            .pick(&["a", "é", "👋🏽", "\u{05D0}\u{0301}", "\0"])
            .to_string();
        return Text::Repeat(unit.clone(), BIG / unit.len());
    }
    let pool = [
        "Ada",
        "Lisboa",
        "Zoë",
        "\u{202E}evil",
        "מרים",
        "عمر",
        "👩‍🚀",
        "",
    ];
    if rng.chance(30) {
        Text::Plain(rng.pick(&pool).to_string())
    } else {
        Text::Plain(random_string(rng, 24))
    }
}

fn language_code(rng: &mut Rng, supported: &[String]) -> Text {
    let code = rng.pick(supported).clone();
    Text::Plain(match rng.below(10) {
        0..=2 => code,
        3 => code.to_lowercase().replace('-', "_"),
        4 => code.to_uppercase(),
        5 => code.split('-').next().unwrap_or_default().to_owned(),
        6 => rng
            .pick(&[
                "nl-NL",
                "zh-Hans-CN",
                "sv",
                "fr-CA",
                "i-klingon",
                "x-private",
                "en-GB-u-ca-buddhist",
                "EN",
                "e",
                "en-",
                "-GB",
                "12-34",
            ])
            .to_string(),
        7 => rng
            .pick(&[
                "",
                " en-GB",
                "en-GB ",
                "en--GB",
                "én-GB",
                "en\u{0}GB",
                "ｅｎ-GB",
            ])
            .to_string(),
        8 if rng.chance(5) => return Text::Repeat("en-".into(), BIG / 3),
        _ => random_string(rng, 12),
    })
}

fn timezone(rng: &mut Rng, zones: &[String]) -> Text {
    Text::Plain(match rng.below(12) {
        0..=5 => rng.pick(zones).clone(),
        6 => rng
            .pick(&[
                "Africa/Casablanca",
                "Europe/London",
                "America/New_York",
                "Asia/Tokyo",
                "Australia/Lord_Howe",
                "Pacific/Chatham",
                "Pacific/Kiritimati",
                "Asia/Kathmandu",
                "UTC",
            ])
            .to_string(),
        7 => rng.pick(zones).to_lowercase(),
        8 => rng
            .pick(&[
                "US/Pacific",
                "Asia/Calcutta",
                "GMT",
                "Etc/GMT+5",
                "Etc/GMT-14",
                "EST5EDT",
                "Europe/Kiev",
                "Zulu",
                "Universal",
                "posixrules",
                "localtime",
                "Factory",
            ])
            .to_string(),
        9 => rng
            .pick(&[
                "",
                "Europe/Nowhere",
                "+05:00",
                "UTC+1",
                "Europe//London",
                "Europe/London/",
                "/",
                "..",
                "Europe/London ",
                "Mars/Olympus_Mons",
                "posix/Europe/London",
                "right/UTC",
            ])
            .to_string(),
        10 if rng.chance(5) => return Text::Repeat("Europe/".into(), BIG / 7),
        _ => random_string(rng, 16),
    })
}

fn seed(rng: &mut Rng) -> u64 {
    match rng.below(6) {
        0 => *rng.pick(&[
            0,
            1,
            u64::MAX,
            u64::MAX - 1,
            1 << 53,
            (1 << 53) + 1,
            1 << 63,
            u64::from(u32::MAX),
        ]),
        1 => rng.below(1000),
        _ => rng.0.rand_u64(),
    }
}

/// Unix milliseconds, mostly near today; some before 1970, some at and past
/// the clamp, some past what a JS Date or a Python datetime can hold.
fn now_millis(rng: &mut Rng) -> i64 {
    let span = |rng: &mut Rng, lo: i64, hi: i64| lo + rng.below((hi - lo) as u64 + 1) as i64;
    match rng.below(20) {
        0..=9 => span(rng, 1_700_000_000_000, 1_900_000_000_000),
        10..=11 => span(rng, 0, 4_102_444_800_000), // 1970-2100
        12 => span(rng, MIN_MILLIS, 0),
        13 => span(rng, 4_102_444_800_000, MAX_MILLIS),
        14 => span(rng, MAX_MILLIS, JS_DATE_MAX),
        15 => span(rng, JS_DATE_MAX, i64::MAX / 2),
        16 => span(rng, i64::MIN / 2, MIN_MILLIS),
        _ => *rng.pick(&[
            0,
            -1,
            1,
            MIN_MILLIS,
            MAX_MILLIS,
            MAX_MILLIS + 1,
            JS_DATE_MAX,
            JS_DATE_MAX + 1,
            -62_135_596_800_000,
            253_402_300_799_999,
        ]),
    }
}

/// A lone surrogate the foreign runners put into one string field (Rust
/// strings cannot hold one): `at` is a position in the field's characters.
fn poison(rng: &mut Rng, has_args: bool) -> Value {
    let mut fields = vec!["language_code", "timezone"];
    if has_args {
        fields.extend([
            "template_args.name",
            "template_args.location",
            "template_args.date",
            "template_args.time",
        ]);
    }
    json!({ "field": rng.pick(&fields), "at": rng.below(4), "unit": rng.pick(&[0xD800, 0xDBFF, 0xDC00, 0xDFFF]) })
}

fn system_time(millis: i64) -> SystemTime {
    let away = Duration::from_millis(millis.unsigned_abs());
    if millis < 0 {
        UNIX_EPOCH - away
    } else {
        UNIX_EPOCH + away
    }
}

/// The native outcome: `{text, clock?}` or `{error, field}`.
fn native(options: &GoodbyeOptions, zone_name: &str, now: Option<i64>) -> Result<Value> {
    match generate_goodbye(options.clone()) {
        Ok(text) => {
            let mut expect = json!({ "text": text });
            let args = options.template_args.clone().unwrap_or_default();
            if let (Some(now), true) = (now, args.date.is_none() || args.time.is_none()) {
                expect["clock"] = clock(options, zone_name, now)?;
            }
            Ok(expect)
        }
        Err(e) => {
            let (variant, value, input) = match &e {
                GoodbyeError::InvalidLanguageCode { code, .. } => {
                    ("InvalidLanguageCode", code, &options.language_code)
                }
                GoodbyeError::InvalidTimezone { timezone, .. } => {
                    ("InvalidTimezone", timezone, &options.timezone)
                }
                other => {
                    anyhow::bail!("the native core gave an error no option can cause: {other:?}")
                }
            };
            anyhow::ensure!(
                value == input,
                "the native {variant} names `{value:.80}`, not the input `{input:.80}`"
            );
            Ok(json!({ "error": variant }))
        }
    }
}

/// What `{date}` and `{time}` read natively for these options, and the wall
/// clock behind them: what a runner needs to tell zone data apart from a bug.
fn clock(options: &GoodbyeOptions, zone_name: &str, now: i64) -> Result<Value> {
    let plain = GoodbyeOptions {
        template_args: None,
        ..options.clone()
    };
    let language = Generator::new(plain.clone())?.generate().language_code;
    let render = |template: &str| -> Result<String> {
        let corpus = format!("[{language}]\n{template}\n");
        Ok(Generator::with_corpus(&corpus, plain.clone())?
            .generate()
            .text)
    };
    // jiff takes whole milliseconds up to MAX's second: the last 999 ms read MAX.
    let instant = jiff::Timestamp::from_millisecond(now.clamp(MIN_MILLIS, MAX_MILLIS))
        .unwrap_or(jiff::Timestamp::MAX);
    let local = jiff::tz::TimeZone::get(zone_name)?.to_datetime(instant);
    Ok(json!({
        "date": render("{date}")?,
        "time": render("{time}")?,
        "local": format!("{:04}-{:02}-{:02}T{:02}:{:02}", local.year(), local.month(), local.day(), local.hour(), local.minute()),
    }))
}

/// `count` cases from `seed`, with the native outcome of each.
pub fn generate(seed_value: u64, count: usize) -> Result<Value> {
    let mut rng = Rng(Rand64::new(u128::from(seed_value)));
    let supported = joyous_departures::supported_languages();
    let zones: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
    let mut cases = Vec::with_capacity(count);
    for index in 0..count {
        let language = language_code(&mut rng, &supported);
        let zone = timezone(&mut rng, &zones);
        let args = rng.chance(60).then(|| {
            let field = |rng: &mut Rng| rng.chance(60).then(|| field_text(rng));
            [
                field(&mut rng),
                field(&mut rng),
                field(&mut rng),
                field(&mut rng),
            ]
        });
        let use_emojis = rng.chance(50);
        let seed = rng.chance(97).then(|| seed(&mut rng));
        let mut now = rng.chance(95).then(|| now_millis(&mut rng));
        let fixed_clock = args
            .as_ref()
            .is_some_and(|a| a[2].is_some() && a[3].is_some());
        if now.is_none() && !fixed_clock {
            now = Some(now_millis(&mut rng));
        }
        let options = GoodbyeOptions {
            language_code: language.expand(),
            template_args: args.as_ref().map(|a| TemplateArgs {
                name: a[0].as_ref().map(Text::expand),
                location: a[1].as_ref().map(Text::expand),
                date: a[2].as_ref().map(Text::expand),
                time: a[3].as_ref().map(Text::expand),
            }),
            use_emojis,
            timezone: zone.expand(),
            seed,
            now: now.map(system_time),
        };
        let mut expect = native(&options, &options.timezone, now)?;
        if seed.is_none() && expect.get("text").is_some() {
            // Without a seed each call draws fresh randomness: only errors compare.
            expect = json!({ "unseeded": true });
        }
        let json_args = args.as_ref().map(|a| {
            let f = |t: &Option<Text>| t.as_ref().map_or(Value::Null, Text::json);
            json!({ "name": f(&a[0]), "location": f(&a[1]), "date": f(&a[2]), "time": f(&a[3]) })
        });
        cases.push(json!({
            "index": index,
            "options": {
                "language_code": language.json(),
                "template_args": json_args,
                "use_emojis": use_emojis,
                "timezone": zone.json(),
                "seed": seed.map(|s| s.to_string()),
                "now_ms": now.map(|n| n.to_string()),
            },
            "poison": if rng.chance(4) { poison(&mut rng, args.is_some()) } else { Value::Null },
            "expect": expect,
        }));
    }
    Ok(json!({ "seed": seed_value.to_string(), "count": count, "cases": cases }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_cases() {
        assert_eq!(generate(7, 30).unwrap(), generate(7, 30).unwrap());
        assert_ne!(generate(7, 30).unwrap(), generate(8, 30).unwrap());
    }

    #[test]
    fn the_clamp_matches_jiff() {
        assert_eq!(MIN_MILLIS, jiff::Timestamp::MIN.as_millisecond());
        assert_eq!(MAX_MILLIS, jiff::Timestamp::MAX.as_millisecond());
    }
}

//! The public Rust API, as a pure-Rust user sees it (no `ffi` feature).

use std::collections::HashSet;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use joyous_departures::*;

fn at(unix_seconds: u64) -> Option<SystemTime> {
    Some(UNIX_EPOCH + Duration::from_secs(unix_seconds))
}

fn seeded(seed: u64) -> GoodbyeOptions {
    GoodbyeOptions {
        seed: Some(seed),
        ..Default::default()
    }
}

// That `GoodbyeOptions::default()` is the UDL's declared default is tested in
// src/options.rs, against the parsed UDL.

#[test]
fn same_seed_same_text_and_seeds_vary_the_text() {
    for seed in [0, 1, 42, u64::MAX] {
        assert_eq!(
            generate_goodbye(seeded(seed)).unwrap(),
            generate_goodbye(seeded(seed)).unwrap()
        );
    }
    let distinct: HashSet<String> = (0..30)
        .map(|s| generate_goodbye(seeded(s)).unwrap())
        .collect();
    assert!(
        distinct.len() > 10,
        "30 seeds gave {} texts",
        distinct.len()
    );
}

#[test]
fn unseeded_calls_draw_fresh_randomness() {
    let distinct: HashSet<String> = (0..30)
        .map(|_| generate_goodbye(GoodbyeOptions::default()).unwrap())
        .collect();
    assert!(
        distinct.len() > 5,
        "30 unseeded calls gave {} texts",
        distinct.len()
    );
}

#[test]
fn language_codes_are_case_insensitive_and_bare_codes_pick_a_region() {
    let reference = Generator::new(GoodbyeOptions {
        language_code: "fr-FR".into(),
        ..seeded(3)
    })
    .unwrap();
    let expected = reference.generate();
    assert_eq!(expected.language_code, "fr-FR");
    for code in ["fr", "FR", "fr-fr", "FR_fr", "fr_FR"] {
        let g = Generator::new(GoodbyeOptions {
            language_code: code.into(),
            ..seeded(3)
        })
        .unwrap();
        assert_eq!(g.generate(), expected, "{code}");
    }
    let en = Generator::new(GoodbyeOptions {
        language_code: "en".into(),
        ..seeded(1)
    })
    .unwrap();
    assert_eq!(en.generate().language_code, "en-GB");
}

#[test]
fn unknown_language_codes_are_errors_never_fallbacks() {
    for code in ["fr-CA", "xx", "", "en-GB ", "english", "e", "en-", "zz-ZZ"] {
        let err = generate_goodbye(GoodbyeOptions {
            language_code: code.into(),
            ..seeded(1)
        })
        .unwrap_err();
        let GoodbyeError::InvalidLanguageCode { code: got, message } = &err else {
            panic!("{code:?}: {err:?}")
        };
        assert_eq!(got, code);
        assert!(
            message.contains(&format!("`{code}`")) && message.contains("en-GB, "),
            "{message}"
        );
    }
}

#[test]
fn unknown_time_zones_are_errors() {
    for zone in [
        "Mars/Olympus_Mons",
        "",
        "+05:00",
        "Europe/",
        "../etc/passwd",
        "Europe//London",
    ] {
        let err = generate_goodbye(GoodbyeOptions {
            timezone: zone.into(),
            ..seeded(1)
        })
        .unwrap_err();
        let GoodbyeError::InvalidTimezone { timezone, message } = &err else {
            panic!("{zone:?}: {err:?}")
        };
        assert_eq!(timezone, zone);
        assert!(message.contains("IANA"), "{message}");
    }
    for zone in ["UTC", "Asia/Tokyo", "america/new_york", "Etc/GMT+5"] {
        generate_goodbye(GoodbyeOptions {
            timezone: zone.into(),
            ..seeded(1)
        })
        .unwrap();
    }
}

/// The generator picks templates by seed; find a seed whose template uses a
/// date so the zone's effect is visible.
fn text_with(options: GoodbyeOptions, marker: &str) -> String {
    (0..500)
        .map(|seed| {
            generate_goodbye(GoodbyeOptions {
                seed: Some(seed),
                template_args: Some(TemplateArgs {
                    name: Some(marker.into()),
                    ..Default::default()
                }),
                ..options.clone()
            })
            .unwrap()
        })
        .find(|t| t.contains("2026") && t.contains(marker))
        .expect("some template uses both {name} and {date}")
}

#[test]
fn dates_are_rendered_in_the_requested_zone_and_language() {
    // 2026-11-23T23:50:00Z: still the 23rd in London, already the 24th in Tokyo.
    let now = at(1_795_477_800);
    let london = text_with(
        GoodbyeOptions {
            now,
            ..Default::default()
        },
        "Ada",
    );
    let tokyo = text_with(
        GoodbyeOptions {
            now,
            timezone: "Asia/Tokyo".into(),
            ..Default::default()
        },
        "Ada",
    );
    assert!(london.contains("23 November 2026"), "{london}");
    assert!(tokyo.contains("24 November 2026"), "{tokyo}");
    let us = text_with(
        GoodbyeOptions {
            now,
            language_code: "en-US".into(),
            ..Default::default()
        },
        "Ada",
    );
    assert!(us.contains("November 23, 2026"), "{us}");
    let ja = text_with(
        GoodbyeOptions {
            now,
            language_code: "ja".into(),
            timezone: "Asia/Tokyo".into(),
            ..Default::default()
        },
        "Ada",
    );
    assert!(ja.contains("2026年11月24日"), "{ja}");
}

#[test]
fn generator_sequence_matches_one_shot_and_batch() {
    let options = GoodbyeOptions {
        language_code: "de-DE".into(),
        ..seeded(99)
    };
    let g = Generator::new(options.clone()).unwrap();
    let first = g.generate();
    assert_eq!(first.text, generate_goodbye(options.clone()).unwrap());
    assert!(
        first.template_id.starts_with("de-DE/"),
        "{}",
        first.template_id
    );
    let rest: Vec<Goodbye> = (0..4).map(|_| g.generate()).collect();
    let again = Generator::new(options).unwrap().generate_batch(5);
    assert_eq!(again[0], first);
    assert_eq!(again[1..], rest[..]);
}

#[test]
fn generator_reports_languages_and_stats() {
    let g = Generator::new(GoodbyeOptions::default()).unwrap();
    let mut languages = g.languages();
    languages.sort();
    assert_eq!(languages, supported_languages());
    let stats = g.stats();
    assert_eq!(stats.len(), languages.len());
    assert!(stats.values().all(|&n| n >= 40), "{stats:?}");
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn custom_corpus_renders_with_its_defaults() {
    let corpus = "# mine\n[nl-NL]\n@name = Vriend\nDag {name}, tot ziens op {date}!\n";
    let options = GoodbyeOptions {
        language_code: "nl".into(),
        now: at(1_795_442_700),
        ..seeded(1)
    };
    let g = Generator::with_corpus(corpus, options).unwrap();
    let goodbye = g.generate();
    assert_eq!(goodbye.text, "Dag Vriend, tot ziens op 2026-11-23!");
    assert_eq!(goodbye.template_id, "nl-NL/001");
    assert_eq!(g.stats().get("nl-NL"), Some(&1));
}

#[test]
fn corpus_errors_name_the_line() {
    let cases: [(&str, u32); 8] = [
        ("Hello {name}\n", 1),
        ("# c\n\n[en-GB]\nBye {name\n", 4),
        ("[en-GB]\nBye }\n", 2),
        ("[english]\nBye\n", 1),
        ("[en-GB]\n@colour = red\nBye\n", 2),
        ("[en-GB]\nBye\n[en-GB]\nBye\n", 3),
        ("[en-GB]\n[fr-FR]\nSalut\n", 2),
        ("# nothing here\n", 1),
    ];
    for (text, line) in cases {
        match Generator::with_corpus(text, GoodbyeOptions::default()) {
            Err(GoodbyeError::CorpusLoad {
                line: got, message, ..
            }) => {
                assert_eq!(got, line, "{text:?}: {message}");
                assert!(message.contains(&format!("line {line}")), "{message}");
            }
            other => panic!("{text:?}: {:?}", other.err()),
        }
    }
}

#[test]
fn unknown_template_variables_are_template_variable_errors() {
    let err = Generator::with_corpus(
        "[en-GB]\nBye {name}\nBye {nmae}\n",
        GoodbyeOptions::default(),
    )
    .err();
    let Some(GoodbyeError::TemplateVariable {
        variable,
        template_id,
        message,
    }) = err
    else {
        panic!("{err:?}")
    };
    assert_eq!(
        (variable.as_str(), template_id.as_str()),
        ("nmae", "en-GB/002")
    );
    assert!(
        message.contains("{nmae}") && message.contains("{location}"),
        "{message}"
    );
}

#[test]
fn literal_braces_and_emoji_off_in_custom_corpora() {
    let corpus = "[en-GB]\n👋 Bye {{not a variable}} 🎉 {name} ✨\n";
    let g = Generator::with_corpus(
        corpus,
        GoodbyeOptions {
            use_emojis: false,
            ..seeded(1)
        },
    )
    .unwrap();
    assert_eq!(g.generate().text, "Bye {not a variable} Good Soul");
}

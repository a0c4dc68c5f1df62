//! `Generator::with_corpus` on arbitrary text, and rendering what parses.

use std::time::{Duration, UNIX_EPOCH};

use joyous_departures::{Generator, GoodbyeError, GoodbyeOptions};

/// The code in the first `[...]` line, so a corpus that parses is rendered
/// in one of its own languages (a guess: the parser decides what is valid).
fn first_section(text: &str) -> String {
    text.lines()
        .find_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']'))
        .unwrap_or("en-GB")
        .to_owned()
}

/// One corpus text through the parser and, when it parses, the renderer;
/// panics when a property fails.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let code = first_section(&text);
    for use_emojis in [true, false] {
        let options = GoodbyeOptions {
            language_code: code.clone(),
            use_emojis,
            seed: Some(u64::from(data.len() as u32)),
            now: Some(UNIX_EPOCH + Duration::from_secs(1_795_442_700)),
            ..Default::default()
        };
        match Generator::with_corpus(&text, options) {
            Err(e) => return check_error(&text, &code, &e),
            Ok(generator) => check_generator(&generator, use_emojis),
        }
    }
}

fn check_generator(generator: &Generator, use_emojis: bool) {
    let languages = generator.languages();
    assert!(!languages.is_empty());
    let stats = generator.stats();
    assert_eq!(
        stats.len(),
        languages.len(),
        "stats {stats:?} vs {languages:?}"
    );
    for code in &languages {
        assert!(stats.get(code).is_some_and(|&n| n > 0), "{code}: {stats:?}");
    }
    for goodbye in generator.generate_batch(4) {
        assert!(languages.contains(&goodbye.language_code), "{goodbye:?}");
        assert!(
            goodbye
                .template_id
                .starts_with(&format!("{}/", goodbye.language_code)),
            "{goodbye:?}"
        );
        if !use_emojis {
            assert!(
                !crate::has_emoji(&goodbye.text),
                "emoji left with use_emojis = false: {goodbye:?}"
            );
        }
    }
}

fn check_error(text: &str, code: &str, error: &GoodbyeError) {
    match error {
        GoodbyeError::CorpusLoad {
            message,
            line,
            content,
        } => {
            assert!(*line >= 1, "{error:?}");
            let lines = text.lines().count();
            if content.is_empty() {
                // Only the end-of-text errors name no line's content: they name the last line.
                assert_eq!(*line as usize, lines.max(1), "{error:?}");
            } else {
                assert_eq!(
                    text.lines().nth(*line as usize - 1),
                    Some(content.as_str()),
                    "CorpusLoad names a line that is not the input's line {line}"
                );
            }
            assert!(
                message.contains(&format!("corpus line {line}")),
                "{error:?}"
            );
        }
        GoodbyeError::TemplateVariable {
            message,
            variable,
            template_id,
        } => {
            assert!(text.contains(&format!("{{{variable}}}")), "{error:?}");
            let (_, number) = template_id.split_once('/').expect("template id has a `/`");
            assert!(number.parse::<u32>().is_ok_and(|n| n >= 1), "{error:?}");
            assert!(message.contains(variable.as_str()), "{error:?}");
        }
        GoodbyeError::InvalidLanguageCode { code: got, .. } => assert_eq!(got, code, "{error:?}"),
        other => panic!("with_corpus gave {other:?}"),
    }
}

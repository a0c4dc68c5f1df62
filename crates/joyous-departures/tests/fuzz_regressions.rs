//! Inputs the fuzz targets (fuzz/, `cargo xtask fuzz`) found wrong, each kept
//! as an ordinary test next to the fix. docs/maintainers.md says how to add one.

use std::time::{Duration, UNIX_EPOCH};

use joyous_departures::*;

fn options(language_code: &str, use_emojis: bool) -> GoodbyeOptions {
    GoodbyeOptions {
        language_code: language_code.into(),
        use_emojis,
        seed: Some(1),
        now: Some(UNIX_EPOCH + Duration::from_secs(1_795_442_700)),
        ..Default::default()
    }
}

fn is_emoji(c: char) -> bool {
    // Pictographs and the joiners/selectors around them, by block, not by the core's classifier.
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
}

/// Found by the `corpus` target: a section's `@name` / `@location` default
/// kept its emoji under `use_emojis = false`, where templates and caller
/// values lose theirs.
#[test]
fn emoji_off_removes_emoji_from_a_sections_defaults() {
    let corpus =
        "[ja-JP]\n@name = Ada 🎉\n@location = 世界 👋\n{name}、{location}の思い出を胸に！\n";
    let plain = Generator::with_corpus(corpus, options("ja-JP", false)).unwrap();
    let text = plain.generate().text;
    assert_eq!(text, "Ada、世界の思い出を胸に！");
    assert!(!text.chars().any(is_emoji), "{text:?}");
    // With emoji on, the defaults are used as written.
    let with = Generator::with_corpus(corpus, options("ja-JP", true)).unwrap();
    assert_eq!(with.generate().text, "Ada 🎉、世界 👋の思い出を胸に！");
}

/// The same rule as for templates: a default that is only emoji would render
/// as nothing with emoji off, so the corpus is refused, naming the line.
#[test]
fn a_default_that_is_only_emoji_is_a_corpus_error() {
    let corpus = "[en-GB]\n@name = 🎉 👋\nBye {name}!\n";
    match Generator::with_corpus(corpus, options("en-GB", true)) {
        Err(GoodbyeError::CorpusLoad {
            line,
            content,
            message,
        }) => {
            assert_eq!((line, content.as_str()), (2, "@name = 🎉 👋"));
            assert!(message.contains("besides emoji"), "{message}");
        }
        other => panic!(
            "expected CorpusLoad for line 2, got {:?}",
            other.map(|g| g.generate())
        ),
    }
}

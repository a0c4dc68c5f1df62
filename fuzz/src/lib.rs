//! What the fuzz targets feed the core and what they check about every answer:
//! no panic, and either a text or a `GoodbyeError` whose fields name the bad
//! value. A broken property panics, which libFuzzer reports as a crash.

pub mod corpus;
pub mod options;

use unicode_properties::UnicodeEmoji;

/// The core's definition of an emoji (docs/corpus-format.md), asked of Unicode directly.
pub fn has_emoji(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_ascii() && c.is_emoji_char_or_emoji_component())
}

//! Emoji removal for `use_emojis = false`.
//!
//! An emoji is any non-ASCII character with Unicode's `Emoji` or
//! `Emoji_Component` property (UTS #51): pictographs, skin tones, ZWJ, VS16,
//! regional indicators, tags, keycaps. ASCII digits, `#` and `*` carry the
//! property too but are text, so they stay. Removing an emoji that stood
//! between spaces also removes one of the spaces, so "Bye 👋 now" -> "Bye now".

use std::borrow::Cow;
use unicode_properties::UnicodeEmoji;

pub(crate) fn is_emoji(c: char) -> bool {
    !c.is_ascii() && c.is_emoji_char_or_emoji_component()
}

/// Remove every emoji from a whole line.
pub(crate) fn strip(text: &str) -> Cow<'_, str> {
    strip_edges(text, true, true)
}

/// Remove every emoji from `text`, a piece of a line; `at_start` / `at_end`
/// say whether the piece begins or ends the line (only there are spaces left
/// next to a removed emoji trimmed away).
pub(crate) fn strip_edges(text: &str, at_start: bool, at_end: bool) -> Cow<'_, str> {
    if !text.chars().any(is_emoji) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_emoji(c) {
            out.push(c);
            continue;
        }
        // Skip this emoji and any that follow it, with the single spaces between them.
        loop {
            while chars.peek().is_some_and(|&c| is_emoji(c)) {
                chars.next();
            }
            let mut lookahead = chars.clone();
            if lookahead.next() == Some(' ') && lookahead.peek().is_some_and(|&c| is_emoji(c)) {
                chars.next();
            } else {
                break;
            }
        }
        let line_start = at_start && out.is_empty();
        if (out.ends_with(' ') || line_start) && chars.peek() == Some(&' ') {
            chars.next();
        }
    }
    if at_end && chars_were_removed_at_end(text) {
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
    }
    Cow::Owned(out)
}

/// True when the piece ends with an emoji (possibly followed by spaces), so
/// the space that separated it from the text before is now trailing.
fn chars_were_removed_at_end(text: &str) -> bool {
    text.trim_end_matches(' ')
        .chars()
        .next_back()
        .is_some_and(is_emoji)
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn removes_emoji_and_the_space_that_separated_it() {
        assert_eq!(strip("Bye 👋 take care"), "Bye take care");
        assert_eq!(strip("👋 Bye"), "Bye");
        assert_eq!(strip("Bye! 👋"), "Bye!");
        assert_eq!(strip("Bye 👋 🎉 ✨ now"), "Bye now");
        assert_eq!(strip("またね！ 👋"), "またね！");
        assert_eq!(strip("Bye👋"), "Bye");
    }

    #[test]
    fn handles_sequences_and_modifiers() {
        // ZWJ family, skin tone, flag, text-default heart with VS16, keycap.
        assert_eq!(strip("a 👨\u{200D}👩\u{200D}👧 b"), "a b");
        assert_eq!(strip("a 👋🏽 b"), "a b");
        assert_eq!(strip("a 🇬🇧 b"), "a b");
        assert_eq!(strip("a ❤\u{FE0F} b"), "a b");
        assert_eq!(strip("a 1\u{FE0F}\u{20E3} b"), "a 1 b");
    }

    #[test]
    fn leaves_text_alone() {
        assert_eq!(
            strip("Tschüss, Ada! 14:05 #1 *"),
            "Tschüss, Ada! 14:05 #1 *"
        );
        assert_eq!(strip("  keep  my   spacing "), "  keep  my   spacing ");
        assert!(matches!(strip("plain"), std::borrow::Cow::Borrowed(_)));
    }
}

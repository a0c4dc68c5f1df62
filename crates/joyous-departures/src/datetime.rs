//! `{date}` and `{time}` text per language, from a local date and time.
//!
//! Formatting is ours, not the platform's, so that native and wasm builds
//! (whose zone lookups differ, see platform.rs) print the very same text.

/// The instants `{date}` and `{time}` can show, in Unix milliseconds: jiff's
/// `Timestamp` range (years -9999 to 9999 in every zone). Instants outside it
/// clamp to the nearest end on every platform, so a wasm build (whose host
/// Intl reaches year 275760) prints what a native one does.
pub(crate) const MIN_UNIX_MILLIS: i64 = -377_705_023_201_000;
pub(crate) const MAX_UNIX_MILLIS: i64 = 253_402_207_200_999;

/// A wall-clock date and time in some time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocalDateTime {
    pub(crate) year: i32,
    pub(crate) month: u8,
    pub(crate) day: u8,
    pub(crate) hour: u8,
    pub(crate) minute: u8,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const MONTHS_PT: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// The long date for a canonical language code (`en-GB`): "23 November 2026",
/// "November 23, 2026", "23 novembre 2026", "23. November 2026",
/// "23 de noviembre de 2026", "2026年11月23日". Languages without a format of
/// their own get ISO 8601, "2026-11-23".
pub(crate) fn format_date(language_code: &str, t: &LocalDateTime) -> String {
    let (y, m, d) = (t.year, usize::from(t.month - 1), t.day);
    match language_code {
        "en-US" => format!("{} {d}, {y}", MONTHS_EN[m]),
        _ => match language_code.split('-').next().unwrap_or_default() {
            "en" => format!("{d} {} {y}", MONTHS_EN[m]),
            "fr" => format!("{d} {} {y}", MONTHS_FR[m]),
            "it" => format!("{d} {} {y}", MONTHS_IT[m]),
            "de" => format!("{d}. {} {y}", MONTHS_DE[m]),
            "es" => format!("{d} de {} de {y}", MONTHS_ES[m]),
            "pt" => format!("{d} de {} de {y}", MONTHS_PT[m]),
            "ja" => format!("{y}年{}月{d}日", t.month),
            _ => format!("{y:04}-{:02}-{d:02}", t.month),
        },
    }
}

/// The clock time: "2:05 PM" for en-US, "14:05" everywhere else.
pub(crate) fn format_time(language_code: &str, t: &LocalDateTime) -> String {
    if language_code == "en-US" {
        let hour12 = match t.hour % 12 {
            0 => 12,
            h => h,
        };
        let suffix = if t.hour < 12 { "AM" } else { "PM" };
        format!("{hour12}:{:02} {suffix}", t.minute)
    } else {
        format!("{:02}:{:02}", t.hour, t.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFTERNOON: LocalDateTime = LocalDateTime {
        year: 2026,
        month: 11,
        day: 3,
        hour: 14,
        minute: 5,
    };
    const MIDNIGHT: LocalDateTime = LocalDateTime {
        year: 2026,
        month: 1,
        day: 9,
        hour: 0,
        minute: 0,
    };

    #[test]
    fn dates_follow_each_language() {
        let cases = [
            ("en-GB", "3 November 2026"),
            ("en-US", "November 3, 2026"),
            ("fr-FR", "3 novembre 2026"),
            ("de-DE", "3. November 2026"),
            ("es-ES", "3 de noviembre de 2026"),
            ("it-IT", "3 novembre 2026"),
            ("pt-BR", "3 de novembro de 2026"),
            ("ja-JP", "2026年11月3日"),
            ("nl-NL", "2026-11-03"),
        ];
        for (code, expected) in cases {
            assert_eq!(format_date(code, &AFTERNOON), expected, "{code}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_clamp_is_jiffs_range() {
        assert_eq!(MIN_UNIX_MILLIS, jiff::Timestamp::MIN.as_millisecond());
        assert_eq!(MAX_UNIX_MILLIS, jiff::Timestamp::MAX.as_millisecond());
    }

    #[test]
    fn times_are_24h_except_en_us() {
        assert_eq!(format_time("en-GB", &AFTERNOON), "14:05");
        assert_eq!(format_time("en-US", &AFTERNOON), "2:05 PM");
        assert_eq!(format_time("en-US", &MIDNIGHT), "12:00 AM");
        assert_eq!(format_time("ja-JP", &MIDNIGHT), "00:00");
    }
}

//! The proc-macro half of the API (objects are in `counter.rs`). Several of
//! these items take or return types declared in the UDL.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, SystemTime};

use crate::udl::{Color, Integers, Settings, Shape};

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_u32(value: u32) -> u32 {
    value
}

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_i32(value: i32) -> i32 {
    value
}

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_u64(value: u64) -> u64 {
    value
}

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_i64(value: i64) -> i64 {
    value
}

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_integers(value: Integers) -> Integers {
    value
}

/// Every field plus one, wrapping: the maximum of a type becomes its minimum.
#[uniffi::export]
pub fn increment_integers(value: Integers) -> Integers {
    Integers {
        value_u8: value.value_u8.wrapping_add(1),
        value_i8: value.value_i8.wrapping_add(1),
        value_u16: value.value_u16.wrapping_add(1),
        value_i16: value.value_i16.wrapping_add(1),
        value_u32: value.value_u32.wrapping_add(1),
        value_i32: value.value_i32.wrapping_add(1),
        value_u64: value.value_u64.wrapping_add(1),
        value_i64: value.value_i64.wrapping_add(1),
    }
}

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_f64(value: f64) -> f64 {
    value
}

/// The arithmetic mean of `values`; none for an empty list.
#[uniffi::export]
pub fn mean(values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// `data` with its bytes in reverse order.
#[uniffi::export]
pub fn reverse_bytes(data: Vec<u8>) -> Vec<u8> {
    let mut data = data;
    data.reverse();
    data
}

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_duration(value: Duration) -> Duration {
    value
}

/// The time between two instants, whichever comes first.
#[uniffi::export]
pub fn time_between(start: SystemTime, end: SystemTime) -> Duration {
    match end.duration_since(start) {
        Ok(forward) => forward,
        Err(backward) => backward.duration(),
    }
}

/// Returns `value` unchanged.
#[uniffi::export]
pub fn echo_optional_u64(value: Option<u64>) -> Option<u64> {
    value
}

/// A point on an integer grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Coord {
    /// Horizontal position.
    pub x: i32,
    /// Vertical position.
    pub y: i32,
}

/// `coord`, or `(0, 0)` when there is none.
#[uniffi::export]
pub fn coord_or_origin(coord: Option<Coord>) -> Coord {
    coord.unwrap_or(Coord { x: 0, y: 0 })
}

/// The first of `coords`; none for an empty list.
#[uniffi::export]
pub fn first_coord(coords: Vec<Coord>) -> Option<Coord> {
    coords.first().copied()
}

/// A nested record: records, an optional record, a list of records, enums.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Route {
    /// What the route is called.
    pub name: String,
    /// Where it starts.
    pub start: Coord,
    /// Where it ends; an open route has no end.
    pub finish: Option<Coord>,
    /// The points passed on the way, in order.
    pub stops: Vec<Coord>,
    /// The color it is drawn in.
    pub color: Color,
    /// The shape drawn at each stop, if any.
    pub marker: Option<Shape>,
}

/// The same route travelled backwards: `start` and `finish` swap (an open
/// route keeps its start) and `stops` reverse; everything else is unchanged.
#[uniffi::export]
pub fn reverse_route(route: Route) -> Route {
    let mut route = route;
    if let Some(finish) = route.finish {
        route.finish = Some(route.start);
        route.start = finish;
    }
    route.stops.reverse();
    route
}

/// `values` split into `"even"` and `"odd"`, each in the original order; a key
/// is present only when it has values.
#[uniffi::export]
pub fn group_by_parity(values: Vec<i32>) -> HashMap<String, Vec<i32>> {
    let mut groups: HashMap<String, Vec<i32>> = HashMap::new();
    for value in values {
        let key = if value % 2 == 0 { "even" } else { "odd" };
        groups.entry(key.to_owned()).or_default().push(value);
    }
    groups
}

/// All values of all groups, the groups taken in key order.
#[uniffi::export]
pub fn flatten_groups(groups: HashMap<String, Vec<i32>>) -> Vec<i32> {
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort();
    keys.into_iter()
        .flat_map(|k| groups[k].iter().copied())
        .collect()
}

/// The distinct words of `words`.
#[uniffi::export]
pub fn unique_words(words: Vec<String>) -> HashSet<String> {
    words.into_iter().collect()
}

/// The members of `words`, sorted.
#[uniffi::export]
pub fn sorted_words(words: HashSet<String>) -> Vec<String> {
    let mut words: Vec<String> = words.into_iter().collect();
    words.sort();
    words
}

/// A proc-macro record with one required field and defaults of several kinds.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Page {
    /// Who wrote it; required.
    pub author: String,
    /// A string default.
    #[uniffi(default = "untitled")]
    pub title: String,
    /// An integer default.
    #[uniffi(default = 1)]
    pub number: u32,
    /// A boolean default.
    #[uniffi(default = true)]
    pub draft: bool,
    /// An optional field that defaults to none.
    #[uniffi(default = None)]
    pub subtitle: Option<String>,
    /// A list that defaults to empty (the type's `Default`).
    #[uniffi(default)]
    pub lines: Vec<String>,
}

impl Page {
    /// A page by `author` with every other field at its declared default.
    pub fn new(author: impl Into<String>) -> Self {
        Self {
            author: author.into(),
            title: "untitled".to_owned(),
            number: 1,
            draft: true,
            subtitle: None,
            lines: Vec::new(),
        }
    }
}

/// A page by `author` with every other field at its default.
#[uniffi::export]
pub fn default_page(author: String) -> Page {
    Page::new(author)
}

/// Every field of `page` as `name=value` pairs, one line, in field order; an
/// absent subtitle is `-`, lines are joined by `|`.
#[uniffi::export]
pub fn describe_page(page: Page) -> String {
    format!(
        "author={} title={} number={} draft={} subtitle={} lines=[{}]",
        page.author,
        page.title,
        page.number,
        page.draft,
        page.subtitle.as_deref().unwrap_or("-"),
        page.lines.join("|"),
    )
}

/// A rich error: its variants carry fields of several types.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error, thiserror::Error)]
pub enum ValidationError {
    /// The name is empty; no fields.
    #[error("the name is empty")]
    Empty,
    /// The name has more characters than allowed; it has a `message` field.
    #[error("{message}")]
    TooLong {
        /// What was wrong.
        message: String,
        /// The length of the name, in characters.
        length: u32,
        /// The most characters allowed.
        max_length: u32,
    },
    /// The name contains a character that is not allowed; no `message` field.
    #[error("invalid character `{character}` at position {position}")]
    InvalidCharacter {
        /// The offending character.
        character: String,
        /// Its position in the name, in characters from 0.
        position: u64,
    },
}

/// `name` in lower case, if it is a valid user name: 1 to `max_length`
/// characters (Unicode scalar values), each a letter, digit, `_` or `-`.
#[uniffi::export(default(max_length = 16))]
pub fn validate_username(name: String, max_length: u32) -> Result<String, ValidationError> {
    if name.is_empty() {
        return Err(ValidationError::Empty);
    }
    let length = name.chars().count();
    if length > max_length as usize {
        return Err(ValidationError::TooLong {
            message: format!("the name has {length} characters, at most {max_length} are allowed"),
            length: u32::try_from(length).unwrap_or(u32::MAX),
            max_length,
        });
    }
    if let Some((position, character)) = name
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(ValidationError::InvalidCharacter {
            character: character.to_string(),
            position: position as u64,
        });
    }
    Ok(name.to_lowercase())
}

/// `words` joined by `separator`, upper-cased when `uppercase` is set.
#[uniffi::export(default(separator = " ", uppercase = false))]
pub fn join_words(words: Vec<String>, separator: String, uppercase: bool) -> String {
    let joined = words.join(&separator);
    if uppercase {
        joined.to_uppercase()
    } else {
        joined
    }
}

/// `<label>: ` then `settings` as `describe_settings` writes them. `settings`
/// may be left out: a record argument whose declared default is the record
/// with every field at its own default.
#[uniffi::export(default(settings))]
pub fn label_settings(label: String, settings: Settings) -> String {
    format!("{label}: {}", crate::udl::describe_settings(settings))
}

/// Panics with exactly `message`; never returns.
#[uniffi::export]
pub fn panic_with(message: String) -> String {
    panic!("{message}")
}

/// `items` without the item at `index` (unchanged when `index` is past the end).
/// Its name is a reserved word in JavaScript.
#[uniffi::export]
pub fn delete(items: Vec<String>, index: u32) -> Vec<String> {
    let mut items = items;
    if (index as usize) < items.len() {
        items.remove(index as usize);
    }
    items
}

/// A URL, held as its text, which always has a `scheme://` prefix. A custom
/// type: the bindings see a string, and a string without `scheme://` is
/// rejected as it crosses into Rust (an internal error, not a typed one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url(String);

/// Why a text is not a [`Url`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a URL (no `scheme://` prefix): {0:?}")]
pub struct NotAUrl(pub String);

impl Url {
    /// `text` as a URL, if it starts with a non-empty `scheme://`.
    pub fn parse(text: impl Into<String>) -> Result<Self, NotAUrl> {
        let text = text.into();
        match text.split_once("://") {
            Some((scheme, _)) if !scheme.is_empty() => Ok(Self(text)),
            _ => Err(NotAUrl(text)),
        }
    }

    /// The URL's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

uniffi::custom_type!(
    /// A URL such as `https://example.org/`; in the bindings, its text. A text
    /// without a `scheme://` prefix is rejected.
    Url, String, {
        lower: |url| url.0,
        try_lift: |text| Ok(Url::parse(text)?),
    }
);

/// `base` with `path` appended, with exactly one `/` between them.
#[uniffi::export]
pub fn url_with_path(base: Url, path: String) -> Url {
    Url(format!(
        "{}/{}",
        base.0.trim_end_matches('/'),
        path.trim_start_matches('/')
    ))
}

/// The scheme of `url`: the text before `://`.
#[uniffi::export]
pub fn url_scheme(url: Url) -> String {
    url.0
        .split_once("://")
        .map(|(scheme, _)| scheme.to_owned())
        .unwrap_or_default()
}

/// A proc-macro enum whose variants carry data.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Token {
    /// A word.
    Word {
        /// Its text.
        text: String,
    },
    /// A whole number.
    Number {
        /// Its value.
        value: i64,
    },
    /// The end of the input; no data.
    End,
}

/// The whitespace-separated tokens of `text` (a token that parses as an `i64`
/// is a `Number`, any other a `Word`), followed by `End`.
#[uniffi::export]
pub fn tokenize(text: String) -> Vec<Token> {
    text.split_whitespace()
        .map(|word| match word.parse::<i64>() {
            Ok(value) => Token::Number { value },
            Err(_) => Token::Word {
                text: word.to_owned(),
            },
        })
        .chain(std::iter::once(Token::End))
        .collect()
}

/// `word <text>`, `number <value>` or `end`.
#[uniffi::export]
pub fn describe_token(token: Token) -> String {
    match token {
        Token::Word { text } => format!("word {text}"),
        Token::Number { value } => format!("number {value}"),
        Token::End => "end".to_owned(),
    }
}

/// A proc-macro flat enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Direction {
    /// Up.
    North,
    /// Right.
    East,
    /// Down.
    South,
    /// Left.
    West,
}

/// The direction a quarter turn clockwise from `direction`.
#[uniffi::export]
pub fn turn_right(direction: Direction) -> Direction {
    match direction {
        Direction::North => Direction::East,
        Direction::East => Direction::South,
        Direction::South => Direction::West,
        Direction::West => Direction::North,
    }
}

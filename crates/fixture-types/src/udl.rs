//! The items declared in `src/fixture_types.udl`. Their docs live in the UDL
//! (that is what the bindings show); the comments here are for Rust readers.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

/// One field of each integer type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Integers {
    pub value_u8: u8,
    pub value_i8: i8,
    pub value_u16: u16,
    pub value_i16: i16,
    pub value_u32: u32,
    pub value_i32: i32,
    pub value_u64: u64,
    pub value_i64: i64,
}

/// A record whose fields all have defaults; `Default` matches the UDL's.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub name: String,
    pub retries: u32,
    pub verbose: bool,
    pub nickname: Option<String>,
    pub tags: Vec<String>,
    pub color: Color,
    pub ratio: f64,
    pub limits: HashMap<String, u64>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            name: "fixture".to_owned(),
            retries: 3,
            verbose: false,
            nickname: None,
            tags: Vec::new(),
            color: Color::Green,
            ratio: 0.5,
            limits: HashMap::new(),
        }
    }
}

/// A flat enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Color {
    Red,
    Green,
    Blue,
}

/// An enum whose variants carry data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Circle { radius: f64 },
    Rectangle { width: f64, height: f64 },
    Point,
}

/// A flat error: the bindings see the variant and this `Display` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ArithmeticError {
    #[error("division by zero")]
    DivisionByZero,
    #[error("integer overflow")]
    Overflow,
}

/// Returns `value` unchanged.
pub fn echo_u8(value: u8) -> u8 {
    value
}

/// Returns `value` unchanged.
pub fn echo_i8(value: i8) -> i8 {
    value
}

/// Returns `value` unchanged.
pub fn echo_u16(value: u16) -> u16 {
    value
}

/// Returns `value` unchanged.
pub fn echo_i16(value: i16) -> i16 {
    value
}

/// Every integer field at the minimum of its type.
pub fn integers_min() -> Integers {
    Integers {
        value_u8: u8::MIN,
        value_i8: i8::MIN,
        value_u16: u16::MIN,
        value_i16: i16::MIN,
        value_u32: u32::MIN,
        value_i32: i32::MIN,
        value_u64: u64::MIN,
        value_i64: i64::MIN,
    }
}

/// Every integer field at the maximum of its type.
pub fn integers_max() -> Integers {
    Integers {
        value_u8: u8::MAX,
        value_i8: i8::MAX,
        value_u16: u16::MAX,
        value_i16: i16::MAX,
        value_u32: u32::MAX,
        value_i32: i32::MAX,
        value_u64: u64::MAX,
        value_i64: i64::MAX,
    }
}

/// Returns `value` unchanged.
pub fn echo_f32(value: f32) -> f32 {
    value
}

/// Returns `!value`.
pub fn negate(value: bool) -> bool {
    !value
}

/// Returns `value` unchanged.
pub fn echo_string(value: String) -> String {
    value
}

/// `text` in upper case, by Unicode rules (`straße` becomes `STRASSE`).
pub fn shout(text: String) -> String {
    text.to_uppercase()
}

/// Returns `when` unchanged.
pub fn echo_timestamp(when: SystemTime) -> SystemTime {
    when
}

/// The instant `by` after `when`.
pub fn add_duration(when: SystemTime, by: Duration) -> SystemTime {
    when + by
}

/// Returns `value` unchanged.
pub fn echo_optional_string(value: Option<String>) -> Option<String> {
    value
}

/// The whitespace-separated words of `text`, in order.
pub fn split_words(text: String) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

/// How often each word occurs in `words`.
pub fn count_words(words: Vec<String>) -> HashMap<String, u64> {
    let mut counts = HashMap::new();
    for word in words {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// The sum of all counts; fails with `Overflow` when it exceeds `u64`.
pub fn total_count(counts: HashMap<String, u64>) -> Result<u64, ArithmeticError> {
    counts
        .values()
        .try_fold(0u64, |sum, &n| sum.checked_add(n))
        .ok_or(ArithmeticError::Overflow)
}

/// `dividend / divisor`, rounded toward zero. Fails with `DivisionByZero`
/// when `divisor` is 0 and with `Overflow` for `i32::MIN / -1`.
pub fn checked_divide(dividend: i32, divisor: i32) -> Result<i32, ArithmeticError> {
    if divisor == 0 {
        return Err(ArithmeticError::DivisionByZero);
    }
    dividend
        .checked_div(divisor)
        .ok_or(ArithmeticError::Overflow)
}

/// A `Settings` with every field at its default.
pub fn default_settings() -> Settings {
    Settings::default()
}

/// Every field of `settings` as `name=value` pairs, one line, in field order:
/// `name=fixture retries=3 verbose=false nickname=- tags=[] color=Green ratio=0.5 limits={}`
/// for the defaults; `limits` is sorted by key, an absent nickname is `-`.
pub fn describe_settings(settings: Settings) -> String {
    let mut limits: Vec<_> = settings.limits.iter().collect();
    limits.sort();
    let limits: Vec<String> = limits.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    format!(
        "name={} retries={} verbose={} nickname={} tags=[{}] color={:?} ratio={} limits={{{}}}",
        settings.name,
        settings.retries,
        settings.verbose,
        settings.nickname.as_deref().unwrap_or("-"),
        settings.tags.join(","),
        settings.color,
        settings.ratio,
        limits.join(","),
    )
}

/// The area of `shape`; a point has none.
pub fn area(shape: Shape) -> f64 {
    match shape {
        Shape::Circle { radius } => std::f64::consts::PI * radius * radius,
        Shape::Rectangle { width, height } => width * height,
        Shape::Point => 0.0,
    }
}

/// `shape` with every length multiplied by `factor`.
pub fn scale_shape(shape: Shape, factor: f64) -> Shape {
    match shape {
        Shape::Circle { radius } => Shape::Circle {
            radius: radius * factor,
        },
        Shape::Rectangle { width, height } => Shape::Rectangle {
            width: width * factor,
            height: height * factor,
        },
        Shape::Point => Shape::Point,
    }
}

/// The color after `color`: none -> Red -> Green -> Blue -> none.
pub fn next_color(color: Option<Color>) -> Option<Color> {
    match color {
        None => Some(Color::Red),
        Some(Color::Red) => Some(Color::Green),
        Some(Color::Green) => Some(Color::Blue),
        Some(Color::Blue) => None,
    }
}

/// `text` repeated `times` times, joined by `separator`.
pub fn repeat_text(text: String, times: u32, separator: String) -> String {
    vec![text; times as usize].join(&separator)
}

/// Does nothing, takes nothing, returns nothing.
pub fn noop() {}

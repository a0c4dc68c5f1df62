//! The items declared in `src/tricky.udl`. Their docs live in the UDL (that is
//! what the bindings show); the comments here are for Rust readers.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

/// Named like the JS global `Map`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Map {
    pub entries: HashMap<String, String>,
    pub label: String,
}

/// Named like the JS global `Date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub at: SystemTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Un,
    Deux,
    Trois,
}

/// The UDL gives every field a default (`"DEUX"`, `"trois"`, `"Un"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leveled {
    pub level: Level,
    pub other: Level,
    pub plain: Level,
}

/// Named like the JS global `Error`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("nothing under key `{key}`")]
    NotFound { key: String },
    #[error("invalid value ({code}): {reason}")]
    Invalid { reason: String, code: u32 },
}

/// `name=value` pairs in order, joined by `,`: what every private-name callable returns.
pub(crate) fn join_pairs(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[allow(clippy::too_many_arguments)]
pub fn join_private_names(
    handle: String,
    raw: String,
    rt: String,
    glue: String,
    value: String,
    signal: String,
    status: String,
    buf: String,
    name: String,
    r: String,
    w: String,
    e: String,
    this: String,
) -> String {
    join_pairs(&[
        ("handle", &handle),
        ("raw", &raw),
        ("rt", &rt),
        ("glue", &glue),
        ("value", &value),
        ("signal", &signal),
        ("status", &status),
        ("buf", &buf),
        ("name", &name),
        ("r", &r),
        ("w", &w),
        ("e", &e),
        ("this", &this),
    ])
}

pub fn map_get(map: Map, key: String) -> Result<String, Error> {
    map.entries.get(&key).cloned().ok_or(Error::NotFound { key })
}

pub fn map_insert(map: Map, key: String, value: String) -> Map {
    let mut map = map;
    map.entries.insert(key, value);
    map
}

pub fn next_day(date: Date) -> Date {
    Date {
        day: date.day.wrapping_add(1),
        at: date.at + Duration::from_secs(86_400),
        ..date
    }
}

pub fn check_date(date: Date) -> Result<Date, Error> {
    if (1..=12).contains(&date.month) {
        Ok(date)
    } else {
        Err(Error::Invalid {
            reason: format!("month {} is not 1 to 12", date.month),
            code: 1,
        })
    }
}

pub fn describe_leveled(leveled: Leveled) -> String {
    format!(
        "level={:?},other={:?},plain={:?}",
        leveled.level, leveled.other, leveled.plain
    )
}

pub fn leveled_defaults() -> Leveled {
    Leveled {
        level: Level::Deux,
        other: Level::Trois,
        plain: Level::Un,
    }
}

pub fn next_level(level: Level) -> Level {
    match level {
        Level::Un => Level::Deux,
        Level::Deux => Level::Trois,
        Level::Trois => Level::Un,
    }
}

/// Keeps its constructor's arguments, already joined.
pub struct UdlJoiner {
    kept: String,
}

impl UdlJoiner {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        handle: String,
        raw: String,
        rt: String,
        glue: String,
        value: String,
        signal: String,
        status: String,
        buf: String,
        name: String,
        r: String,
        w: String,
        e: String,
        this: String,
    ) -> Self {
        let kept = join_private_names(
            handle, raw, rt, glue, value, signal, status, buf, name, r, w, e, this,
        );
        Self { kept }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn join(
        &self,
        handle: String,
        raw: String,
        rt: String,
        glue: String,
        value: String,
        signal: String,
        status: String,
        buf: String,
        name: String,
        r: String,
        w: String,
        e: String,
        this: String,
    ) -> String {
        let call = join_private_names(
            handle, raw, rt, glue, value, signal, status, buf, name, r, w, e, this,
        );
        format!("{}|{call}", self.kept)
    }
}

//! Everything that differs between native and wasm32 builds, and nothing else:
//! the current time, fresh randomness, and resolving an IANA zone to a local
//! date and time.
//!
//! Native: jiff with the system tz database (bundled where the OS has none).
//! wasm32: the host's `Intl.DateTimeFormat` (Workers, Node and browsers ship
//! ICU's zone data), so the .wasm carries no zone database; one formatter is
//! cached per zone because building it is the slow part.

use crate::datetime::LocalDateTime;

pub(crate) use imp::{fresh_seed, now_unix_millis, Zone};

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::LocalDateTime;

    #[derive(Debug, Clone)]
    pub(crate) struct Zone(jiff::tz::TimeZone);

    impl Zone {
        /// `Err` carries why the name was refused.
        pub(crate) fn resolve(name: &str) -> Result<Zone, String> {
            jiff::tz::TimeZone::get(name)
                .map(Zone)
                .map_err(|_| "no such zone in the time zone database".to_owned())
        }

        pub(crate) fn local(&self, unix_millis: i64) -> LocalDateTime {
            // The generator clamps to this range first (datetime::MAX_UNIX_MILLIS); kept as a net.
            let instant =
                jiff::Timestamp::from_millisecond(unix_millis).unwrap_or(if unix_millis < 0 {
                    jiff::Timestamp::MIN
                } else {
                    jiff::Timestamp::MAX
                });
            let local = self.0.to_datetime(instant);
            LocalDateTime {
                year: i32::from(local.year()),
                month: local.month() as u8,
                day: local.day() as u8,
                hour: local.hour() as u8,
                minute: local.minute() as u8,
            }
        }
    }

    pub(crate) fn now_unix_millis() -> i64 {
        jiff::Timestamp::now().as_millisecond()
    }

    pub(crate) fn fresh_seed() -> u64 {
        // The OS source cannot fail on supported platforms; the clock is a fallback.
        getrandom::u64().unwrap_or_else(|_| now_unix_millis() as u64)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::LocalDateTime;
    use js_sys::{Array, Intl, Object, Reflect};
    use std::{cell::RefCell, collections::HashMap};
    use wasm_bindgen::{prelude::wasm_bindgen, JsCast, JsValue};

    #[wasm_bindgen]
    extern "C" {
        // `Intl.DateTimeFormat` throws a RangeError for an unknown zone; `catch` makes it an Err.
        #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
        fn try_date_time_format(
            locales: &Array,
            options: &Object,
        ) -> Result<Intl::DateTimeFormat, JsValue>;

        // One call with a number in and a string out: measured several times
        // cheaper than `formatToParts`, whose parts each cost crossings.
        type NumericFormatter;
        #[wasm_bindgen(method, js_name = format)]
        fn format_millis(this: &NumericFormatter, unix_millis: f64) -> String;
    }

    thread_local! {
        static FORMATTERS: RefCell<HashMap<String, Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
    }

    #[derive(Debug, Clone)]
    pub(crate) struct Zone(String);

    fn formatter(zone: &str) -> Result<Intl::DateTimeFormat, String> {
        if let Some(f) = FORMATTERS.with(|m| m.borrow().get(zone).cloned()) {
            return Ok(f);
        }
        let options = Object::new();
        let set = |k: &str, v: &str| Reflect::set(&options, &k.into(), &v.into());
        for (k, v) in [
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
        ] {
            set(k, v).map_err(|_| "could not build Intl options".to_owned())?;
        }
        let locales = Array::of1(&JsValue::from_str("en-US"));
        let f = try_date_time_format(&locales, &options).map_err(|e| {
            let why = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()));
            format!(
                "the host's Intl time zone data refused it ({})",
                why.unwrap_or_default()
            )
        })?;
        FORMATTERS.with(|m| m.borrow_mut().insert(zone.to_owned(), f.clone()));
        Ok(f)
    }

    impl Zone {
        pub(crate) fn resolve(name: &str) -> Result<Zone, String> {
            formatter(name).map(|_| Zone(name.to_owned()))
        }

        pub(crate) fn local(&self, unix_millis: i64) -> LocalDateTime {
            let f = formatter(&self.0).expect("zone was resolved before");
            // en-US numeric with h23 reads "11/23/2026, 14:05": month, day,
            // year, hour, minute; `formatToParts` is the slow, exact fallback.
            parse_en_us(
                &f.unchecked_ref::<NumericFormatter>()
                    .format_millis(unix_millis as f64),
            )
            .unwrap_or_else(|| from_parts(&f, unix_millis))
        }
    }

    fn parse_en_us(text: &str) -> Option<LocalDateTime> {
        let mut numbers = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<i32>().ok());
        let mut next = || numbers.next().flatten();
        let (month, day, year, hour, minute) = (next()?, next()?, next()?, next()?, next()?);
        if next().is_some()
            || !(1..=12).contains(&month)
            || !(1..=31).contains(&day)
            || hour > 23
            || minute > 59
        {
            return None;
        }
        Some(LocalDateTime {
            year,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
        })
    }

    fn from_parts(f: &Intl::DateTimeFormat, unix_millis: i64) -> LocalDateTime {
        let date = js_sys::Date::new(&JsValue::from_f64(unix_millis as f64));
        let mut t = LocalDateTime {
            year: 1970,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
        };
        for part in f.format_to_parts(&date).iter() {
            let get = |k: &str| {
                Reflect::get(&part, &k.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let (Some(kind), Some(value)) = (get("type"), get("value")) else {
                continue;
            };
            let Ok(n) = value.parse::<i32>() else {
                continue;
            };
            match kind.as_str() {
                "year" => t.year = n,
                "month" => t.month = n as u8,
                "day" => t.day = n as u8,
                "hour" => t.hour = n as u8,
                "minute" => t.minute = n as u8,
                _ => {}
            }
        }
        t
    }

    pub(crate) fn now_unix_millis() -> i64 {
        js_sys::Date::now() as i64
    }

    pub(crate) fn fresh_seed() -> u64 {
        let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (half() << 32) | half()
    }
}

//! The fixture's behaviour as plain Rust calls (no FFI): what every binding of
//! it must reproduce.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fixture_types::*;

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

#[test]
fn small_integers_echo_their_extremes() {
    assert_eq!(echo_u8(u8::MIN), u8::MIN);
    assert_eq!(echo_u8(u8::MAX), u8::MAX);
    assert_eq!(echo_i8(i8::MIN), i8::MIN);
    assert_eq!(echo_i8(i8::MAX), i8::MAX);
    assert_eq!(echo_u16(u16::MAX), u16::MAX);
    assert_eq!(echo_i16(i16::MIN), i16::MIN);
    assert_eq!(echo_i16(i16::MAX), i16::MAX);
    assert_eq!(echo_u32(u32::MAX), u32::MAX);
    assert_eq!(echo_i32(i32::MIN), i32::MIN);
    assert_eq!(echo_i32(i32::MAX), i32::MAX);
}

#[test]
fn wide_integers_echo_their_extremes() {
    assert_eq!(echo_u64(u64::MIN), u64::MIN);
    assert_eq!(echo_u64(u64::MAX), u64::MAX);
    assert_eq!(echo_i64(i64::MIN), i64::MIN);
    assert_eq!(echo_i64(i64::MAX), i64::MAX);
}

#[test]
fn integers_record_holds_the_minimum_and_maximum_of_each_type() {
    let min = integers_min();
    let max = integers_max();
    assert_eq!(
        max,
        Integers {
            value_u8: 255,
            value_i8: 127,
            value_u16: 65_535,
            value_i16: 32_767,
            value_u32: 4_294_967_295,
            value_i32: 2_147_483_647,
            value_u64: 18_446_744_073_709_551_615,
            value_i64: 9_223_372_036_854_775_807,
        }
    );
    assert_eq!(
        min,
        Integers {
            value_u8: 0,
            value_i8: -128,
            value_u16: 0,
            value_i16: -32_768,
            value_u32: 0,
            value_i32: -2_147_483_648,
            value_u64: 0,
            value_i64: -9_223_372_036_854_775_808,
        }
    );
    assert_eq!(echo_integers(max), max);
    assert_eq!(echo_integers(min), min);
}

#[test]
fn incrementing_integers_wraps_each_maximum_to_its_minimum() {
    assert_eq!(increment_integers(integers_max()), integers_min());
    let one = increment_integers(Integers {
        value_u8: 0,
        value_i8: -1,
        value_u16: 0,
        value_i16: -1,
        value_u32: 0,
        value_i32: -1,
        value_u64: 0,
        value_i64: -1,
    });
    assert_eq!(
        one,
        Integers {
            value_u8: 1,
            value_i8: 0,
            value_u16: 1,
            value_i16: 0,
            value_u32: 1,
            value_i32: 0,
            value_u64: 1,
            value_i64: 0,
        }
    );
}

#[test]
fn floats_echo_exactly() {
    assert_eq!(echo_f32(1.5), 1.5);
    assert_eq!(echo_f32(f32::MAX), f32::MAX);
    assert_eq!(echo_f32(f32::INFINITY), f32::INFINITY);
    assert_eq!(echo_f64(0.1), 0.1);
    assert_eq!(echo_f64(-f64::MAX), -f64::MAX);
    assert!(echo_f64(f64::NAN).is_nan());
    assert_eq!(mean(vec![1.0, 2.0, 6.0]), Some(3.0));
    assert_eq!(mean(vec![]), None);
}

#[test]
fn booleans_negate() {
    assert!(negate(false));
    assert!(!negate(true));
}

#[test]
fn strings_round_trip_and_upper_case_by_unicode_rules() {
    for s in [
        "",
        "plain",
        "héllo wörld",
        "日本語",
        "emoji ✨🎉",
        "nul\0inside",
    ] {
        assert_eq!(echo_string(s.to_owned()), s);
    }
    assert_eq!(shout("straße".to_owned()), "STRASSE");
    assert_eq!(shout("ça va".to_owned()), "ÇA VA");
}

#[test]
fn bytes_reverse() {
    assert_eq!(reverse_bytes(vec![0, 1, 2, 255]), vec![255, 2, 1, 0]);
    assert_eq!(reverse_bytes(vec![]), Vec::<u8>::new());
}

#[test]
fn timestamps_and_durations_round_trip_and_add() {
    let when = UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
    assert_eq!(echo_timestamp(when), when);
    assert_eq!(
        add_duration(when, Duration::from_millis(1_500)),
        UNIX_EPOCH + Duration::from_millis(1_700_000_001_623)
    );
    let d = Duration::new(3, 250_000_000);
    assert_eq!(echo_duration(d), d);
    assert_eq!(echo_duration(Duration::ZERO), Duration::ZERO);
    let later = when + Duration::from_secs(90);
    assert_eq!(time_between(when, later), Duration::from_secs(90));
    assert_eq!(time_between(later, when), Duration::from_secs(90));
}

#[test]
fn options_round_trip() {
    assert_eq!(echo_optional_string(None), None);
    assert_eq!(echo_optional_string(Some("ü".into())), Some("ü".into()));
    assert_eq!(
        echo_optional_string(Some(String::new())),
        Some(String::new())
    );
    assert_eq!(echo_optional_u64(None), None);
    assert_eq!(echo_optional_u64(Some(0)), Some(0));
    assert_eq!(echo_optional_u64(Some(u64::MAX)), Some(u64::MAX));
}

#[test]
fn optional_records_and_enums() {
    assert_eq!(coord_or_origin(None), Coord { x: 0, y: 0 });
    assert_eq!(
        coord_or_origin(Some(Coord { x: -3, y: 4 })),
        Coord { x: -3, y: 4 }
    );
    assert_eq!(first_coord(vec![]), None);
    assert_eq!(
        first_coord(vec![Coord { x: 1, y: 2 }, Coord { x: 3, y: 4 }]),
        Some(Coord { x: 1, y: 2 })
    );
    assert_eq!(next_color(None), Some(Color::Red));
    assert_eq!(next_color(Some(Color::Red)), Some(Color::Green));
    assert_eq!(next_color(Some(Color::Green)), Some(Color::Blue));
    assert_eq!(next_color(Some(Color::Blue)), None);
}

#[test]
fn sequences_of_strings() {
    assert_eq!(
        split_words("  one two\tthree\n".into()),
        strings(&["one", "two", "three"])
    );
    assert!(split_words("   ".into()).is_empty());
    assert_eq!(delete(strings(&["a", "b", "c"]), 1), strings(&["a", "c"]));
    assert_eq!(delete(strings(&["a"]), 5), strings(&["a"]));
}

#[test]
fn maps_of_counts() {
    let counts = count_words(strings(&["a", "b", "a", "ä"]));
    assert_eq!(
        counts,
        HashMap::from([("a".into(), 2), ("b".into(), 1), ("ä".into(), 1)])
    );
    assert_eq!(total_count(counts), Ok(4));
    assert_eq!(total_count(HashMap::new()), Ok(0));
    assert_eq!(
        total_count(HashMap::from([("x".into(), u64::MAX), ("y".into(), 1)])),
        Err(ArithmeticError::Overflow)
    );
}

#[test]
fn maps_of_sequences() {
    let groups = group_by_parity(vec![1, 2, 3, -4, 0]);
    assert_eq!(
        groups,
        HashMap::from([("odd".into(), vec![1, 3]), ("even".into(), vec![2, -4, 0])])
    );
    assert_eq!(flatten_groups(groups), vec![2, -4, 0, 1, 3]);
    assert_eq!(
        group_by_parity(vec![7]),
        HashMap::from([("odd".into(), vec![7])])
    );
    assert!(group_by_parity(vec![]).is_empty());
}

#[test]
fn sets_of_strings() {
    let set = unique_words(strings(&["b", "a", "b"]));
    assert_eq!(set, HashSet::from(["a".to_owned(), "b".to_owned()]));
    assert_eq!(sorted_words(set), strings(&["a", "b"]));
}

#[test]
fn settings_defaults_match_the_udl() {
    let settings = default_settings();
    assert_eq!(settings, Settings::default());
    assert_eq!(
        describe_settings(settings),
        "name=fixture retries=3 verbose=false nickname=- tags=[] color=Green ratio=0.5 limits={}"
    );
    let custom = Settings {
        name: "ñame".into(),
        retries: 0,
        verbose: true,
        nickname: Some("nick".into()),
        tags: strings(&["x", "y"]),
        color: Color::Blue,
        ratio: 2.25,
        limits: HashMap::from([("b".into(), 2), ("a".into(), 1)]),
    };
    assert_eq!(
        describe_settings(custom),
        "name=ñame retries=0 verbose=true nickname=nick tags=[x,y] color=Blue ratio=2.25 limits={a:1,b:2}"
    );
}

#[test]
fn page_defaults_match_the_proc_macro_declaration() {
    let page = default_page("ann".into());
    assert_eq!(page, Page::new("ann"));
    assert_eq!(
        describe_page(page),
        "author=ann title=untitled number=1 draft=true subtitle=- lines=[]"
    );
    let page = Page {
        author: "bo".into(),
        title: "T".into(),
        number: 7,
        draft: false,
        subtitle: Some("S".into()),
        lines: strings(&["l1", "l2"]),
    };
    assert_eq!(
        describe_page(page),
        "author=bo title=T number=7 draft=false subtitle=S lines=[l1|l2]"
    );
}

#[test]
fn nested_records_reverse() {
    let route = Route {
        name: "r".into(),
        start: Coord { x: 0, y: 0 },
        finish: Some(Coord { x: 9, y: 9 }),
        stops: vec![Coord { x: 1, y: 1 }, Coord { x: 2, y: 2 }],
        color: Color::Red,
        marker: Some(Shape::Circle { radius: 1.0 }),
    };
    let reversed = reverse_route(route.clone());
    assert_eq!(reversed.start, Coord { x: 9, y: 9 });
    assert_eq!(reversed.finish, Some(Coord { x: 0, y: 0 }));
    assert_eq!(
        reversed.stops,
        vec![Coord { x: 2, y: 2 }, Coord { x: 1, y: 1 }]
    );
    assert_eq!(
        (reversed.color, reversed.marker),
        (route.color, route.marker)
    );
    assert_eq!(reverse_route(reversed), route);

    let open = Route {
        finish: None,
        marker: None,
        ..route
    };
    let reversed = reverse_route(open.clone());
    assert_eq!(reversed.start, open.start);
    assert_eq!(reversed.finish, None);
}

#[test]
fn shapes_have_areas_and_scale() {
    assert_eq!(
        area(Shape::Rectangle {
            width: 2.0,
            height: 3.5
        }),
        7.0
    );
    assert_eq!(area(Shape::Circle { radius: 1.0 }), std::f64::consts::PI);
    assert_eq!(area(Shape::Point), 0.0);
    assert_eq!(
        scale_shape(
            Shape::Rectangle {
                width: 2.0,
                height: 3.0
            },
            2.0
        ),
        Shape::Rectangle {
            width: 4.0,
            height: 6.0
        }
    );
    assert_eq!(
        scale_shape(Shape::Circle { radius: 1.5 }, 2.0),
        Shape::Circle { radius: 3.0 }
    );
    assert_eq!(scale_shape(Shape::Point, 2.0), Shape::Point);
}

#[test]
fn tokens_are_an_enum_with_data() {
    assert_eq!(
        tokenize("hi 42 -7 x9".into()),
        vec![
            Token::Word { text: "hi".into() },
            Token::Number { value: 42 },
            Token::Number { value: -7 },
            Token::Word { text: "x9".into() },
            Token::End,
        ]
    );
    assert_eq!(tokenize(String::new()), vec![Token::End]);
    assert_eq!(describe_token(Token::Word { text: "é".into() }), "word é");
    assert_eq!(
        describe_token(Token::Number { value: i64::MIN }),
        "number -9223372036854775808"
    );
    assert_eq!(describe_token(Token::End), "end");
}

#[test]
fn directions_turn_clockwise() {
    assert_eq!(turn_right(Direction::North), Direction::East);
    assert_eq!(turn_right(Direction::East), Direction::South);
    assert_eq!(turn_right(Direction::South), Direction::West);
    assert_eq!(turn_right(Direction::West), Direction::North);
}

#[test]
fn flat_error_variants_and_display() {
    assert_eq!(checked_divide(7, -2), Ok(-3));
    assert_eq!(checked_divide(1, 0), Err(ArithmeticError::DivisionByZero));
    assert_eq!(checked_divide(i32::MIN, -1), Err(ArithmeticError::Overflow));
    assert_eq!(
        ArithmeticError::DivisionByZero.to_string(),
        "division by zero"
    );
    assert_eq!(ArithmeticError::Overflow.to_string(), "integer overflow");
}

#[test]
fn rich_error_variants_carry_their_fields() {
    assert_eq!(validate_username("José_1".into(), 16), Ok("josé_1".into()));
    assert_eq!(
        validate_username(String::new(), 16),
        Err(ValidationError::Empty)
    );
    assert_eq!(
        validate_username("abcdef".into(), 5),
        Err(ValidationError::TooLong {
            message: "the name has 6 characters, at most 5 are allowed".into(),
            length: 6,
            max_length: 5,
        })
    );
    // Lengths count characters, not bytes: five two-byte characters fit in 5.
    assert!(validate_username("ééééé".into(), 5).is_ok());
    assert_eq!(
        validate_username("ab cd".into(), 16),
        Err(ValidationError::InvalidCharacter {
            character: " ".into(),
            position: 2,
        })
    );
    assert_eq!(
        validate_username("ü!".into(), 16).unwrap_err().to_string(),
        "invalid character `!` at position 1"
    );
    assert_eq!(ValidationError::Empty.to_string(), "the name is empty");
}

#[test]
fn default_arguments_are_ordinary_arguments_in_rust() {
    assert_eq!(join_words(strings(&["a", "b"]), " ".into(), false), "a b");
    assert_eq!(join_words(strings(&["a", "ß"]), "-".into(), true), "A-SS");
    assert_eq!(repeat_text("ab".into(), 2, String::new()), "abab");
    assert_eq!(repeat_text("ab".into(), 3, ", ".into()), "ab, ab, ab");
    assert_eq!(repeat_text("ab".into(), 0, "x".into()), "");
    assert_eq!(
        label_settings("s".into(), Settings::default()),
        format!("s: {}", describe_settings(Settings::default()))
    );
}

#[test]
#[should_panic(expected = "the exact message ✨")]
fn panic_with_panics_with_its_message() {
    panic_with("the exact message ✨".into());
}

#[test]
fn noop_does_nothing() {
    noop();
}

#[test]
fn urls_are_a_custom_type_that_needs_a_scheme() {
    let base = Url::parse("https://example.org/").unwrap();
    let url = url_with_path(base, "/a/b".into());
    assert_eq!(url.as_str(), "https://example.org/a/b");
    assert_eq!(url_scheme(url), "https");
    assert_eq!(url_scheme(Url::parse("ftp://x").unwrap()), "ftp");
    assert_eq!(Url::parse("no scheme"), Err(NotAUrl("no scheme".into())));
    assert!(Url::parse("://x").is_err());
    assert_eq!(
        NotAUrl("x".into()).to_string(),
        "not a URL (no `scheme://` prefix): \"x\""
    );
}

#[test]
fn counter_constructors_and_methods() {
    let counter = Counter::new(1);
    assert_eq!((counter.value(), counter.step()), (0, 1));
    assert_eq!(counter.increment(), Ok(1));
    assert_eq!(counter.add(41), Ok(42));
    assert_eq!(counter.describe(None), "counter: 42 (step 1)");
    assert_eq!(
        counter.describe(Some("clicks".into())),
        "clicks: 42 (step 1)"
    );
    counter.reset();
    assert_eq!(counter.value(), 0);

    let stepped = Counter::with_start(10, 5);
    assert_eq!(stepped.increment(), Ok(15));
    assert_eq!(stepped.increment(), Ok(20));
}

#[test]
fn counter_overflow_is_an_error_and_leaves_the_value() {
    let counter = Counter::with_start(u64::MAX - 1, 1);
    assert_eq!(counter.increment(), Ok(u64::MAX));
    assert_eq!(counter.increment(), Err(ArithmeticError::Overflow));
    assert_eq!(counter.add(1), Err(ArithmeticError::Overflow));
    assert_eq!(counter.value(), u64::MAX);
}

#[test]
fn counters_are_shared_forked_and_passed_around() {
    let a = make_counter(3);
    let b = a.fork();
    assert!(a.same_as(Arc::clone(&a)));
    assert!(!a.same_as(Arc::clone(&b)));
    a.increment().unwrap();
    assert_eq!((a.value(), b.value()), (4, 3));
    assert_eq!(counter_total(vec![Arc::clone(&a), Arc::clone(&b)]), 7);
    assert_eq!(counter_total(vec![]), 0);
    assert_eq!(
        counter_total(vec![make_counter(u64::MAX), make_counter(1)]),
        u64::MAX
    );

    let named = name_counter("clicks".into(), Arc::clone(&a));
    assert!(Arc::ptr_eq(&named.counter, &a));
    a.increment().unwrap();
    assert_eq!(named_counter_value(named), "clicks=5");
}

#[test]
fn timestamps_before_the_epoch_exist_natively() {
    // Native targets only: wasm32-unknown-unknown's SystemTime cannot go
    // before 1970, so the JS tests do not send such timestamps.
    let before = UNIX_EPOCH - Duration::from_millis(1_500);
    assert_eq!(echo_timestamp(before), before);
    assert_eq!(
        time_between(before, UNIX_EPOCH),
        Duration::from_millis(1_500)
    );
    let _: SystemTime = add_duration(before, Duration::from_secs(1));
}

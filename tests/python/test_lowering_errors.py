"""What UniFFI's own lowering raises for a Python value it cannot send to Rust.

These errors come from the generated Python (UniFFI 0.32.2), before Rust sees
the call, and that code is never patched here: each test pins the exception
type and the words of its message that name the problem, so a UniFFI upgrade
that changes them fails here and the README's table is updated with it.
None of them is a GoodbyeError, and none names the field: the README says so.
"""

import struct
from datetime import datetime, timedelta, timezone

import pytest

import joyous_departures as jd

NOW = datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)


def render(**fields):
    fields.setdefault("seed", 1)
    fields.setdefault("now", NOW)
    return jd.generate_goodbye(jd.GoodbyeOptions(**fields))


def test_the_valid_baseline_renders():
    # The cases below differ from this in one field only.
    assert render()


def test_a_naive_datetime_is_a_type_error_about_offsets():
    with pytest.raises(TypeError, match="can't compare offset-naive and offset-aware datetimes"):
        render(now=datetime(2026, 11, 23, 14, 5))


def test_an_aware_datetime_in_any_zone_is_the_same_instant():
    paris = timezone(timedelta(hours=1))
    assert render(now=NOW.astimezone(paris)) == render(now=NOW)


def test_a_str_for_now_is_a_type_error_naming_the_types():
    with pytest.raises(TypeError, match="not supported between instances of 'str' and 'datetime.datetime'"):
        render(now="2026-11-23T14:05:00Z")


@pytest.mark.parametrize("field", ["language_code", "timezone"])
def test_a_lone_surrogate_is_a_unicode_encode_error_with_its_position(field):
    with pytest.raises(UnicodeEncodeError, match=r"can't encode character '\\udc80' in position 2: surrogates not allowed"):
        render(**{field: "en\udc80"})


def test_a_lone_surrogate_in_a_template_arg_is_the_same_error():
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed") as raised:
        render(template_args=jd.TemplateArgs(name="Ada\ud800"))
    assert raised.value.encoding == "utf-8" and raised.value.start == 3


@pytest.mark.parametrize("seed", [1.5, 2.0])
def test_a_float_seed_is_a_type_error_even_when_whole(seed):
    with pytest.raises(TypeError, match="'float' object cannot be interpreted as an integer"):
        render(seed=seed)


def test_a_str_seed_is_a_type_error():
    with pytest.raises(TypeError, match="'str' object cannot be interpreted as an integer"):
        render(seed="7")


@pytest.mark.parametrize("seed", [-1, 2**64])
def test_a_seed_outside_u64_is_a_value_error_with_the_range(seed):
    with pytest.raises(ValueError, match=r"u64 requires 0 <= value < 18446744073709551616"):
        render(seed=seed)


@pytest.mark.parametrize("seed", [0, 2**64 - 1])
def test_the_ends_of_u64_are_seeds(seed):
    assert render(seed=seed)


@pytest.mark.parametrize("value", ["false", None])
def test_a_str_or_none_for_a_bool_is_a_struct_error(value):
    # UniFFI checks a bool with `not not value` but writes the value itself.
    with pytest.raises(struct.error, match="required argument is not an integer"):
        render(use_emojis=value)


def test_an_int_for_a_bool_is_taken_as_its_truth():
    assert render(use_emojis=0) == render(use_emojis=False)


@pytest.mark.parametrize("field", ["language_code", "timezone"])
@pytest.mark.parametrize("value, type_name", [(None, "NoneType"), (5, "int"), (b"UTC", "bytes")])
def test_a_non_str_for_a_string_is_a_type_error_naming_its_type(field, value, type_name):
    with pytest.raises(TypeError, match=f"argument must be str, not {type_name}"):
        render(**{field: value})


def test_a_dict_for_template_args_is_an_attribute_error():
    with pytest.raises(AttributeError, match="'dict' object has no attribute 'name'"):
        render(template_args={"name": "Ada"})


def test_a_datetime_in_the_last_second_before_1970_arrives_after_it():
    # UniFFI's timestamp (i64 seconds, u32 nanoseconds, both away from the
    # epoch) has no sign for 0 s: -0.5 s is sent as +0.5 s. The differential
    # test accepts this; a fixed UniFFI fails here.
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    args = jd.TemplateArgs(name="{x}", location="{x}")
    before = [render(seed=s, now=epoch - timedelta(milliseconds=500), timezone="UTC", template_args=args) for s in range(40)]
    after = [render(seed=s, now=epoch + timedelta(milliseconds=500), timezone="UTC", template_args=args) for s in range(40)]
    earlier = [render(seed=s, now=epoch - timedelta(seconds=1), timezone="UTC", template_args=args) for s in range(40)]
    assert before == after
    assert any("23:59" in t or "1969" in t for t in earlier), "a whole second before 1970 does reach Rust as 1969"

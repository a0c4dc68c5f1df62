"""python run.py <cases.json>: the differential cases against the installed wheel.

Each case (written by `cargo xtask diff` / xtask/src/differential) carries the
native core's outcome; this renders it with joyous_departures and checks that
it gives the same text or the same GoodbyeError variant (with the offending
value), and that what Python cannot carry fails as pinned in
tests/python/test_lowering_errors.py:
- a `str` with a lone surrogate (not UTF-8-encodable): UnicodeEncodeError;
- a `now` outside datetime's years 1-9999: OverflowError when making it;
- a `now` in the last second before 1970 reaches Rust as after 1970 (UniFFI's
  timestamp format cannot carry it): the text of the mirrored instant is accepted.
Prints one summary line, or every failure with the seed and case index, and exits 1.
"""

import json
import sys
from datetime import datetime, timedelta, timezone

import joyous_departures as jd

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ERROR_FIELD = {"InvalidLanguageCode": ("code", "language_code"), "InvalidTimezone": ("timezone", "timezone")}


def text(value):
    if isinstance(value, dict):
        return value["repeat"] * value["times"]
    return value


def short(value, limit=200):
    r = repr(value)
    return r if len(r) <= limit else f"{r[:limit]}... ({len(value)} chars)"


def poisoned(options, poison):
    """The options with a lone surrogate put into the named string field."""
    if poison is None:
        return options
    path = poison["field"].split(".")
    holder = options if len(path) == 1 else options["template_args"]
    key = path[-1]
    value = holder.get(key) or ""
    at = min(poison["at"], len(value))
    holder[key] = value[:at] + chr(poison["unit"]) + value[at:]
    return options


def build(o):
    args = None
    if o["template_args"] is not None:
        args = jd.TemplateArgs(**o["template_args"])
    kwargs = dict(language_code=o["language_code"], template_args=args, use_emojis=o["use_emojis"], timezone=o["timezone"])
    if o["seed"] is not None:
        kwargs["seed"] = int(o["seed"])
    if o["now"] is not None:
        kwargs["now"] = o["now"]
    return jd.GoodbyeOptions(**kwargs)


def check(case):
    """None when the case passes, else why not; and the kind of outcome."""
    o = dict(case["options"])
    o["language_code"] = text(o["language_code"])
    o["timezone"] = text(o["timezone"])
    if o["template_args"] is not None:
        o["template_args"] = {k: text(v) for k, v in o["template_args"].items()}
    o = poisoned(o, case["poison"])
    now_ms = None if o.pop("now_ms") is None else int(case["options"]["now_ms"])
    o["now"] = None
    if now_ms is not None:
        try:
            o["now"] = EPOCH + timedelta(milliseconds=now_ms)
        except OverflowError:
            # Past datetime's range: nothing to hand the binding (the check is that Python says so).
            if -62_135_596_800_000 <= now_ms <= 253_402_300_799_999:
                return f"datetime refused {now_ms} ms, which is inside years 1-9999", "bad"
            return None, "unrepresentable now"
    expect = case["expect"]
    try:
        result = jd.generate_goodbye(build(o))
    except UnicodeEncodeError as e:
        if case["poison"] is not None and "surrogates not allowed" in str(e):
            return None, "lone surrogate"
        return f"UnicodeEncodeError without a lone surrogate in the input: {e}", "bad"
    except jd.GoodbyeError as e:
        variant = type(e).__name__
        if case["poison"] is not None:
            return f"{variant} ({short(str(e))}), expected UnicodeEncodeError for the lone surrogate in {case['poison']['field']}", "bad"
        if expect.get("error") != variant:
            return f"GoodbyeError.{variant} ({short(str(e))}), native gave {short(expect)}", "bad"
        attr, option = ERROR_FIELD[variant]
        if getattr(e, attr) != o[option]:
            return f"{variant}.{attr} is {short(getattr(e, attr))}, not the input {short(o[option])}", "bad"
        if not str(e).strip():
            return f"{variant} has an empty message", "bad"
        return None, "error"
    except Exception as e:  # noqa: BLE001 - anything else is what this test exists to catch
        return f"raised {type(e).__name__}: {short(str(e))} instead of a GoodbyeError", "bad"
    if case["poison"] is not None:
        return f"returned {short(result)} for a str with a lone surrogate in {case['poison']['field']}", "bad"
    if "error" in expect:
        return f"returned {short(result)}, native gave GoodbyeError.{expect['error']}", "bad"
    if expect.get("unseeded"):
        return (None, "text") if isinstance(result, str) and result else ("an unseeded call returned no text", "bad")
    if result != expect["text"]:
        if -1000 < now_ms < 0:
            # UniFFI 0.32.2's timestamp format (i64 seconds, u32 nanoseconds, both away from
            # the epoch) has no sign for the last second before 1970: it arrives as after it.
            mirrored = dict(o, now=EPOCH + timedelta(milliseconds=-now_ms))
            if result == jd.generate_goodbye(build(mirrored)):
                return None, "uniffi pre-1970 second"
        return f"text {short(result)}, native {short(expect['text'])}", "bad"
    return None, "text"


def main():
    data = json.loads(open(sys.argv[1], encoding="utf-8").read())
    seed, cases = data["seed"], data["cases"]
    counts, failures = {}, []
    for case in cases:
        try:
            reason, kind = check(case)
        except Exception as e:  # noqa: BLE001 - a runner bug still names the case
            reason, kind = f"the runner failed: {type(e).__name__}: {e}", "bad"
        counts[kind] = counts.get(kind, 0) + 1
        if reason is not None:
            failures.append((case, reason))
    for case, reason in failures[:20]:
        shown = {k: short(v, 120) for k, v in case["options"].items()}
        print(f"python: FAIL seed {seed} case {case['index']}: {reason}\n  input: {shown} poison: {case['poison']}", file=sys.stderr)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    if failures:
        print(f"python: FAILED {len(failures)} of {len(cases)} cases (seed {seed}): {summary}", file=sys.stderr)
        sys.exit(1)
    print(f"python: {len(cases)} cases agree with native (seed {seed}): {summary}")


if __name__ == "__main__":
    main()

"""Runs tests/conformance/*.json against the installed wheel."""

import asyncio
import json
import pathlib
from datetime import datetime

import pytest

import joyous_departures as jd

CASES_DIR = pathlib.Path(__file__).resolve().parents[1]
FILES = sorted(CASES_DIR.glob("*.json"))
CASES = [(f.name, case) for f in FILES for case in json.loads(f.read_text(encoding="utf-8"))["cases"]]


def options_from(o):
    kwargs = {}
    for key, value in o.items():
        if key == "seed":
            value = int(value)
        elif key == "now":
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif key == "template_args":
            value = jd.TemplateArgs(**value)
        kwargs[key] = value
    return jd.GoodbyeOptions(**kwargs)


class Bracket(jd.Translator):
    """`"[<code>] " + text` (tests/conformance/translator.json)."""

    async def translate(self, language_code, text):
        return f"[{language_code}] {text}"


class Failing(jd.Translator):
    """Fails with TranslateError.Failed("no dictionary for <code>")."""

    async def translate(self, language_code, text):
        raise jd.TranslateError.Failed(message=f"no dictionary for {language_code}")


TRANSLATORS = {None: lambda: None, "bracket": Bracket, "failing": Failing}


def run(case):
    options = options_from(case.get("options", {}))
    call = case.get("call", "generate_goodbye")
    if call == "generate_goodbye":
        return {"text": jd.generate_goodbye(options)}
    if call == "generator":
        corpus = case.get("corpus")
        make = lambda: jd.Generator.with_corpus(corpus, options) if corpus is not None else jd.Generator(options)
        count = case.get("count", 1)
        texts = [g.text for g in make().generate_batch(count)]
        # The text-only calls must render the same series.
        assert make().generate_texts(count) == texts, "generate_texts"
        g = make()
        assert [g.generate_text() for _ in range(count)] == texts, f"generate_text, {count} times"
        return {"texts": texts}
    if call == "generate_goodbye_async":
        translator = TRANSLATORS[case.get("translator")]()
        return {"text": asyncio.run(jd.generate_goodbye_async(options, translator))}
    raise AssertionError(f"unknown call {call}")


def test_there_are_enough_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("file, case", CASES, ids=[f"{f}:{c['id']}" for f, c in CASES])
def test_case(file, case):
    expect = case["expect"]
    if "error" in expect:
        variant = getattr(jd.GoodbyeError, expect["error"])
        with pytest.raises(variant) as raised:
            run(case)
        assert isinstance(raised.value, jd.GoodbyeError) and str(raised.value).strip()
        for name, value in expect.get("fields", {}).items():
            assert getattr(raised.value, name) == value, name
        if "message_contains" in expect:
            assert expect["message_contains"] in str(raised.value)
    else:
        assert run(case) == expect

"""The Python API as a user of the installed wheel sees it."""

import pathlib
import re
import sys
import threading
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

import joyous_departures as jd
from joyous_departures import (
    Generator,
    Goodbye,
    GoodbyeError,
    GoodbyeOptions,
    TemplateArgs,
    generate_goodbye,
    supported_languages,
    version,
)

REPO = pathlib.Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)


def test_imports_the_installed_wheel_not_the_source_tree():
    module = pathlib.Path(jd.joyous_departures.__file__).resolve()
    assert "site-packages" in module.parts, module
    assert not str(module).startswith(str(REPO / "generated"))


def test_wheel_ships_the_committed_generated_code_byte_for_byte():
    shipped = pathlib.Path(jd.joyous_departures.__file__).read_bytes()
    committed = (REPO / "generated" / "python" / "joyous_departures.py").read_bytes()
    assert shipped == committed, "the wheel's Python differs from generated/python: run `cargo xtask generate`"


def test_version_is_the_core_crates_version():
    cargo = (REPO / "crates" / "joyous-departures" / "Cargo.toml").read_text()
    expected = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert version() == expected


def test_supported_languages():
    languages = supported_languages()
    assert languages == sorted(languages)
    assert {"en-GB", "en-US", "fr-FR", "de-DE", "es-ES", "ja-JP"} <= set(languages)


def test_record_defaults():
    o = GoodbyeOptions()
    assert (o.language_code, o.template_args, o.use_emojis, o.timezone, o.seed, o.now) == (
        "en-GB", None, True, "Europe/London", None, None)
    a = TemplateArgs()
    assert (a.name, a.location, a.date, a.time) == (None, None, None, None)
    assert TemplateArgs(name="Ada") == TemplateArgs(name="Ada")


def test_generate_goodbye_with_defaults_returns_text():
    text = generate_goodbye(GoodbyeOptions())
    assert isinstance(text, str) and text.strip()


def test_generate_goodbye_without_options_means_the_defaults():
    # Every text the explicit defaults can give now (2000 draws cover every
    # template); taken before and after, in case a minute turns in between.
    reachable = lambda: {g.text for g in Generator(GoodbyeOptions()).generate_batch(2000)}
    before = reachable()
    texts = {generate_goodbye() for _ in range(60)}
    after = reachable()
    assert texts <= before | after, f"not what the defaults give: {texts - before - after}"
    assert len(texts) > 5, "unseeded calls without options should draw fresh randomness"


def test_generate_goodbye_with_none_means_the_defaults():
    seeded = GoodbyeOptions(seed=3, now=NOW)
    assert generate_goodbye(None) in {g.text for g in Generator(GoodbyeOptions()).generate_batch(2000)}
    # A seeded call still takes its options: None is only the left-out case.
    assert generate_goodbye(seeded) == Generator(seeded).generate().text


def test_same_seed_same_text_and_seeds_vary():
    for seed in (0, 1, 2**64 - 1):
        assert generate_goodbye(GoodbyeOptions(seed=seed)) == generate_goodbye(GoodbyeOptions(seed=seed))
    assert len({generate_goodbye(GoodbyeOptions(seed=s)) for s in range(30)}) > 10


def test_unseeded_calls_draw_fresh_randomness():
    assert len({generate_goodbye(GoodbyeOptions()) for _ in range(30)}) > 5


def test_template_args_and_now_in_a_time_zone():
    corpus = "[en-US]\n{name} left {location} on {date} at {time}\n"
    g = Generator.with_corpus(corpus, GoodbyeOptions(
        language_code="en-us", timezone="America/New_York", now=NOW,
        template_args=TemplateArgs(name="Ada", location="Boston")))
    assert g.generate().text == "Ada left Boston on November 23, 2026 at 9:05 AM"


def test_emoji_off_removes_emoji():
    g = Generator.with_corpus("[en-GB]\n👋 Bye {name} 🎉\n", GoodbyeOptions(use_emojis=False))
    assert g.generate().text == "Bye Good Soul"


def test_generator_methods():
    g = Generator()
    goodbye = g.generate()
    assert isinstance(goodbye, Goodbye)
    assert goodbye.language_code == "en-GB" and goodbye.template_id.startswith("en-GB/") and goodbye.text
    batch = g.generate_batch(5)
    assert len(batch) == 5 and all(isinstance(b, Goodbye) for b in batch)
    assert g.generate_batch(0) == []
    assert sorted(g.languages()) == supported_languages()
    stats = g.stats()
    assert set(stats) == set(supported_languages())
    assert all(isinstance(n, int) and n >= 40 for n in stats.values())


def test_seeded_generator_matches_one_shot_and_batch():
    options = GoodbyeOptions(language_code="ja", seed=7, now=NOW)
    first = Generator(options).generate()
    assert first.text == generate_goodbye(options)
    assert Generator(options).generate_batch(3)[0] == first


def test_generate_text_and_texts_follow_the_same_series_as_generate():
    options = GoodbyeOptions(language_code="fr", seed=42, now=NOW)
    records = Generator(options).generate_batch(6)
    g = Generator(options)
    # One generator, one random sequence: text, texts and records interleave.
    assert g.generate_text() == records[0].text
    assert g.generate_texts(3) == [r.text for r in records[1:4]]
    assert g.generate().text == records[4].text
    assert g.generate_texts(0) == []
    assert g.generate_texts(1) == [records[5].text]


def test_generate_texts_rejects_counts_outside_u32():
    g = Generator()
    for bad in (-1, 2**32):
        with pytest.raises(ValueError, match="u32"):
            g.generate_texts(bad)


def test_custom_corpus_languages_and_stats():
    g = Generator.with_corpus("[nl-NL]\nDag {name}!\nTot ziens!\n", GoodbyeOptions(language_code="nl"))
    assert g.languages() == ["nl-NL"]
    assert g.stats() == {"nl-NL": 2}


@pytest.mark.parametrize("make, variant, fields", [
    (lambda: generate_goodbye(GoodbyeOptions(language_code="xx-QQ")),
     GoodbyeError.InvalidLanguageCode, {"code": "xx-QQ"}),
    (lambda: Generator(GoodbyeOptions(timezone="Mars/Olympus_Mons")),
     GoodbyeError.InvalidTimezone, {"timezone": "Mars/Olympus_Mons"}),
    (lambda: Generator.with_corpus("[en-GB]\nBye {name\n"),
     GoodbyeError.CorpusLoad, {"line": 2, "content": "Bye {name"}),
    (lambda: Generator.with_corpus("[en-GB]\nBye {nmae}\n"),
     GoodbyeError.TemplateVariable, {"variable": "nmae", "template_id": "en-GB/001"}),
])
def test_every_error_variant(make, variant, fields):
    with pytest.raises(GoodbyeError) as as_base:
        make()
    with pytest.raises(variant) as as_variant:
        make()
    for error in (as_base.value, as_variant.value):
        assert isinstance(error, variant) and isinstance(error, GoodbyeError) and isinstance(error, Exception)
        assert str(error).strip()
        assert error.message and str(next(iter(fields.values()))) in error.message
        for name, value in fields.items():
            assert getattr(error, name) == value


def test_error_messages_say_what_is_allowed():
    with pytest.raises(GoodbyeError.InvalidLanguageCode) as e:
        generate_goodbye(GoodbyeOptions(language_code="fr-CA"))
    assert "`fr-CA`" in e.value.message and "fr-FR" in e.value.message
    with pytest.raises(GoodbyeError.InvalidTimezone) as e:
        generate_goodbye(GoodbyeOptions(timezone="+05:00"))
    assert "IANA" in e.value.message


def test_bad_python_values_raise_python_errors_not_crashes():
    with pytest.raises((TypeError, ValueError)):
        generate_goodbye(GoodbyeOptions(seed=-1))
    with pytest.raises((TypeError, ValueError)):
        generate_goodbye(GoodbyeOptions(seed=2**64))
    with pytest.raises(TypeError):
        generate_goodbye(GoodbyeOptions(language_code=5))


@pytest.mark.parametrize("item", [
    generate_goodbye, supported_languages, version, Generator, Generator.generate,
    Generator.generate_batch, Generator.generate_text, Generator.generate_texts, Generator.with_corpus, Generator.stats, GoodbyeOptions,
    TemplateArgs, Goodbye, GoodbyeError, GoodbyeError.InvalidLanguageCode,
])
def test_rust_doc_comments_are_python_docstrings(item):
    assert item.__doc__ and item.__doc__.strip(), item


def test_docstring_text_comes_from_rust():
    assert "same `seed`" in generate_goodbye.__doc__
    assert "reusable goodbye generator" in Generator.__doc__


def test_eight_threads_share_one_generator():
    """Each call takes the next value of the one seeded sequence, whatever the thread."""
    per_thread, threads = 200, 8
    shared = Generator(GoodbyeOptions(seed=11, now=NOW))
    results, errors = [], []
    lock = threading.Lock()

    def work():
        try:
            mine = [shared.generate().text for _ in range(per_thread)]
            with lock:
                results.extend(mine)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not errors
    sequential = [g.text for g in Generator(GoodbyeOptions(seed=11, now=NOW)).generate_batch(per_thread * threads)]
    assert Counter(results) == Counter(sequential)


def test_python_version_supported():
    assert sys.version_info >= (3, 9)


def test_wheel_is_typed():
    # PEP 561: without the marker, type checkers ignore UniFFI's annotations.
    marker = pathlib.Path(jd.__file__).with_name("py.typed")
    assert marker.is_file(), marker

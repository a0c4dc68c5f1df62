"""Soak run of the installed joyous_departures wheel: many calls, objects
dropped without cleanup, async calls with some cancelled; samples RSS.

`python soak.py [--scale F] [--leak]` prints one JSON document on stdout:
{"runtime": "python", "phases": [{"name", "ops", "warmup", "samples": [{"at", "rss"}]}]}.
`cargo xtask soak` runs it in a fresh venv and judges the series; progress
goes to stderr. Linux only (RSS from /proc/self/statm).
"""

import argparse
import asyncio
import gc
import json
import os
import sys
from datetime import datetime, timezone

import joyous_departures as jd

NOW = datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)
SAMPLES = 20
PAGE = os.sysconf("SC_PAGE_SIZE")
# Kept alive on purpose by --leak, to show the judge catches growth.
LEAKED = []


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def options(i: int, language: str = "fr") -> jd.GoodbyeOptions:
    return jd.GoodbyeOptions(
        language_code=language,
        template_args=jd.TemplateArgs(name=f"Ada {i}", location="Lisbonne"),
        timezone="Europe/Paris",
        seed=i,
        now=NOW,
    )


class Echo(jd.Translator):
    async def translate(self, language_code: str, text: str) -> str:
        await asyncio.sleep(0)
        return f"[{language_code}] {text}"


class Slow(jd.Translator):
    """Answers a few milliseconds later, as a slow translation service
    would: its call is still waiting when it is cancelled."""

    async def translate(self, language_code: str, text: str) -> str:
        await asyncio.sleep(0.005)
        return f"[{language_code}] {text}"


def calls(start: int, count: int, leak: bool) -> None:
    for i in range(start, start + count):
        text = jd.generate_goodbye(options(i))
        if not text:
            raise AssertionError(f"call {i} returned an empty goodbye")
        if leak and i % 10 == 0:
            LEAKED.append(text * 20)


def objects(start: int, count: int, leak: bool) -> None:
    for i in range(start, start + count):
        generator = jd.Generator(options(i))
        generator.generate()
        if leak and i % 10 == 0:
            LEAKED.append(generator)
        # Dropped here without any close: refcounting frees the Rust object.


async def async_calls(start: int, count: int, leak: bool) -> None:
    """`count` calls in batches of 1,000: a tenth cancelled while their
    translator waits, half of the rest translated, half from the corpus."""
    echo, slow = Echo(), Slow()
    for batch in range(start, start + count, 1000):
        tasks = []
        for i in range(batch, min(batch + 1000, start + count)):
            if i % 10 == 0:
                tasks.append((True, asyncio.ensure_future(jd.generate_goodbye_async(options(i, "nl-NL"), slow))))
            elif i % 2 == 0:
                tasks.append((False, asyncio.ensure_future(jd.generate_goodbye_async(options(i, "nl-NL"), echo))))
            else:
                tasks.append((False, asyncio.ensure_future(jd.generate_goodbye_async(options(i), None))))
        await asyncio.sleep(0)
        for cancel, task in tasks:
            if cancel:
                task.cancel()
        for cancel, task in tasks:
            try:
                text = await task
            except asyncio.CancelledError:
                if not cancel:
                    raise AssertionError("a call that was not cancelled was cancelled")
                continue
            if cancel:
                raise AssertionError(f"a cancelled call returned {text!r}")
            if not text:
                raise AssertionError("an async call returned an empty goodbye")
            if leak:
                LEAKED.append(text * 20)
        await asyncio.sleep(0.02)  # the slow answers arrive


def phase(name: str, ops: int, run, leak: bool) -> dict:
    warmup = ops // 10
    print(f"   python {name}: {warmup} warm-up, then {ops} ops", file=sys.stderr, flush=True)
    run(0, warmup, leak)
    gc.collect()
    samples = [{"at": 0, "rss": rss()}]
    chunk = ops // SAMPLES
    for k in range(SAMPLES):
        run(warmup + k * chunk, chunk, leak)
        gc.collect()
        samples.append({"at": (k + 1) * chunk, "rss": rss()})
    return {"name": name, "ops": chunk * SAMPLES, "warmup": warmup, "samples": samples}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full counts")
    parser.add_argument("--leak", action="store_true", help="keep some results alive (the run must fail)")
    args = parser.parse_args()

    def n(full: int) -> int:
        return max(SAMPLES * 1000, int(full * args.scale) // (SAMPLES * 1000) * SAMPLES * 1000)

    phases = [
        phase("calls", n(1_000_000), calls, args.leak),
        phase("objects", n(100_000), objects, args.leak),
        phase("async", n(100_000), lambda s, c, leak: asyncio.run(async_calls(s, c, leak)), args.leak),
    ]
    json.dump({"runtime": "python", "phases": phases}, sys.stdout)
    print()


if __name__ == "__main__":
    main()

"""Time joyous-departures' UniFFI-generated Python against the hand-written PyO3 baseline.

Run by `cargo xtask bench` with a venv that holds both wheels; prints JSON on stdout.

    python bench.py [--quick]               microseconds per call, both sides of every case
    python bench.py --profile CASE [--quick]  cProfile of the generated bindings on CASE

Each case is one statement per side. A round times a loop of calls to one side
(timeit, so the loop is compiled code and the garbage collector is off), with the
number of calls calibrated so that a round lasts about the same time; the sides
take turns round by round (A, B, A, B, ...) so that a busy neighbour slows both
alike. Each side reports the median, min and max of its rounds in microseconds.
"""

import argparse
import cProfile
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys

import joyous_departures as u
import joyous_pyo3_baseline as p

from timing import settings, time_case

NAME, LOCATION, DATE, TIME = "Ada", "Lisbon", "23 November 2026", "14:05"
SIDES = ("uniffi", "pyo3")

# case -> (statement with the UniFFI-generated bindings, statement with the PyO3 baseline).
# Each is what a user writes for that call; options are built in the call, as users do.
CASES = {
    "generate_goodbye/defaults": (
        "u.generate_goodbye(u.GoodbyeOptions())",
        "p.generate_goodbye()",
    ),
    # The call the pure-Python library (pure_bench.py) also has.
    "generate_goodbye/name_location": (
        "u.generate_goodbye(u.GoodbyeOptions(template_args=u.TemplateArgs("
        "name=NAME, location=LOCATION)))",
        "p.generate_goodbye(name=NAME, location=LOCATION)",
    ),
    "generate_goodbye/all_variables": (
        "u.generate_goodbye(u.GoodbyeOptions(template_args=u.TemplateArgs("
        "name=NAME, location=LOCATION, date=DATE, time=TIME)))",
        "p.generate_goodbye(name=NAME, location=LOCATION, date=DATE, time=TIME)",
    ),
    "Generator.generate": (
        "ug.generate().text",
        "pg.generate().text",
    ),
    "version": (
        "u.version()",
        "p.version()",
    ),
    # The fast paths: no options lowered, a string with no record, texts in bulk.
    "generate_goodbye/no_options": (
        "u.generate_goodbye()",
        "p.generate_goodbye()",
    ),
    "Generator.generate_text": (
        "ug.generate_text()",
        "pg.generate_text()",
    ),
    "Generator.generate_batch/1000": (
        "ug.generate_batch(1000)",
        "pg.generate_batch(1000)",
    ),
    "Generator.generate_texts/1000": (
        "ug.generate_texts(1000)",
        "pg.generate_texts(1000)",
    ),
}

# Cases timed per goodbye: a call's time divided by the goodbyes it returns.
GOODBYES_PER_CALL = {
    "Generator.generate_batch/1000": 1000,
    "Generator.generate_texts/1000": 1000,
}


def per_goodbye(results):
    """Divides the times of the GOODBYES_PER_CALL cases by their goodbyes."""
    for case, per in GOODBYES_PER_CALL.items():
        for stats in results.get(case, {}).values():
            for key in ("median", "min", "max"):
                stats[key] /= per
            stats["goodbyes_per_call"] = per
    return results


def import_times(samples):
    """Milliseconds from `import` to the module object, each in a fresh process
    (`python -X importtime`'s cumulative figure), the sides alternating.

    Bytecode caching is on (PYTHONDONTWRITEBYTECODE dropped) and one unmeasured
    import goes first, so the figure is a user's second import, not a compile
    of the generated module."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    modules = ("joyous_departures", "joyous_pyo3_baseline")
    for module in modules:
        subprocess.run([sys.executable, "-c", f"import {module}"], env=env, check=True)
    times = {side: [] for side in SIDES}
    for _ in range(samples):
        for side, module in zip(SIDES, modules):
            err = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                                 env=env, capture_output=True, text=True, check=True).stderr
            line = next(l for l in err.splitlines() if l.rstrip().endswith(f"| {module}"))
            times[side].append(int(line.split("|")[1]) / 1000)
    return {side: {"median": statistics.median(t), "min": min(t), "max": max(t),
                   "samples": samples, "unit": "ms"} for side, t in times.items()}


def namespace():
    return {
        "u": u,
        "p": p,
        "ug": u.Generator(),
        "pg": p.Generator(),
        "NAME": NAME,
        "LOCATION": LOCATION,
        "DATE": DATE,
        "TIME": TIME,
    }


def check_same_core():
    """Both sides must render the same text for the same seeded options."""
    for seed in range(20):
        a = u.generate_goodbye(u.GoodbyeOptions(seed=seed, template_args=u.TemplateArgs(
            name=NAME, location=LOCATION, date=DATE, time=TIME)))
        b = p.generate_goodbye(seed=seed, name=NAME, location=LOCATION, date=DATE, time=TIME)
        if a != b:
            sys.exit(f"the bindings disagree for seed {seed}: {a!r} != {b!r}")
    if u.version() != p.version():
        sys.exit(f"different core versions: {u.version()} != {p.version()}")


def bench(rounds, round_seconds):
    ns = namespace()
    results = {
        case: time_case(SIDES, statements, ns, rounds, round_seconds)
        for case, statements in CASES.items()
    }
    per_goodbye(results)
    return {
        "imports": import_times(5 if rounds < 11 else 15),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "unit": "us",
        "results": results,
    }


def profile(case, calls, top):
    """cProfile of the generated bindings' side of `case`: where a call's time goes.

    cProfile adds a fixed cost to every Python-level call, so shares lean towards
    code made of many small calls; ctypes calls into Rust are not Python-level calls
    and count in the tottime of the Python function that makes them.
    """
    stmt = CASES[case][0]
    calls = max(20, calls // GOODBYES_PER_CALL.get(case, 1))
    ns = namespace()
    code = compile(f"for _ in range({calls}):\n    {stmt}\n", f"<{case}>", "exec")
    profiler = cProfile.Profile()
    profiler.runctx(code, ns, ns)
    stats = pstats.Stats(profiler).stats  # (file, line, name) -> (cc, nc, tt, ct, callers)
    total = sum(tt for _, _, tt, _, _ in stats.values())

    def label(key):
        file, line, name = key
        if file == "~":  # a builtin
            return name
        return f"{name} ({file.rsplit('/', 1)[-1]}:{line})"

    rows = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    # Every call into Rust (the function itself, RustBuffer alloc/reserve/free,
    # handle clones) goes through this one helper of the generated module.
    crossings = sum(nc for (_, _, name), (_, nc, _, _, _) in stats.items()
                    if name == "_uniffi_rust_call_with_error")
    return {
        "case": case,
        "statement": stmt,
        "calls": calls,
        "profiled_us_per_call": total / calls * 1e6,
        "ffi_calls_per_call": crossings / calls,
        "functions": [
            {
                "function": label(key),
                "calls_per_call": nc / calls,
                "tottime_us_per_call": tt / calls * 1e6,
                "cumtime_us_per_call": ct / calls * 1e6,
                "share": tt / total,
            }
            for key, (_, nc, tt, ct, _) in rows
        ],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    parser.add_argument("--profile", metavar="CASE", choices=sorted(CASES),
                        help="profile the generated bindings on CASE instead of timing")
    parser.add_argument("--top", type=int, default=12, help="functions listed by --profile")
    args = parser.parse_args()
    check_same_core()
    if args.profile:
        out = profile(args.profile, 2_000 if args.quick else 20_000, args.top)
    else:
        out = bench(*settings(args.quick))
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

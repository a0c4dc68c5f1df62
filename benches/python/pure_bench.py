"""Time the pure-Python `joyous-departures` 2.0.1 (the registry's last 2.x) on the calls
it shares with our bindings, by the same method as bench.py (timing.py).

Run by `cargo xtask bench` in a venv of its own (target/bench/pure-venv): its import
name is the same as our wheel's, so the two cannot share a process. Prints JSON.

    python pure_bench.py [--quick]
"""

import argparse
import json
import platform
import re
import sys
from importlib.metadata import version

import joyous_departures as j

from timing import settings, time_case

NAME, LOCATION = "Ada", "Lisbon"  # bench.py's values
EXPECTED_VERSION = "2.0.1"

# case (as bench.py names it) -> the statement a user of the library writes. Its
# `generate_goodbye` is a coroutine that wraps this one for an optional translator.
CASES = {
    "generate_goodbye/defaults": "j.generate_goodbye_sync()",
    "generate_goodbye/name_location": (
        'j.generate_goodbye_sync(template_args={"name": NAME, "location": LOCATION})'
    ),
}


def check_output():
    """It cannot be seeded through its API (it draws with `random.choice`), so check
    instead that each call renders a template of its corpus with our values."""
    installed = version("joyous-departures")
    if installed != EXPECTED_VERSION:
        sys.exit(f"pure_bench.py wants joyous-departures {EXPECTED_VERSION}, found {installed}")
    # {date} and {time} are the current date and time.
    def pattern(template):
        parts = re.split(r"(\{\w+\})", template)
        values = {"{name}": re.escape(NAME), "{location}": re.escape(LOCATION)}
        return "".join(values.get(p, r"[0-9:-]+") if p.startswith("{") else re.escape(p)
                       for p in parts)
    rendered = re.compile("|".join(f"(?:{pattern(t)})" for t in j.CORPUS))
    for _ in range(50):
        text = j.generate_goodbye_sync(template_args={"name": NAME, "location": LOCATION})
        if not rendered.fullmatch(text):
            sys.exit(f"joyous-departures {installed} rendered {text!r}, not a template of its "
                     "corpus with name and location filled in")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    args = parser.parse_args()
    check_output()
    ns = {"j": j, "NAME": NAME, "LOCATION": LOCATION}
    rounds, round_seconds = settings(args.quick)
    results = {
        case: time_case(("pure",), (stmt,), ns, rounds, round_seconds)
        for case, stmt in CASES.items()
    }
    json.dump({
        "python": platform.python_version(),
        "package": f"joyous-departures {version('joyous-departures')}",
        "unit": "us",
        "results": results,
    }, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

"""The timing method shared by bench.py and pure_bench.py: timeit rounds, calibrated
so that a round lasts about the same time, the sides of a case taking turns round by
round (A, B, A, B, ...) so that a busy neighbour slows all of them alike."""

import statistics
import timeit


def calibrate(timer, round_seconds):
    """Calls per round so that a round lasts about `round_seconds`."""
    n = 1
    while True:
        t = timer.timeit(n)
        if t >= round_seconds / 5:
            return max(1, round(n * round_seconds / t))
        n *= 2


def time_case(sides, statements, namespace, rounds, round_seconds):
    """side -> {median, min, max, ...} in µs per call, the sides interleaved."""
    timers = [timeit.Timer(stmt, globals=namespace) for stmt in statements]
    calls = [calibrate(t, round_seconds) for t in timers]
    samples = [[] for _ in timers]
    for _ in range(rounds):
        for side, timer in enumerate(timers):
            samples[side].append(timer.timeit(calls[side]) / calls[side] * 1e6)
    return {
        side: {
            "median": statistics.median(s),
            "min": min(s),
            "max": max(s),
            "rounds": rounds,
            "calls_per_round": n,
            "statement": stmt,
        }
        for side, s, n, stmt in zip(sides, samples, calls, statements)
    }


def settings(quick):
    """(rounds, round_seconds) for a full or a `--quick` run."""
    return (5, 0.15) if quick else (11, 0.5)

// Timing helpers shared by node-bench.mjs (Node) and worker.mjs (workerd).
// No Node or Workers APIs here: only performance.now().

/** `{ median, min, max }` of a list of numbers. */
export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

/** Keeps results alive so no engine can drop a call whose result is unused. */
let sink = 0;
export function consume(value) {
  sink = (sink + (typeof value === "string" ? value.length : 1)) | 0;
}
export const sinkValue = () => sink;

/**
 * Milliseconds `n` calls of `fn` take. `fence` (async) runs right before the
 * clock is read at both ends: nothing in Node; in workerd an I/O-like await so
 * that a clock which only advances across I/O has advanced.
 */
async function batch(fn, n, fence, awaited) {
  await fence();
  const t0 = performance.now();
  if (awaited) {
    for (let i = 0; i < n; i++) consume(await fn());
  } else {
    for (let i = 0; i < n; i++) consume(fn());
  }
  await fence();
  return performance.now() - t0;
}

/** Calls per batch so that one batch of `fn` lasts about `batchMs`. */
async function calibrate(fn, batchMs, fence, awaited) {
  let n = 1;
  for (;;) {
    const ms = await batch(fn, n, fence, awaited);
    if (ms >= batchMs / 4 || n >= 1 << 26) return Math.max(1, Math.round((n * batchMs) / Math.max(ms, 1e-3)));
    n *= 4;
  }
}

/**
 * Times every case's sides in alternating batches (A, B, A, B, ...), each
 * side the same number of calls per batch (calibrated on the first side), and
 * returns `{ case: { side: { median, min, max } } }` in microseconds per call
 * plus `{ calls: { case: n } }`.
 * `cases` is `{ case: { side: () => result } }`; every side of a case is
 * warmed up with one full batch before the timed rounds. With `awaited`, each
 * call's result is awaited before the next call (sequential async calls).
 */
export async function timeCases(cases, { rounds, batchMs, fence = async () => {}, awaited = false }) {
  const results = {};
  const calls = {};
  for (const [name, sides] of Object.entries(cases)) {
    try {
      const { samples, n } = await timeCase(Object.entries(sides), rounds, batchMs, fence, awaited);
      results[name] = Object.fromEntries(Object.entries(samples).map(([side, s]) => [side, stats(s)]));
      calls[name] = n;
    } catch (e) {
      throw new Error(`${name}: ${e instanceof Error ? `${e.name}: ${e.message}` : e}`, { cause: e });
    }
  }
  return { results, calls };
}

/** One case: `{ samples: { side: [µs per call] }, n }`; failures name the side. */
async function timeCase(fns, rounds, batchMs, fence, awaited) {
  const timed = async (side, fn, n) => {
    try {
      return await batch(fn, n, fence, awaited);
    } catch (e) {
      throw new Error(`${side}: ${e instanceof Error ? `${e.name}: ${e.message}` : e}`, { cause: e });
    }
  };
  let n = await calibrate(fns[0][1], batchMs, fence, awaited);
  for (const [side, fn] of fns) await timed(side, fn, n);
  // Calibrated on cold code: once warm, scale again.
  n = Math.max(1, Math.round((n * batchMs) / Math.max(await timed(fns[0][0], fns[0][1], n), 1e-3)));
  const samples = Object.fromEntries(fns.map(([side]) => [side, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [side, fn] of fns) samples[side].push(((await timed(side, fn, n)) * 1000) / n);
  }
  return { samples, n };
}

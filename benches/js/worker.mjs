// The workerd timing Worker, bundled by workerd-bench.mjs from <project>/bench/
// (joyous-departures imported by name: its `workerd` export). GET /?quick for
// fewer, shorter rounds. Answers JSON: µs per call per case and side, and how
// the clock behaved.
//
// Timing in workerd: production Workers freeze performance.now()/Date.now()
// between I/O; workerd under Miniflare showed a clock that advances with 1 ms
// resolution (probed below and reported). Each batch is therefore bracketed
// by `await scheduler.wait(0)` before each clock read (time has advanced
// either way) and lasts tens of milliseconds, so 1 ms of resolution and the
// bracket (also measured) stay small beside it.
import * as sdk from "joyous-departures";
// The package's own glue module (the same file its entry imports, so the same
// instance), for the facade-less figures.
import * as glue from "../node_modules/joyous-departures/dist/wasm/joyous_departures_wasm_bg.js";

import * as base from "./baseline-workerd.mjs";
import { cases, checkSameCore } from "./cases.mjs";
import { sinkValue, stats, timeCases } from "./timing.mjs";

const fence = () => scheduler.wait(0);

/** Whether the clock moves inside synchronous code, and its smallest step (ms). */
function probeClock() {
  const t0 = performance.now();
  let last = t0;
  let step = Infinity;
  let changes = 0;
  for (let i = 0; i < 5_000_000 && changes < 20; i++) {
    const t = performance.now();
    if (t !== last) {
      step = Math.min(step, t - last);
      last = t;
      changes++;
    }
  }
  return { advances_without_io: changes > 0, resolution_ms: changes > 0 ? step : null };
}

/** Milliseconds an empty bracketed batch measures. */
async function fenceCost() {
  const samples = [];
  for (let i = 0; i < 20; i++) {
    await fence();
    const t0 = performance.now();
    await fence();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

export default {
  async fetch(request) {
    const quick = new URL(request.url).searchParams.has("quick");
    try {
      checkSameCore(sdk, base, glue);
      const clock = { ...probeClock(), empty_batch_ms: await fenceCost() };
      const { results, calls } = await timeCases(cases(sdk, base, glue), {
        rounds: quick ? 5 : 11,
        batchMs: quick ? 30 : 60,
        fence,
      });
      return Response.json({ runtime: "workerd", results, calls, clock, sink: sinkValue() });
    } catch (e) {
      return Response.json({ error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) }, { status: 500 });
    }
  },
};

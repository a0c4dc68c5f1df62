// node bench/cold-node.mjs <facade|baseline|intl>
//
// One cold-start sample, in a fresh node process started by cold.mjs: the
// time from just before `import` to the first result of generateGoodbye
// (all four template variables, seed 7), read with performance.now() inside this
// process, and the `import` alone; `intl` times only what the core's first
// call asks the host for: a first Intl.DateTimeFormat with a time zone. Prints `{ ms, import_ms,
// since_process_start_ms, text }` as JSON.
import { DATE, LOCATION, NAME, TIME, firstDateTimeFormat } from "./cases.mjs";

const side = process.argv[2];
const t0 = performance.now();
let text;
let t1;
if (side === "facade") {
  const { generateGoodbye } = await import("joyous-departures");
  t1 = performance.now();
  text = generateGoodbye({ templateArgs: { name: NAME, location: LOCATION, date: DATE, time: TIME }, seed: 7n });
} else if (side === "baseline") {
  const { generateGoodbye } = await import("./baseline-node.mjs");
  t1 = performance.now();
  text = generateGoodbye("en-GB", NAME, LOCATION, DATE, TIME, true, "Europe/London", 7n, undefined);
} else if (side === "intl") {
  // No package: the first Intl.DateTimeFormat the core's wasm32 build asks for.
  t1 = performance.now();
  text = firstDateTimeFormat();
} else {
  console.error("usage: node cold-node.mjs <facade|baseline|intl>");
  process.exit(2);
}
const t2 = performance.now();
console.log(JSON.stringify({ ms: t2 - t0, import_ms: t1 - t0, since_process_start_ms: t2, text }));

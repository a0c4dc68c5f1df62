// Soak run of the installed joyous-departures npm package in Node: many
// calls, Generators dropped without dispose (freed by FinalizationRegistry),
// async calls with some aborted; samples RSS and wasm memory.
//
// Copied into a project whose node_modules has joyous-departures, run as
// `node --expose-gc soak.mjs [--scale F] [--leak]`. Prints one JSON document
// on stdout: {"runtime": "node", "phases": [{"name", "ops", "warmup",
// "samples": [{"at", "rss", "wasm"}]}]}; `cargo xtask soak` judges it.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setMaxListeners } from "node:events";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { Generator, generateGoodbye, generateGoodbyeAsync } from "joyous-departures";

const { values: args } = parseArgs({ options: { scale: { type: "string", default: "1" }, leak: { type: "boolean", default: false } } });
const scale = Number(args.scale);
assert.ok(scale > 0, `--scale must be a positive number, got ${args.scale}`);
assert.equal(typeof globalThis.gc, "function", "run with node --expose-gc");

// The package's runtime module (the instance the entry loaded), for its wasm
// memory: not public API, reached as the package's own tests reach it.
const packageDir = dirname(createRequire(import.meta.url).resolve("joyous-departures/package.json"));
const rt = await import(pathToFileURL(join(packageDir, "dist", "runtime.js")).href);

const SAMPLES = 20;
const now = new Date("2026-11-23T14:05:00Z");
const leaked = []; // kept alive on purpose by --leak

const options = (i, languageCode = "fr") => ({
  languageCode,
  templateArgs: { name: `Ada ${i}`, location: "Lisbonne" },
  timezone: "Europe/Paris",
  seed: BigInt(i),
  now,
});

const echo = { translate: async (code, text) => `[${code}] ${text}` };
// Answers a few milliseconds later: after its call was aborted, as a slow
// translation service would.
const slow = { translate: (code, text) => new Promise((resolve) => setTimeout(() => resolve(`[${code}] ${text}`), 5)) };

function calls(start, count) {
  for (let i = start; i < start + count; i++) {
    const text = generateGoodbye(options(i));
    assert.ok(text.length > 0, `call ${i} returned an empty goodbye`);
    if (args.leak && i % 10 === 0) leaked.push(text.repeat(20));
  }
}

function objects(start, count) {
  for (let i = start; i < start + count; i++) {
    const generator = new Generator(options(i));
    generator.generate();
    if (args.leak && i % 10 === 0) leaked.push(generator);
    // Dropped without dispose: the FinalizationRegistry frees the Rust object.
  }
}

// In batches of 1,000: a tenth aborted while their translator works, half of
// the rest translated, half from the corpus.
async function asyncCalls(start, count) {
  for (let batch = start; batch < start + count; batch += 1000) {
    const controller = new AbortController();
    setMaxListeners(1000, controller.signal); // one signal for 100 calls, on purpose
    const calls = [];
    for (let i = batch; i < Math.min(batch + 1000, start + count); i++) {
      const cancel = i % 10 === 0;
      const call = cancel
        ? generateGoodbyeAsync(options(i, "nl-NL"), slow, { signal: controller.signal })
        : generateGoodbyeAsync(options(i, i % 2 === 0 ? "nl-NL" : "fr"), echo);
      calls.push(call.then((text) => ({ cancel, text }), (error) => ({ cancel, error })));
    }
    await null;
    controller.abort();
    for (const { cancel, text, error } of await Promise.all(calls)) {
      if (cancel) assert.equal(error?.name, "AbortError", `an aborted call gave ${error ?? text}`);
      else if (error) throw error;
      else {
        assert.ok(text.length > 0, "an async call returned an empty goodbye");
        if (args.leak) leaked.push(text.repeat(20));
      }
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 20)); // the slow answers arrive
}

// A full collection, with the finalizers it queues run, before each sample.
async function settle() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((r) => setImmediate(r));
  }
}

function sample(at) {
  return { at, rss: process.memoryUsage().rss, wasm: rt.state.exports.memory.buffer.byteLength };
}

async function phase(name, ops, run) {
  const warmup = ops / 10;
  console.error(`   node ${name}: ${warmup} warm-up, then ${ops} ops`);
  await run(0, warmup);
  await settle();
  const samples = [sample(0)];
  const chunk = ops / SAMPLES;
  for (let k = 0; k < SAMPLES; k++) {
    await run(warmup + k * chunk, chunk);
    await settle();
    samples.push(sample((k + 1) * chunk));
  }
  return { name, ops, warmup, samples };
}

// Counts at `scale`, in whole batches of 1,000 per sample.
const n = (full) => Math.max(SAMPLES * 1000, Math.floor((full * scale) / (SAMPLES * 1000)) * SAMPLES * 1000);
const phases = [
  await phase("calls", n(1_000_000), calls),
  await phase("objects", n(100_000), objects),
  await phase("async", n(100_000), asyncCalls),
];
process.stdout.write(JSON.stringify({ runtime: "node", phases }) + "\n");

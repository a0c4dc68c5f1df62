#!/usr/bin/env node
// node bench/async-bench.mjs [--quick]
//
// Run by `cargo xtask bench` beside node-bench.mjs: what one awaited
// generateGoodbyeAsync costs beside the sync generateGoodbye with the same
// options, without a translator (a corpus language) and with a translator
// that answers at once (a language the corpus lacks). The three sides run in
// alternating batches of sequential awaited calls; prints JSON (µs per call).
import * as sdk from "joyous-departures";

import { sinkValue, timeCases } from "./timing.mjs";

const quick = process.argv.includes("--quick");
const rounds = quick ? 5 : 11;
const batchMs = quick ? 20 : 60;
const now = new Date("2026-11-23T14:05:00Z");
const options = { languageCode: "fr", templateArgs: { name: "Ada" }, seed: 42n, now };
const missing = { ...options, languageCode: "nl-NL" };
const immediate = { translate: async (code, text) => `[${code}] ${text}` };

const sides = {
  sync: async () => sdk.generateGoodbye(options),
  async: () => sdk.generateGoodbyeAsync(options),
  translated: () => sdk.generateGoodbyeAsync(missing, immediate),
};

// The sides must agree before anything is timed.
const english = sdk.generateGoodbye({ ...options, languageCode: "en-GB" });
if ((await sides.async()) !== (await sides.sync())) throw new Error("generateGoodbyeAsync differs from generateGoodbye");
if ((await sides.translated()) !== `[nl-NL] ${english}`) throw new Error("the translated goodbye is not the English one, tagged");

const { results, calls } = await timeCases({ generateGoodbyeAsync: sides }, { rounds, batchMs, awaited: true });
console.log(JSON.stringify({ runtime: `Node ${process.version}`, results: results.generateGoodbyeAsync, calls: calls.generateGoodbyeAsync, sink: sinkValue() }));

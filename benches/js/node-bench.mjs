#!/usr/bin/env node
// node bench/node-bench.mjs [--quick]
//
// Run by `cargo xtask bench` from a copy of benches/js in <project>/bench/,
// where <project> has joyous-departures installed (imported by name, its
// `node` export) and bench/baseline/ holds the wasm-bindgen baseline's glue.
// Checks both sides agree, then times every case of cases.mjs, the two sides
// in alternating batches; prints JSON (µs per call) on stdout.
import * as sdk from "joyous-departures";
// The package's own glue module (the same file its entry imports, so the same
// instance), for the facade-less figures.
import * as glue from "../node_modules/joyous-departures/dist/wasm/joyous_departures_wasm_bg.js";

import * as base from "./baseline-node.mjs";
import { cases, checkSameCore } from "./cases.mjs";
import { sinkValue, timeCases } from "./timing.mjs";

const quick = process.argv.includes("--quick");
checkSameCore(sdk, base, glue);
const { results, calls } = await timeCases(cases(sdk, base, glue), quick ? { rounds: 5, batchMs: 20 } : { rounds: 11, batchMs: 60 });
console.log(JSON.stringify({ runtime: `Node ${process.version}`, results, calls, sink: sinkValue() }));

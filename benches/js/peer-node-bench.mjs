#!/usr/bin/env node
// node bench/peer-node-bench.mjs [--quick]
//
// Run by `cargo xtask bench` from a copy of benches/js in <project>/bench/,
// where <project> has joyous-peer-ours (benches/peers/ours built by
// `joyous-bindgen build`) installed by name and bench/baseline/ holds the
// wasm-bindgen baseline's glue. Checks both sides agree, then times the peer
// cases in alternating batches; prints JSON (µs per call) on stdout.
import * as ours from "joyous-peer-ours";

import * as base from "./baseline-node.mjs";
import { checkPeersAgree, peerAsyncCases, peerCases } from "./peer-cases.mjs";
import { sinkValue, timeCases } from "./timing.mjs";

const quick = process.argv.includes("--quick");
const opts = quick ? { rounds: 5, batchMs: 20 } : { rounds: 11, batchMs: 60 };
await checkPeersAgree(ours, base);
const sync = await timeCases(peerCases(ours, base), opts);
const awaited = await timeCases(peerAsyncCases(ours, base), { ...opts, awaited: true });
console.log(
  JSON.stringify({
    runtime: `Node ${process.version}`,
    results: { ...sync.results, ...awaited.results },
    calls: { ...sync.calls, ...awaited.calls },
    sink: sinkValue(),
  }),
);

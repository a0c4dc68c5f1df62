#!/usr/bin/env node
// node bench/peer-node-bench.mjs [--quick] [--ubrn <bundle.mjs>]
//
// Run by `cargo xtask bench` from a copy of benches/js in <project>/bench/,
// where <project> has joyous-peer-ours (benches/peers/ours built by
// `joyous-bindgen build`) installed by name and bench/baseline/ holds the
// wasm-bindgen baseline's glue. Checks both sides agree, then times the peer
// cases in alternating batches; prints JSON (µs per call) on stdout. With
// --ubrn, uniffi-bindgen-react-native's bundled package (the deviation built
// by xtask/src/bench/peers_ubrn.rs) is a third side where it has the function.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

import * as ours from "joyous-peer-ours";

import * as base from "./baseline-node.mjs";
import { checkPeersAgree, peerAsyncCases, peerCases } from "./peer-cases.mjs";
import { sinkValue, timeCases } from "./timing.mjs";

const quick = process.argv.includes("--quick");
const ubrnAt = process.argv.indexOf("--ubrn");
let ubrn;
if (ubrnAt >= 0) {
  const path = process.argv[ubrnAt + 1];
  if (!path) throw new Error("--ubrn needs the path of uniffi-bindgen-react-native's bundled package");
  ubrn = await import(pathToFileURL(resolve(path)).href);
  await ubrn.uniffiInitAsync();
}
const opts = quick ? { rounds: 5, batchMs: 20 } : { rounds: 11, batchMs: 60 };
await checkPeersAgree(ours, base, ubrn);
const sync = await timeCases(peerCases(ours, base, ubrn), opts);
const awaited = await timeCases(peerAsyncCases(ours, base), { ...opts, awaited: true });
console.log(
  JSON.stringify({
    runtime: `Node ${process.version}`,
    results: { ...sync.results, ...awaited.results },
    calls: { ...sync.calls, ...awaited.calls },
    sink: sinkValue(),
  }),
);

#!/usr/bin/env node
// node bench/peer-profile.mjs [--quick] --case <name> [--case <name> ...]
//
// Run by `cargo xtask bench` where a peer case misses its target, from a
// project like peer-node-bench.mjs's, but whose joyous-peer-ours was built by
// `joyous-bindgen build --profiling` and whose baseline/ .wasm kept its names
// too (`wasm-opt -Oz -g`), so Rust functions are named in the profile.
// Each side of each case runs in a loop under V8's sampling CPU profiler (the
// in-process inspector, 50 µs interval); prints JSON on stdout:
//   { runtime, interval_us, cases: { case: { side: { us_per_call, calls,
//     samples, by_where: { where: us }, top: [{ name, where, us }] } } } }
// where µs are per call: each sample's share of the loop's time, divided by
// the calls. The profiler's overhead inflates every figure alike.
import { Session } from "node:inspector/promises";

import * as ours from "joyous-peer-ours";

import * as base from "./baseline-node.mjs";
import { checkPeersAgree, peerAsyncCases, peerCases } from "./peer-cases.mjs";
import { consume } from "./timing.mjs";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const wanted = argv.flatMap((arg, i) => (argv[i - 1] === "--case" ? [arg] : []));
if (wanted.length === 0) throw new Error("peer-profile.mjs: name at least one --case");

const INTERVAL_US = 50;
const LOOP_MS = quick ? 400 : 1500;
const TOP = 8;

/** Where a profile node's own time was spent, from its script's URL. */
function whereOf({ url, functionName }) {
  if (url.startsWith("wasm://")) return "wasm";
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)") return "V8, not in a function (program)";
  if (/\/joyous-peer-ours\/dist\/wasm\//.test(url)) return "ours: wasm-bindgen glue (JS)";
  if (/\/joyous-peer-ours\//.test(url)) return "ours: TypeScript facade and runtime";
  if (/\/baseline\//.test(url)) return "baseline: wasm-bindgen glue (JS)";
  if (/\/bench\//.test(url)) return "bench loop and callback";
  if (url === "" || url.startsWith("node:")) return "Node and V8 built-ins";
  return "other JS";
}

function shortName({ functionName, url, lineNumber }) {
  const name = functionName || "(anonymous)";
  if (url.startsWith("wasm://")) return name.replace(/^\$/, "");
  const file = url.split("/").pop();
  return file ? `${name} (${file}:${lineNumber + 1})` : name;
}

async function profileSide(session, fn, awaited) {
  // Calibrate so that the loop lasts about LOOP_MS, warm, then profile it.
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) consume(awaited ? await fn() : fn());
    const ms = performance.now() - t0;
    if (ms >= LOOP_MS / 8) {
      n = Math.max(1, Math.round((n * LOOP_MS) / ms));
      break;
    }
    n *= 4;
  }
  await session.post("Profiler.start");
  const t0 = performance.now();
  if (awaited) for (let i = 0; i < n; i++) consume(await fn());
  else for (let i = 0; i < n; i++) consume(fn());
  const ms = performance.now() - t0;
  const { profile } = await session.post("Profiler.stop");

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  // Idle and the profiler's root are not the loop's work.
  const counted = [...hits].filter(([id]) => !["(idle)", "(root)"].includes(byId.get(id).callFrame.functionName));
  const total = counted.reduce((sum, [, h]) => sum + h, 0);
  const usPerCall = (ms * 1000) / n;
  const perCall = (h) => (h / total) * usPerCall;
  const byWhere = {};
  const byName = new Map();
  for (const [id, h] of counted) {
    const frame = byId.get(id).callFrame;
    const where = whereOf(frame);
    byWhere[where] = (byWhere[where] ?? 0) + perCall(h);
    const key = `${where}\u0000${shortName(frame)}`;
    byName.set(key, (byName.get(key) ?? 0) + h);
  }
  const top = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([key, h]) => {
      const [where, name] = key.split("\u0000");
      return { name, where, us: perCall(h) };
    });
  return { us_per_call: usPerCall, calls: n, samples: total, by_where: byWhere, top };
}

await checkPeersAgree(ours, base);
const asyncCases = peerAsyncCases(ours, base);
const all = { ...peerCases(ours, base), ...asyncCases };
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: INTERVAL_US });
const cases = {};
for (const name of wanted) {
  const sides = all[name];
  if (!sides) throw new Error(`peer-profile.mjs: no peer case ${JSON.stringify(name)}; the cases are ${Object.keys(all).join(", ")}`);
  cases[name] = {};
  for (const side of ["ours", "baseline"]) {
    cases[name][side] = await profileSide(session, sides[side], name in asyncCases);
  }
}
session.disconnect();
console.log(JSON.stringify({ runtime: `Node ${process.version}`, interval_us: INTERVAL_US, cases }));

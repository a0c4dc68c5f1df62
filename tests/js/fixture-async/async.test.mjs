// The fixture crate crates/fixture-async through its npm package
// `fixture-async`: every shared check (async-checks.mjs) as its own test, then
// what only Node can show: wasm memory stays flat over 100,000 resolved and
// 10,000 cancelled futures, and a JavaScript object Rust holds stays alive
// until Rust drops it.
//
// Run from a directory whose node_modules has `fixture-async`:
// `node --expose-gc --test async.test.mjs` (async-checks.mjs beside it).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setMaxListeners } from "node:events";
import { createServer } from "node:http";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

import * as api from "fixture-async";

import { checks } from "./async-checks.mjs";

// The package's own runtime module (the same instance the entry loaded), for
// what a test may look at but users need not: wasm memory, foreign handles.
const packageDir = dirname(createRequire(import.meta.url).resolve("fixture-async/package.json"));
const rt = await import(pathToFileURL(join(packageDir, "dist", "runtime.js")).href);
const memoryBytes = () => rt.state.exports.memory.buffer.byteLength;

// Real I/O for the check whose JS callback fetches while Rust awaits it: a
// local server answering `echo <last path segment>`.
const server = createServer((req, res) => res.end(`echo ${req.url.split("/").pop()}`));
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
server.unref();
const fetchText = async (path) => (await fetch(`http://127.0.0.1:${server.address().port}${path}`)).text();

for (const [name, fn] of checks) {
  test(name, () => fn(api, { fetchText }));
}

async function resolved(count) {
  for (let i = 0; i < count; i += 1000) {
    await Promise.all([...Array(1000).keys()].map((j) => api.asyncDouble(j)));
  }
}

async function cancelled(count) {
  for (let i = 0; i < count; i += 1000) {
    const controller = new AbortController();
    setMaxListeners(1000, controller.signal); // one signal for 1,000 calls, on purpose
    const calls = [...Array(1000).keys()].map(() => api.asyncForever({ signal: controller.signal }).catch((e) => e.name));
    await null;
    controller.abort();
    const names = await Promise.all(calls);
    assert.ok(names.every((n) => n === "AbortError"), "every cancelled call rejects with AbortError");
  }
}

test("100,000 resolved and 10,000 cancelled futures leave wasm memory flat", async () => {
  await resolved(10_000);
  await cancelled(1_000);
  const warm = memoryBytes();
  await resolved(100_000);
  await cancelled(10_000);
  assert.equal(memoryBytes(), warm, `wasm memory grew from ${warm} to ${memoryBytes()} bytes`);
});

test("a JS object Rust holds stays alive while Rust holds it and is released when Rust drops it", async () => {
  assert.equal(typeof globalThis.gc, "function", "run with node --expose-gc");
  const before = rt.foreign.size;
  let cache;
  let weak;
  (() => {
    const store = { get: (k) => `v:${k}`, put() {}, async fetch(k) { return k; }, async size() { return 0; } };
    weak = new WeakRef(store);
    cache = new api.Cache(store);
  })();
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    globalThis.gc();
  }
  assert.ok(weak.deref() !== undefined, "the store is alive while the Cache holds it");
  assert.equal(cache.lookup("a"), "v:a", "and still answers");
  assert.equal(rt.foreign.size, before + 1, "Rust holds one handle");
  cache.free();
  assert.equal(rt.foreign.size, before, "dropping the Cache released the handle");
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    globalThis.gc();
  }
  assert.equal(weak.deref(), undefined, "the store was garbage-collected once Rust let go");
});

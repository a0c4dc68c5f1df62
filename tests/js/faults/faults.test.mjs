// Load faults in Node: copies of the installed package with a broken or
// absent .wasm, each imported in this process; each import must fail with
// LoadError at its step, and the good package must load afterwards.
//
// Run from a directory whose node_modules has joyous-departures:
// `node --test faults.test.mjs` (faults.mjs beside it).
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import { FAULTS, wrongError } from "./faults.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = dirname(createRequire(import.meta.url).resolve("joyous-departures/package.json"));
const wasmDir = join(packageDir, "dist", "wasm");
const wasmName = "joyous_departures_wasm_bg.wasm";
const good = new Uint8Array(readFileSync(join(wasmDir, wasmName)));
const { API_FINGERPRINT } = await import(pathToFileURL(join(packageDir, "dist", "fingerprint.js")).href);

for (const fault of FAULTS) {
  test(`a ${fault.name} .wasm gives LoadError at step ${fault.step}`, async () => {
    const copy = join(here, "broken", fault.name);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    cpSync(packageDir, copy, { recursive: true });
    const bytes = fault.make(good, API_FINGERPRINT);
    const wasm = join(copy, "dist", "wasm", wasmName);
    if (bytes === undefined) rmSync(wasm);
    else writeFileSync(wasm, bytes);
    let error;
    try {
      await import(pathToFileURL(join(copy, "dist", "node.js")).href);
    } catch (e) {
      error = e;
    }
    assert.ok(error !== undefined, `importing the ${fault.name} package succeeded`);
    console.log(`node ${fault.name}: ${error.name} (step ${error.step}): ${error.message}`);
    assert.equal(wrongError(error, fault.step), undefined);
    const { LoadError } = await import(pathToFileURL(join(copy, "dist", "runtime.js")).href);
    assert.ok(error instanceof LoadError, "the error is the package's own LoadError class");
    if (fault.name === "missing") assert.ok(error.message.includes(wasmName), "the message names the file");
  });
}

test("after the faults, the good package loads and works in the same process", async () => {
  const { generateGoodbye, version } = await import("joyous-departures");
  assert.ok(version().length > 0);
  assert.ok(generateGoodbye({ seed: 1n }).length > 0);
});

// The outside crate tests/outside/tricky-names through its npm package
// `tricky-names`, installed by name from the tarball `joyous-bindgen build`
// made: every shared check as its own test, plus the installed package.json.
//
// Run with Node 20 from a directory whose node_modules has `tricky-names`:
// `node --test tricky.test.mjs` (tricky-checks.mjs beside it).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

import * as api from "tricky-names";

import { checks } from "./tricky-checks.mjs";

for (const [name, fn] of checks) {
  test(name, () => fn(api));
}

test("package.json takes its name from the crate's metadata and its license from the crate", () => {
  const require = createRequire(import.meta.url);
  const json = JSON.parse(readFileSync(require.resolve("tricky-names/package.json"), "utf8"));
  assert.equal(json.name, "tricky-names");
  assert.equal(json.license, "MIT");
  assert.equal(json.version, "0.1.0");
});

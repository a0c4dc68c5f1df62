// The conformance vectors (tests/conformance/*.json), one test each, through
// the package's `node` entry. The directory comes from JOYOUS_CONFORMANCE_DIR.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import * as api from "joyous-departures";

import { checkCase, runConformance } from "../lib/conformance.mjs";

const dir = process.env.JOYOUS_CONFORMANCE_DIR;
if (!dir) throw new Error("set JOYOUS_CONFORMANCE_DIR to the directory of the conformance vectors (tests/conformance)");

const files = readdirSync(dir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({ name, cases: JSON.parse(readFileSync(join(dir, name), "utf8")).cases }));

test("there are enough cases", () => {
  const count = files.reduce((n, f) => n + f.cases.length, 0);
  assert.ok(count >= 30, `only ${count} cases in ${dir}`);
});

for (const { name, cases } of files) {
  for (const c of cases) {
    test(`${name}:${c.id}`, async () => {
      const reason = await checkCase(api, c);
      if (reason !== null) assert.fail(reason);
    });
  }
}

test("runConformance (what workerd and Chromium run) agrees with the tests above", async () => {
  const { passed, failed } = await runConformance(api, files);
  const expected = [];
  for (const { name, cases } of files) {
    for (const c of cases) {
      const reason = await checkCase(api, c);
      if (reason !== null) expected.push({ file: name, id: c.id, reason });
    }
  }
  assert.deepEqual(failed, expected);
  assert.equal(passed + failed.length, files.reduce((n, f) => n + f.cases.length, 0));
});

// The whole API through the package's `node` entry: every shared check as its
// own test, plus what only Node can look at (the installed package.json).
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";

import * as api from "joyous-departures";

import { checks } from "../lib/api-checks.mjs";
import { installedPackage, resolveTarget } from "./package-info.mjs";

for (const [name, fn] of checks) {
  test(name, () => fn(api));
}

test("the node entry needs no init", () => {
  // Importing above was all: calls work at once.
  assert.equal(typeof api.generateGoodbye({ seed: 1n }), "string");
});

test("version() equals the package.json version", () => {
  assert.equal(api.version(), installedPackage().json.version);
});

test("package.json exports every runtime condition, in an order that picks the right entry", () => {
  const { dir, json, nodeEntry } = installedPackage();
  const root = typeof json.exports === "object" && "." in json.exports ? json.exports["."] : json.exports;
  assert.equal(typeof root, "object", "exports['.'] is a condition object");
  const keys = Object.keys(root);
  for (const condition of ["types", "workerd", "worker", "node", "browser", "default"]) {
    assert.ok(keys.includes(condition), `exports['.'] has no ${condition} condition: ${keys.join(", ")}`);
    const target = resolveTarget(root[condition], [condition, "import", "default", "types"]);
    assert.ok(target, `exports['.'].${condition} names no file`);
    assert.ok(existsSync(join(dir, target)), `exports['.'].${condition} -> ${target} does not exist`);
  }
  // Each runtime condition carries its own typings (entries differ: only the
  // browser entry exports init), and the bare `types` fallback precedes default.
  for (const condition of ["workerd", "worker", "node", "browser"]) {
    const types = typeof root[condition] === "object" ? resolveTarget(root[condition], ["types"]) : undefined;
    assert.match(types ?? "", /\.d\.[cm]?ts$/, `exports['.'].${condition} has its own types`);
  }
  assert.ok(keys.indexOf("types") < keys.indexOf("default"), "types comes before default");
  assert.equal(keys.at(-1), "default", "default comes last (Node ignores keys after it)");
  for (const condition of ["workerd", "worker"]) {
    assert.ok(keys.indexOf(condition) < keys.indexOf("browser"), `${condition} comes before browser (wrangler also sets browser)`);
  }
  assert.match(resolveTarget(root.types, ["types"]), /\.d\.[cm]?ts$/, "types is a .d.ts");
  assert.equal(resolve(nodeEntry), resolve(dir, resolveTarget(root.node, ["node", "import", "default"])), "Node resolves the node entry");
});

test("Generator.generateText() and generateTexts(n) follow the series of generate()", () => {
  const options = { languageCode: "fr", seed: 42n, now: new Date(Date.UTC(2026, 10, 23, 14, 5)) };
  const reference = new api.Generator(options);
  const g = new api.Generator(options);
  try {
    const records = reference.generateBatch(6);
    // One generator, one random sequence: text, texts and records interleave.
    assert.equal(g.generateText(), records[0].text);
    assert.deepEqual(g.generateTexts(3), records.slice(1, 4).map((r) => r.text));
    assert.equal(g.generate().text, records[4].text);
    assert.deepEqual(g.generateTexts(0), []);
    assert.deepEqual(g.generateTexts(1), [records[5].text]);
    for (const bad of [-1, 2 ** 32, 1.5]) {
      assert.throws(() => g.generateTexts(bad), (e) => e instanceof TypeError || e instanceof RangeError, `generateTexts(${bad})`);
    }
  } finally {
    reference.free();
    g.free();
  }
});

test("generateGoodbye(null) means the defaults, and options still apply", () => {
  const seeded = { seed: 3n, now: new Date(Date.UTC(2026, 10, 23, 14, 5)) };
  const g = new api.Generator(seeded);
  try {
    assert.equal(api.generateGoodbye(seeded), g.generateText());
  } finally {
    g.free();
  }
  assert.equal(typeof api.generateGoodbye(null), "string");
});

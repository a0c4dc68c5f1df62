#!/usr/bin/env node
// node tests/differential/js/run-node.mjs <project-dir> <cases.json>
// The differential cases in Node, against joyous-departures installed in
// <project-dir>/node_modules (imported by path to its `node` entry, as Node resolves it).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { runCases } from "./check.mjs";
import { report } from "./report.mjs";

const [projectArg, casesArg] = process.argv.slice(2);
if (!projectArg || !casesArg) {
  console.error("usage: node tests/differential/js/run-node.mjs <project-dir> <cases.json>");
  process.exit(2);
}
const project = resolve(projectArg);
// Resolved from the project, as `import "joyous-departures"` there would.
const entry = createRequire(join(project, "package.json")).resolve("joyous-departures");
const api = await import(pathToFileURL(entry).href);
const data = JSON.parse(readFileSync(casesArg, "utf8"));
const results = runCases(api, data);
const versions = { node: process.versions.node, icu: process.versions.icu, tz: process.versions.tz };
process.exit(report("node", versions, data.seed, data.cases.length, results) ? 0 : 1);

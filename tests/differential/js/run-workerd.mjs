#!/usr/bin/env node
// node tests/differential/js/run-workerd.mjs <project-dir> <cases.json>
// Copies worker.mjs, check.mjs and the cases to <project-dir>/differential-workerd,
// bundles them as a Workers build would and runs the cases in workerd (Miniflare).
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { bundleWorker, fetchWorker } from "../../js/tools/workerd.mjs";
import { packageVersion, report } from "./report.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg, casesArg] = process.argv.slice(2);
if (!projectArg || !casesArg) {
  console.error("usage: node tests/differential/js/run-workerd.mjs <project-dir> <cases.json>");
  process.exit(2);
}
const project = resolve(projectArg);
const dir = join(project, "differential-workerd");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const file of ["worker.mjs", "check.mjs"]) copyFileSync(join(here, file), join(dir, file));
copyFileSync(casesArg, join(dir, "cases.json"));
const data = JSON.parse(readFileSync(casesArg, "utf8"));

let results;
try {
  const { bundle } = await bundleWorker(project, join(dir, "worker.mjs"), join(dir, "dist"));
  const { status, body } = await fetchWorker(project, bundle, join(dir, "dist"), "http://localhost/");
  results = JSON.parse(body);
  if (results.fatal) throw new Error(`HTTP ${status}: ${results.fatal}`);
} catch (e) {
  console.error(`workerd: FAIL seed ${data.seed}: the Worker did not bundle, start or answer: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const tools = join(here, "..", "..", "js");
const versions = { miniflare: packageVersion(tools, "miniflare"), workerd: packageVersion(tools, "workerd") };
process.exit(report("workerd", versions, data.seed, data.cases.length, results) ? 0 : 1);

#!/usr/bin/env node
// node tests/js/outside/run-workerd.mjs <project-dir>
//
// <project-dir> has `tricky-names` installed in node_modules. Copies worker.mjs
// and tricky-checks.mjs to <project-dir>/workerd/, bundles the Worker as a
// Workers build would (tests/js/tools/workerd.mjs), runs it in workerd through
// Miniflare and prints `workerd: N checks passed`, or every failure and exits 1.
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { bundleWorker, fetchWorker } from "../tools/workerd.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/outside/run-workerd.mjs <project-dir>");
  process.exit(2);
}
const project = resolve(projectArg);
if (!existsSync(join(project, "node_modules", "tricky-names", "package.json"))) {
  console.error(`workerd: tricky-names is not installed in ${project}/node_modules`);
  process.exit(2);
}

const workDir = join(project, "workerd");
const distDir = join(workDir, "dist");
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
for (const file of ["worker.mjs", "tricky-checks.mjs"]) copyFileSync(join(here, file), join(workDir, file));

let bundle;
try {
  ({ bundle } = await bundleWorker(project, join(workDir, "worker.mjs"), distDir));
} catch (e) {
  console.error(`workerd: FAIL bundle: esbuild could not bundle the Worker: ${e.message}`);
  process.exit(1);
}

let result;
try {
  const { status, body } = await fetchWorker(project, bundle, distDir, "http://localhost/");
  try {
    result = JSON.parse(body);
  } catch {
    result = { fatal: `HTTP ${status}: ${body.slice(0, 2000)}` };
  }
} catch (e) {
  result = { fatal: `the Worker did not start or answer (workerd's output is above): ${e instanceof Error ? `${e.name}: ${e.message}` : e}` };
}
if (result.fatal) {
  console.error(`workerd: FAIL worker: ${result.fatal}`);
  process.exit(1);
}
for (const f of result.failed) console.error(`workerd: FAIL ${f.id}: ${f.reason}`);
if (result.failed.length > 0) {
  console.error(`workerd: FAILED: ${result.passed} of ${result.passed + result.failed.length} checks passed`);
  process.exit(1);
}
console.log(`workerd: ${result.passed} checks passed`);

#!/usr/bin/env node
// node tests/js/outside/run-workerd.mjs <project-dir>
//
// <project-dir> has `tricky-names` installed in node_modules. Copies worker.mjs
// and tricky-checks.mjs to <project-dir>/workerd/, bundles the Worker as a
// Workers build would (tests/js/tools/workerd.mjs), runs it in workerd through
// Miniflare and prints `workerd: N checks passed`, or every failure and exits 1.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { runChecksWorker } from "../tools/workerd.mjs";

const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/outside/run-workerd.mjs <project-dir>");
  process.exit(2);
}
process.exitCode = await runChecksWorker({
  here: dirname(fileURLToPath(import.meta.url)),
  project: resolve(projectArg),
  pkg: "tricky-names",
  files: ["worker.mjs", "tricky-checks.mjs"],
  workDir: "workerd",
});

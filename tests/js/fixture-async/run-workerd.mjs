#!/usr/bin/env node
// node tests/js/fixture-async/run-workerd.mjs <project-dir>
//
// <project-dir> has `fixture-async` installed in node_modules. Bundles
// worker.mjs (with async-checks.mjs) as a Workers build would, serves it from
// workerd through Miniflare with an ECHO service binding (answering
// `echo <last path segment>`), sends one request and prints
// `workerd: N checks passed`, or every failure and exits 1.
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { bundleWorker, fetchWorker } from "../tools/workerd.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/fixture-async/run-workerd.mjs <project-dir>");
  process.exit(2);
}
const project = resolve(projectArg);
if (!existsSync(join(project, "node_modules", "fixture-async", "package.json"))) {
  console.error(`workerd: fixture-async is not installed in ${project}/node_modules`);
  process.exit(2);
}

const workDir = join(project, "workerd-async");
const distDir = join(workDir, "dist");
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
for (const file of ["worker.mjs", "async-checks.mjs"]) copyFileSync(join(here, file), join(workDir, file));

const { bundle } = await bundleWorker(project, join(workDir, "worker.mjs"), distDir);
const echo = async (request) => new Response(`echo ${new URL(request.url).pathname.split("/").pop()}`);
let result;
try {
  const { status, body } = await fetchWorker(project, bundle, distDir, "http://localhost/", undefined, {
    serviceBindings: { ECHO: echo },
  });
  try {
    result = JSON.parse(body);
  } catch {
    result = { fatal: `HTTP ${status}: ${body.slice(0, 2000)}` };
  }
} catch (e) {
  result = { fatal: `the Worker did not start or answer: ${e instanceof Error ? `${e.name}: ${e.message}` : e}` };
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

#!/usr/bin/env node
// node tests/js/fixture-async/run-workerd.mjs <project-dir>
//
// <project-dir> has `fixture-async` installed in node_modules. Bundles
// worker.mjs (with async-checks.mjs) as a Workers build would, serves it from
// workerd through Miniflare with an ECHO service binding (answering
// `echo <last path segment>`), sends one request and prints
// `workerd: N checks passed`, or every failure and exits 1.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { runChecksWorker } from "../tools/workerd.mjs";

const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/fixture-async/run-workerd.mjs <project-dir>");
  process.exit(2);
}
const echo = async (request) => new Response(`echo ${new URL(request.url).pathname.split("/").pop()}`);
process.exitCode = await runChecksWorker({
  here: dirname(fileURLToPath(import.meta.url)),
  project: resolve(projectArg),
  pkg: "fixture-async",
  files: ["worker.mjs", "async-checks.mjs"],
  workDir: "workerd-async",
  options: { serviceBindings: { ECHO: echo } },
});

#!/usr/bin/env node
// node benches/js/workerd-bench.mjs <project> [--quick] [--worker <file>]
//
// Bundles <project>/bench/worker.mjs (or --worker, a file in bench/) as a Workers build would (esbuild,
// conditions workerd + worker; tests/js/tools/workerd.mjs), runs it in workerd
// through Miniflare and prints the Worker's JSON answer on stdout. workerd's
// own output goes to stderr.
import { join, resolve } from "node:path";

import { bundleWorker, fetchWorker } from "../../tests/js/tools/workerd.mjs";

const [projectArg, ...flags] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node benches/js/workerd-bench.mjs <project> [--quick]");
  process.exit(2);
}
const project = resolve(projectArg);
const outdir = join(project, "bench", "dist-worker");
const workerAt = flags.indexOf("--worker");
const worker = workerAt >= 0 ? flags[workerAt + 1] : "worker.mjs";
if (!worker) {
  console.error("workerd-bench: --worker needs a file name in <project>/bench/");
  process.exit(2);
}
const { bundle } = await bundleWorker(project, join(project, "bench", worker), outdir);
const url = `http://localhost/${flags.includes("--quick") ? "?quick" : ""}`;
const { status, body } = await fetchWorker(project, bundle, outdir, url, undefined, {
  handleRuntimeStdio(out, err) {
    out.on("data", (chunk) => process.stderr.write(chunk));
    err.on("data", (chunk) => process.stderr.write(chunk));
  },
});
let result;
try {
  result = JSON.parse(body);
} catch {
  result = { error: `HTTP ${status}: ${body.slice(0, 2000)}` };
}
if (status !== 200 || result.error) {
  console.error(`workerd-bench: the Worker failed: ${result.error ?? `HTTP ${status}`}`);
  process.exit(1);
}
console.log(JSON.stringify(result));

#!/usr/bin/env node
// node tests/js/demo/run.mjs <project-dir> <node|workerd|chromium> <options-json>
//
// Renders one goodbye with generateGoodbye(options) in the given runtime and
// prints exactly that message, one line, on stdout. <options-json> has the
// snake_case keys of tests/conformance, e.g.
//   '{"language_code": "en-GB", "seed": "18", "now": "2026-11-23T14:05:00Z",
//     "template_args": {"name": "Ada"}}'
// and becomes the TypeScript options as the conformance runner makes them
// (lib/conformance.mjs toOptions: seed a bigint, now a Date, camelCase keys).
//
// <project-dir> has joyous-departures installed in node_modules; the scripts
// that import it are copied to <project-dir>/demo/ (and tests/js/lib to
// <project-dir>/lib/):
//   node      demo/node.mjs run by node there (the package's `node` export, no init());
//   workerd   demo/worker.mjs bundled like workerd/run.mjs does and run in Miniflare,
//             the options as the request body, the message as the response body;
//   chromium  demo/index.html served, import map to the `browser` export,
//             `await init()` then the call, the result read from the page.
// Progress and errors go to stderr; any failure exits non-zero (2: bad usage).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { toOptions } from "../lib/conformance.mjs";
import { copyLib, installedPackage } from "../tools/common.mjs";

const RUNTIMES = { node: inNode, workerd: inWorkerd, chromium: inChromium };

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg, runtime, optionsJson, ...extra] = process.argv.slice(2);
if (!projectArg || !Object.hasOwn(RUNTIMES, runtime ?? "") || optionsJson === undefined || extra.length > 0) {
  console.error(`usage: node tests/js/demo/run.mjs <project-dir> <${Object.keys(RUNTIMES).join("|")}> <options-json>`);
  process.exit(2);
}
try {
  const options = JSON.parse(optionsJson);
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new Error("not a JSON object");
  toOptions(options); // what no runtime could convert fails here, with the reason
} catch (e) {
  console.error(`demo: bad <options-json> ${optionsJson}: ${e.message}`);
  process.exit(2);
}
const { project, pkgDir, pkg } = installedPackage("demo", projectArg);
const progress = (line) => console.error(`demo: ${runtime}: ${line}`);
const describe = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

const dir = join(project, "demo");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
copyLib(project);

let text;
try {
  text = await RUNTIMES[runtime]();
  if (typeof text !== "string") throw new Error(`generateGoodbye returned ${typeof text}, not a string`);
  if (/[\r\n]/.test(text)) throw new Error(`the message is not one line: ${JSON.stringify(text)}`);
} catch (e) {
  console.error(`demo: ${runtime}: FAIL ${e.message}`);
  process.exit(1);
}
process.stdout.write(`${text}\n`);

async function inNode() {
  copyFileSync(join(here, "node.mjs"), join(dir, "node.mjs"));
  const child = spawnSync(process.execPath, ["node.mjs", optionsJson], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (child.error) throw new Error(`could not run node: ${describe(child.error)}`);
  if (child.status !== 0) throw new Error(`demo/node.mjs exited with ${child.status ?? child.signal} (its output is above)`);
  let out;
  try {
    out = JSON.parse(child.stdout);
  } catch {
    throw new Error(`demo/node.mjs printed no result: ${JSON.stringify(child.stdout.slice(0, 2000))}`);
  }
  if ("error" in out) throw new Error(`generateGoodbye threw ${out.error}`);
  progress(`imported ${relative(project, fileURLToPath(out.entry))}`);
  return out.text;
}

async function inWorkerd() {
  const { bundleWorker, fetchWorker } = await import("../tools/workerd.mjs");
  copyFileSync(join(here, "worker.mjs"), join(dir, "worker.mjs"));
  const outdir = join(dir, "dist");
  let bundle, wasmOutputs;
  try {
    ({ bundle, wasmOutputs } = await bundleWorker(project, join(dir, "worker.mjs"), outdir));
  } catch (e) {
    throw new Error(`esbuild could not bundle the Worker: ${e.message}`);
  }
  progress(`bundled ${bundle} with ${wasmOutputs.length} .wasm module(s)`);
  let response;
  try {
    response = await fetchWorker(project, bundle, outdir, "http://localhost/", { method: "POST", body: optionsJson }, {
      // workerd's own stdout (the Worker's console.log) must not reach ours.
      handleRuntimeStdio(out, err) {
        out.pipe(process.stderr, { end: false });
        err.pipe(process.stderr, { end: false });
      },
    });
  } catch (e) {
    throw new Error(`the Worker did not start or answer (workerd's output is above): ${describe(e)}`);
  }
  if (response.status !== 200) throw new Error(`the Worker answered HTTP ${response.status}: ${response.body.slice(0, 2000)}`);
  return response.body;
}

async function inChromium() {
  const { browserEntryUrl, page, requireChromium, runPage } = await import("../tools/chromium.mjs");
  const entryUrl = browserEntryUrl(project, pkgDir, pkg);
  requireChromium("demo");
  const body = `    const { default: init, generateGoodbye } = await import("joyous-departures");
    const { toOptions } = await import("/lib/conformance.mjs");
    await init();
    const options = JSON.parse(new URLSearchParams(location.search).get("options"));
    window.__report = { text: generateGoodbye(toOptions(options)) };`;
  writeFileSync(join(dir, "index.html"), page("joyous-departures demo", entryUrl, body));
  progress(`page demo/index.html, "joyous-departures" mapped to ${entryUrl}`);
  const { result, pageErrors, uncaught, badRequests } = await runPage(
    project,
    `/demo/index.html?options=${encodeURIComponent(optionsJson)}`,
  );
  for (const e of pageErrors) progress(e);
  for (const r of badRequests) progress(`not served: ${r}`);
  for (const e of uncaught) progress(`uncaught exception: ${e}`);
  if (result.fatal) throw new Error(result.fatal);
  if (uncaught.length > 0) throw new Error(`${uncaught.length} uncaught exception(s) in the page (above)`);
  return result.text;
}

#!/usr/bin/env node
// node tests/js/faults/run-chromium.mjs <project-dir>
//
// Load faults in headless Chromium: the browser entry's `init()` given each
// broken .wasm (faults.mjs; the missing one as a URL that answers 404) must
// reject with LoadError at its step, and a later good `await init()` in the
// same page must work. Prints one line per fault, exits 1 on any failure.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { installedPackage } from "../tools/common.mjs";
import { browserEntryUrl, page, requireChromium, runPage } from "../tools/chromium.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/faults/run-chromium.mjs <project-dir>");
  process.exit(2);
}
const { project, pkgDir, pkg } = installedPackage("chromium faults", projectArg);
const entryUrl = browserEntryUrl(project, pkgDir, pkg);
const wasmUrl = entryUrl.replace(/[^/]+$/, "wasm/joyous_departures_wasm_bg.wasm");
requireChromium("chromium faults");

const pageDir = join(project, "chromium-faults");
rmSync(pageDir, { recursive: true, force: true });
mkdirSync(pageDir, { recursive: true });
copyFileSync(join(here, "faults.mjs"), join(pageDir, "faults.mjs"));
const fingerprint = readFileSync(join(pkgDir, "dist", "fingerprint.js"), "utf8").match(/"([^"]+)"/)[1];
const BODY = `    const api = await import("joyous-departures");
    const { FAULTS, wrongError } = await import("./faults.mjs");
    const good = new Uint8Array(await (await fetch(${JSON.stringify(wasmUrl)})).arrayBuffer());
    const results = [];
    for (const fault of FAULTS) {
      const bytes = fault.make(good, ${JSON.stringify(fingerprint)});
      let error;
      try {
        await api.default(bytes === undefined ? "/chromium-faults/absent.wasm" : bytes);
      } catch (e) {
        error = e;
      }
      const seen = error === undefined ? "no error" : describe(error) + " (step " + error.step + ")";
      const wrong = error === undefined ? "init() succeeded" : wrongError(error, fault.step) ?? (error instanceof api.LoadError ? undefined : "not the package's LoadError class");
      results.push({ name: fault.name, seen, wrong });
    }
    let after;
    try {
      await api.default();
      after = api.generateGoodbye({ seed: 1n }).length > 0 ? undefined : "an empty goodbye";
    } catch (e) {
      after = describe(e);
    }
    window.__report = { results, after };`;
writeFileSync(join(pageDir, "index.html"), page("load faults in Chromium", entryUrl, BODY));

const { result, pageErrors, uncaught, badRequests } = await runPage(project, "/chromium-faults/index.html");
// The missing fault's 404 is expected; anything else is a failure.
const expected = (line) => line.includes("absent.wasm") || line.includes("404 (Not Found)");
const unexpected = [...pageErrors.filter((e) => !expected(e)), ...badRequests.filter((r) => !expected(r)), ...uncaught];
for (const e of unexpected) console.error(`chromium faults: FAIL page: ${e}`);
if (result.fatal) {
  console.error(`chromium faults: FAIL page: ${result.fatal}`);
  process.exit(1);
}
let failed = unexpected.length;
for (const { name, seen, wrong } of result.results) {
  if (wrong) {
    failed++;
    console.error(`chromium faults: FAIL ${name}: ${wrong}`);
  } else console.log(`chromium ${name}: ${seen}`);
}
if (result.after) {
  failed++;
  console.error(`chromium faults: FAIL a good init() after the faults: ${result.after}`);
} else console.log("chromium: a good init() after the faults works");
process.exit(failed > 0 ? 1 : 0);

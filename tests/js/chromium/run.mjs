#!/usr/bin/env node
// node tests/js/chromium/run.mjs <project-dir> <conformance-dir>
//
// <project-dir> has joyous-departures installed in node_modules. This runner
// serves <project-dir> over HTTP on 127.0.0.1, writes a page to
// <project-dir>/chromium/ whose import map sends "joyous-departures" to the
// package's `browser` export, and opens it in headless Chromium
// (/usr/bin/chromium through playwright-core). The page first checks that
// calls before init() throw NotInitializedError, then `await init()`, runs the
// conformance vectors and the API checks, and reports. Prints
// `chromium: N conformance cases, M api checks passed`, or every failure
// (and the page's errors) and exits 1.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { browserEntryUrl, page, requireChromium, runPage } from "../tools/chromium.mjs";
import { copyLib, parseArgs, readVectors, report } from "../tools/common.mjs";

const { project, conformance, pkgDir, pkg } = parseArgs("chromium");

// The page's tests: calls before init() must throw NotInitializedError; then
// init(), the vectors and the API checks.
const TESTS = `    const api = await import("joyous-departures");
    const { runConformance } = await import("/lib/conformance.mjs");
    const { apiChecks } = await import("/lib/api-checks.mjs");

    // Before init(): every call must throw NotInitializedError.
    const beforeInit = {};
    for (const [name, call] of [
      ["version", () => api.version()],
      ["supportedLanguages", () => api.supportedLanguages()],
      ["generateGoodbye", () => api.generateGoodbye({ seed: 1n })],
      ["new Generator", () => new api.Generator()],
      ["Generator.withCorpus", () => api.Generator.withCorpus("[en-GB]\\nBye\\n")],
    ]) {
      try {
        call();
        beforeInit[name] = "no error before init()";
      } catch (e) {
        beforeInit[name] =
          typeof api.NotInitializedError !== "function" ? "NotInitializedError is not exported; got " + describe(e)
          : !(e instanceof api.NotInitializedError) ? "expected NotInitializedError, got " + describe(e)
          : !(e instanceof Error) || !e.message.trim() || e.name !== "NotInitializedError" ? "malformed NotInitializedError: " + describe(e)
          : "ok";
      }
    }

    if (typeof api.default !== "function") throw new Error("the browser entry has no default export init()");
    await api.default();

    const vectors = await (await fetch("./vectors.json")).json();
    window.__report = {
      beforeInit,
      conformance: await runConformance(api, vectors.files),
      checks: apiChecks(api),
      userAgent: navigator.userAgent,
    };`;

let entryUrl;
try {
  entryUrl = browserEntryUrl(project, pkgDir, pkg);
} catch (e) {
  console.error(`chromium: FAIL package.json: ${e.message}`);
  process.exit(1);
}
requireChromium("chromium");

// The page, the vectors and the shared checks, inside the served directory.
const pageDir = join(project, "chromium");
rmSync(pageDir, { recursive: true, force: true });
mkdirSync(pageDir, { recursive: true });
copyLib(project);
const files = readVectors(conformance);
const cases = files.reduce((n, f) => n + f.cases.length, 0);
writeFileSync(join(pageDir, "vectors.json"), JSON.stringify({ files }));
writeFileSync(join(pageDir, "index.html"), page("joyous-departures in Chromium", entryUrl, TESTS));

const { result, pageErrors, uncaught, badRequests } = await runPage(project, "/chromium/index.html");

const extraFailures = [];
for (const e of pageErrors) console.error(`chromium: ${e}`);
for (const r of badRequests) console.error(`chromium: not served: ${r}`);
for (const e of uncaught) extraFailures.push({ file: "page", id: "uncaught exception", reason: e });
if (result.fatal) extraFailures.push({ file: "page", id: "run", reason: result.fatal });
for (const [call, outcome] of Object.entries(result.beforeInit ?? {})) {
  if (outcome !== "ok") extraFailures.push({ file: "before init()", id: call, reason: outcome });
}
if (!result.fatal && Object.keys(result.beforeInit ?? {}).length === 0) {
  extraFailures.push({ file: "before init()", id: "(none)", reason: "the page checked no call before init()" });
}
const ok = report("chromium", { conformance: result.conformance, checks: result.checks, cases, extraFailures });
process.exit(ok ? 0 : 1);

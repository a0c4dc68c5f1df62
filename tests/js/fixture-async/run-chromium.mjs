#!/usr/bin/env node
// node tests/js/fixture-async/run-chromium.mjs <project-dir>
//
// <project-dir> has `fixture-async` installed in node_modules. Serves it on
// 127.0.0.1, writes a page whose import map sends "fixture-async" to the
// package's `browser` export, runs async-checks.mjs after `await init()` in
// headless Chromium, and prints `chromium: N checks passed`, or every failure
// (and the page's errors) and exits 1.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { browserEntryUrl, page, requireChromium, runPage } from "../tools/chromium.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/fixture-async/run-chromium.mjs <project-dir>");
  process.exit(2);
}
const project = resolve(projectArg);
const pkgDir = join(project, "node_modules", "fixture-async");
if (!existsSync(join(pkgDir, "package.json"))) {
  console.error(`chromium: fixture-async is not installed in ${project}/node_modules`);
  process.exit(2);
}
const entryUrl = browserEntryUrl(project, pkgDir, JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")));
requireChromium("chromium");

const pageDir = join(project, "chromium-async");
rmSync(pageDir, { recursive: true, force: true });
mkdirSync(pageDir, { recursive: true });
copyFileSync(join(here, "async-checks.mjs"), join(pageDir, "async-checks.mjs"));
// What the I/O check fetches (a real request to the page's server).
mkdirSync(join(pageDir, "echo"));
writeFileSync(join(pageDir, "echo", "ping"), "echo ping");
// The checks, after init(); the I/O check fetches from the page's server.
const TESTS = `    const api = await import("fixture-async");
    const { checks } = await import("./async-checks.mjs");
    await api.default();
    const failed = [];
    let passed = 0;
    for (const [id, fn] of checks) {
      try {
        await fn(api, { fetchText: async (path) => (await fetch("/chromium-async" + path)).text() });
        passed++;
      } catch (e) {
        failed.push({ id, reason: describe(e) });
      }
    }
    window.__report = { passed, failed };`;
writeFileSync(join(pageDir, "index.html"), page("fixture-async in Chromium", entryUrl, TESTS, "fixture-async"));

const { result, pageErrors, uncaught, badRequests } = await runPage(project, "/chromium-async/index.html");
for (const e of pageErrors) console.error(`chromium: ${e}`);
for (const r of badRequests) console.error(`chromium: not served: ${r}`);
for (const e of uncaught) console.error(`chromium: FAIL uncaught exception: ${e}`);
if (result.fatal) {
  console.error(`chromium: FAIL page: ${result.fatal}`);
  process.exit(1);
}
for (const f of result.failed) console.error(`chromium: FAIL ${f.id}: ${f.reason}`);
if (result.failed.length > 0 || uncaught.length > 0) {
  console.error(`chromium: FAILED: ${result.passed} of ${result.passed + result.failed.length} checks passed`);
  process.exit(1);
}
console.log(`chromium: ${result.passed} checks passed`);

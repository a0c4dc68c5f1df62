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
import { createReadStream, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { exportedFile, parseArgs, readVectors, report } from "../tools/common.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TIMEOUT_MS = 120_000;
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const here = dirname(fileURLToPath(import.meta.url));
const { project, conformance, pkgDir, pkg } = parseArgs("chromium");

let browserEntry;
try {
  browserEntry = exportedFile(pkg, "browser");
} catch (e) {
  console.error(`chromium: FAIL package.json: ${e.message}`);
  process.exit(1);
}
const entryUrl = "/" + relative(project, resolve(pkgDir, browserEntry)).split(sep).join("/");
if (!existsSync(join(project, ...entryUrl.split("/")))) {
  console.error(`chromium: FAIL package.json: exports["."].browser names ${browserEntry}, which does not exist`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`chromium: ${CHROMIUM} does not exist (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(2);
}

// The page, the vectors and the shared checks, inside the served directory.
const pageDir = join(project, "chromium");
rmSync(pageDir, { recursive: true, force: true });
mkdirSync(pageDir, { recursive: true });
rmSync(join(project, "lib"), { recursive: true, force: true });
cpSync(join(here, "..", "lib"), join(project, "lib"), { recursive: true });
const files = readVectors(conformance);
const cases = files.reduce((n, f) => n + f.cases.length, 0);
writeFileSync(join(pageDir, "vectors.json"), JSON.stringify({ files }));
writeFileSync(join(pageDir, "index.html"), page(entryUrl));

// A static file server over the project directory.
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};
const badRequests = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  const file = resolve(project, "." + path);
  const inside = file === project || file.startsWith(project + sep);
  if (req.method !== "GET" || !inside || !existsSync(file) || !statSync(file).isFile()) {
    if (path !== "/favicon.ico") badRequests.push(`${req.method} ${path}`);
    res.writeHead(inside ? 404 : 403).end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const userDataDir = mkdtempSync(join(tmpdir(), "joyous-chromium-"));
const pageErrors = [];
const uncaught = [];
let context;
let result;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    timeout: 60_000,
  });
  const tab = context.pages()[0] ?? (await context.newPage());
  tab.on("pageerror", (e) => uncaught.push(e.stack || e.message));
  tab.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(`console error: ${m.text()}`);
  });
  tab.on("requestfailed", (r) => pageErrors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  await tab.goto(`${origin}/chromium/index.html`);
  await tab.waitForFunction(() => window.__report !== undefined, null, { timeout: TIMEOUT_MS });
  result = await tab.evaluate(() => window.__report);
} catch (e) {
  result = { fatal: `the page did not report: ${e instanceof Error ? e.message : e}` };
} finally {
  await context?.close().catch(() => {});
  await new Promise((ok) => server.close(ok));
  rmSync(userDataDir, { recursive: true, force: true });
}

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

function page(entry) {
  const importMap = JSON.stringify({ imports: { "joyous-departures": entry } });
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>joyous-departures in Chromium</title>
<link rel="icon" href="data:,">
<script type="importmap">${importMap}</script>
<script>
  // A module script that fails to parse never runs its own catch: report that here.
  window.addEventListener("error", (e) => {
    if (!window.__started && window.__report === undefined) window.__report = { fatal: "error before the tests ran: " + (e.message || (e.target && (e.target.src || e.target.href)) || "unknown") };
  }, true);
</script>
<script type="module">
  window.__started = true;
  const describe = (e) => (e instanceof Error ? e.name + ": " + e.message : "non-Error " + String(e));
  try {
    const api = await import("joyous-departures");
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
      conformance: runConformance(api, vectors.files),
      checks: apiChecks(api),
      userAgent: navigator.userAgent,
    };
  } catch (e) {
    window.__report = { fatal: describe(e) + (e && e.stack ? "\\n" + e.stack : "") };
  }
</script>
</head>
<body></body>
</html>
`;
}

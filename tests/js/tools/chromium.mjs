// Chromium helpers of the Chromium and demo runners (Node side; not copied anywhere).
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, relative, resolve, sep } from "node:path";

import { chromium } from "playwright-core";

import { exportedFile } from "./common.mjs";

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
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** The URL path (from <project> served at /) of the package's `browser` export; throws saying why not. */
export function browserEntryUrl(project, pkgDir, pkg) {
  const browserEntry = exportedFile(pkg, "browser");
  const entryUrl = "/" + relative(project, resolve(pkgDir, browserEntry)).split(sep).join("/");
  if (!existsSync(join(project, ...entryUrl.split("/")))) {
    throw new Error(`exports["."].browser names ${browserEntry}, which does not exist`);
  }
  return entryUrl;
}

/** Exits 2 when there is no Chromium to run. */
export function requireChromium(runner) {
  if (!existsSync(CHROMIUM)) {
    console.error(`${runner}: ${CHROMIUM} does not exist (apt-get install chromium, or set CHROMIUM_PATH)`);
    process.exit(2);
  }
}

/**
 * An HTML page whose import map sends <pkg> to <entryUrl> and whose module
 * script runs <body>. The body sets `window.__report`; an exception it
 * throws, or a module that fails to load, sets `window.__report = { fatal }`.
 * `describe(e)` is in scope.
 */
export function page(title, entryUrl, body, pkg = "joyous-departures") {
  const importMap = JSON.stringify({ imports: { [pkg]: entryUrl } });
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>${title}</title>
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
${body}
  } catch (e) {
    window.__report = { fatal: describe(e) + (e && e.stack ? "\\n" + e.stack : "") };
  }
</script>
</head>
<body></body>
</html>
`;
}

/**
 * Serves <project> over HTTP on 127.0.0.1, opens <path> (e.g. "/chromium/index.html?x=1")
 * in headless Chromium and waits for the page's `window.__report`.
 * @returns `{ result, pageErrors, uncaught, badRequests }`: the report (or
 *   `{ fatal }` when the page did not report), console errors and failed
 *   requests, uncaught exceptions, and requests the server could not answer
 */
export async function runPage(project, path) {
  const badRequests = [];
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const file = resolve(project, "." + urlPath);
    const inside = file === project || file.startsWith(project + sep);
    if (req.method !== "GET" || !inside || !existsSync(file) || !statSync(file).isFile()) {
      if (urlPath !== "/favicon.ico") badRequests.push(`${req.method} ${urlPath}`);
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
    await tab.goto(`${origin}${path}`);
    await tab.waitForFunction(() => window.__report !== undefined, null, { timeout: TIMEOUT_MS });
    result = await tab.evaluate(() => window.__report);
  } catch (e) {
    result = { fatal: `the page did not report: ${e instanceof Error ? e.message : e}` };
  } finally {
    await context?.close().catch(() => {});
    await new Promise((ok) => server.close(ok));
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return { result, pageErrors, uncaught, badRequests };
}

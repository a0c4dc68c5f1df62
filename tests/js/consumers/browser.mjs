#!/usr/bin/env node
// node browser.mjs <example-dir>
//
// Serves <example-dir> (index.html, main.js and node_modules/joyous-departures)
// on 127.0.0.1, opens index.html in headless Chromium and prints the text the
// page writes into #goodbye. Exits 1, with the page's errors, if it writes none.
import { createReadStream, existsSync, mkdtempSync, realpathSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";

import { chromium } from "playwright-core";

import { requireChromium } from "../tools/chromium.mjs";

const [dirArg] = process.argv.slice(2);
if (!dirArg) {
  console.error("usage: node browser.mjs <example-dir>");
  process.exit(2);
}
requireChromium("browser example");
const root = resolve(dirArg);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };
const ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const problems = [];
const server = createServer((req, res) => {
  const urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  // Chromium asks for one by itself; the example has none.
  if (urlPath === "/favicon.ico") return void res.writeHead(204).end();
  const file = resolve(root, "." + (urlPath === "/" ? "/index.html" : urlPath));
  if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
    problems.push(`the page asked for ${urlPath}, which is not served`);
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(realpathSync(file)).pipe(res);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const userDataDir = mkdtempSync(join(tmpdir(), "joyous-browser-example-"));
let text = "";
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    timeout: 60_000,
  });
  const tab = context.pages()[0] ?? (await context.newPage());
  tab.on("pageerror", (e) => problems.push(`uncaught: ${e.stack || e.message}`));
  tab.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => document.getElementById("goodbye")?.textContent, null, { timeout: 60_000 });
  text = await tab.evaluate(() => document.getElementById("goodbye").textContent);
} catch (e) {
  problems.push(`the page wrote nothing into #goodbye: ${e instanceof Error ? e.message : e}`);
} finally {
  await context?.close().catch(() => {});
  await new Promise((ok) => server.close(ok));
  rmSync(userDataDir, { recursive: true, force: true });
}
if (problems.length > 0) {
  for (const p of problems) console.error(`browser example: ${p}`);
  process.exit(1);
}
console.log(text);

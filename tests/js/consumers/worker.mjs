#!/usr/bin/env node
// node worker.mjs <node22> <wrangler.js> <worker-dir> <path>...
//
// Serves <worker-dir> (wrangler.toml + src/) with `wrangler dev --local` run by
// <node22> (wrangler 4 needs Node 22), GETs each <path> from it and prints
// `GET <path> -> <status> <body>` per request. Wrangler is stopped at the end.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const [node22, wrangler, dir, ...paths] = process.argv.slice(2);
if (!node22 || !wrangler || !dir || paths.length === 0) {
  console.error("usage: node worker.mjs <node22> <wrangler.js> <worker-dir> <path>...");
  process.exit(2);
}
const READY_MS = 90_000;

const port = await freePort();
const child = spawn(node22, [wrangler, "dev", "--local", "--ip", "127.0.0.1", "--port", String(port)], {
  cwd: dir,
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
  stdio: ["ignore", "pipe", "pipe"],
  // Its own process group, so stopping it stops the workerd it starts.
  detached: true,
});
let log = "";
child.stdout.on("data", (d) => (log += d));
child.stderr.on("data", (d) => (log += d));
const exited = new Promise((ok) => child.on("exit", (code, signal) => ok(`wrangler exited (${signal ?? code})`)));

let failed = false;
try {
  const ready = await Promise.race([
    waitFor(() => /Ready on http/.test(log)),
    exited,
    sleep(READY_MS).then(() => `wrangler was not ready after ${READY_MS / 1000} s`),
  ]);
  if (ready !== true) throw new Error(ready);
  for (const path of paths) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    console.log(`GET ${path} -> ${response.status} ${await response.text()}`);
  }
} catch (e) {
  failed = true;
  console.error(`worker: ${e instanceof Error ? e.message : e}\n--- wrangler's output ---\n${log}`);
} finally {
  try {
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, sleep(5_000)]);
  } catch {
    // Already gone.
  }
}
process.exit(failed ? 1 : 0);

async function waitFor(test) {
  while (!test()) await sleep(100);
  return true;
}

function sleep(ms) {
  return new Promise((ok) => setTimeout(ok, ms));
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

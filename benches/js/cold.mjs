#!/usr/bin/env node
// node benches/js/cold.mjs <project> [--quick]
//
// Cold starts, the sides interleaved sample by sample; prints JSON (ms) on stdout.
//  - Node: a fresh `node` process per sample runs <project>/bench/cold-node.mjs,
//    which times `import` -> first generateGoodbye result inside itself;
//    the package (imported by name), the baseline, and a first
//    Intl.DateTimeFormat alone (what the core's first call asks the host for).
//  - workerd: a fresh Miniflare per sample (a new workerd process) for each of
//    four bundled Workers: empty, one Intl.DateTimeFormat, using the package,
//    using the baseline; the time from `new Miniflare` to the first response's
//    body, and its two parts: until `ready` (workerd started, script loaded)
//    and the first fetch after.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { COMPATIBILITY_DATE, bundleWorker } from "../../tests/js/tools/workerd.mjs";
import { stats } from "./timing.mjs";

const [projectArg, ...flags] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node benches/js/cold.mjs <project> [--quick]");
  process.exit(2);
}
const quick = flags.includes("--quick");
const project = resolve(projectArg);
const benchDir = join(project, "bench");

// Miniflare from tests/js's pinned tools, as tools/workerd.mjs uses it.
const testsJs = new URL("../../tests/js/", import.meta.url);
const { Miniflare } = await import(
  pathToFileURL(createRequire(new URL("package.json", testsJs)).resolve("miniflare")).href
);

// Node.
const nodeSides = ["facade", "baseline", "intl"];
const nodeSamples = Object.fromEntries(nodeSides.map((side) => [side, { total: [], import: [] }]));
const texts = new Set();
for (let i = 0; i < (quick ? 5 : 15); i++) {
  for (const side of nodeSides) {
    const out = JSON.parse(
      execFileSync(process.execPath, [join(benchDir, "cold-node.mjs"), side], { cwd: project, encoding: "utf8" }),
    );
    nodeSamples[side].total.push(out.ms);
    nodeSamples[side].import.push(out.import_ms);
    if (side !== "intl") texts.add(out.text);
  }
}
if (texts.size !== 1) throw new Error(`the cold Node samples disagree: ${[...texts].join(" | ")}`);

// workerd.
const workers = {};
for (const name of ["empty", "intl", "facade", "baseline"]) {
  const outdir = join(benchDir, `dist-cold-${name}`);
  const { bundle } = await bundleWorker(project, join(benchDir, `cold-${name}-worker.mjs`), outdir);
  workers[name] = { bundle, outdir, first_response: [], ready: [], first_fetch: [] };
}
const answers = new Set();
for (let i = 0; i < (quick ? 3 : 10); i++) {
  for (const [name, w] of Object.entries(workers)) {
    const t0 = performance.now();
    const mf = new Miniflare({
      modules: true,
      scriptPath: join(project, w.bundle),
      modulesRoot: w.outdir,
      modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
      compatibilityDate: COMPATIBILITY_DATE,
      handleRuntimeStdio(out, err) {
        out.on("data", (chunk) => process.stderr.write(chunk));
        err.on("data", (chunk) => process.stderr.write(chunk));
      },
    });
    try {
      await mf.ready;
      const t1 = performance.now();
      const response = await mf.dispatchFetch("http://localhost/");
      const body = await response.text();
      const t2 = performance.now();
      if (response.status !== 200) throw new Error(`the ${name} Worker answered HTTP ${response.status}: ${body.slice(0, 500)}`);
      if (name === "facade" || name === "baseline") answers.add(body);
      w.first_response.push(t2 - t0);
      w.ready.push(t1 - t0);
      w.first_fetch.push(t2 - t1);
    } finally {
      await mf.dispose().catch(() => {});
    }
  }
}
if (answers.size !== 1) throw new Error(`the cold Workers disagree: ${[...answers].join(" | ")}`);

console.log(
  JSON.stringify({
    node: Object.fromEntries(
      Object.entries(nodeSamples).map(([side, s]) => [side, { first_result: stats(s.total), import: stats(s.import) }]),
    ),
    workerd: Object.fromEntries(
      Object.entries(workers).map(([name, w]) => [
        name,
        { first_response: stats(w.first_response), ready: stats(w.ready), first_fetch: stats(w.first_fetch) },
      ]),
    ),
  }),
);

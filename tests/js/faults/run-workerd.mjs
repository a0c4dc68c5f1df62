#!/usr/bin/env node
// node tests/js/faults/run-workerd.mjs <project-dir>
//
// Load faults in workerd (Miniflare), with copies of the installed package
// whose .wasm is broken (faults.mjs). The Workers entry imports its .wasm
// statically, so a missing .wasm stops the bundle and a truncated one stops
// workerd from starting the Worker: both must fail there, naming the .wasm.
// A .wasm of another version or with an import missing compiles, and must
// give LoadError at its step when imported in a request; the good package
// must then load in the same Worker. Prints one line per fault; exits 1 on
// any failure.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { installedPackage } from "../tools/common.mjs";
import { bundleWorker, fetchWorker } from "../tools/workerd.mjs";
import { FAULTS } from "./faults.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/faults/run-workerd.mjs <project-dir>");
  process.exit(2);
}
const { project, pkgDir } = installedPackage("workerd faults", projectArg);
const wasmName = "joyous_departures_wasm_bg.wasm";
const good = new Uint8Array(readFileSync(join(pkgDir, "dist", "wasm", wasmName)));
const fingerprint = readFileSync(join(pkgDir, "dist", "fingerprint.js"), "utf8").match(/"([^"]+)"/)[1];

const dir = join(project, "workerd-faults");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(join(here, "faults.mjs"), join(dir, "faults.mjs"));
for (const fault of FAULTS) {
  const copy = join(dir, "broken", fault.name);
  cpSync(pkgDir, copy, { recursive: true });
  const bytes = fault.make(good, fingerprint);
  if (bytes === undefined) rmSync(join(copy, "dist", "wasm", wasmName));
  else writeFileSync(join(copy, "dist", "wasm", wasmName), bytes);
}

let failed = 0;
const fail = (what) => {
  failed++;
  console.error(`workerd faults: FAIL ${what}`);
};
const describe = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

// Faults that stop the Worker before any of its code runs.
const early = { missing: "bundle", truncated: "start" };
for (const [name, stage] of Object.entries(early)) {
  const worker = join(dir, `${name}.mjs`);
  writeFileSync(
    worker,
    `import { generateGoodbye } from "./broken/${name}/dist/workerd.js";\nexport default { fetch: () => new Response(generateGoodbye({ seed: 1n })) };\n`,
  );
  let seen;
  let at;
  // workerd's own output, where it says why the Worker did not start.
  let output = "";
  const handleRuntimeStdio = (stdout, stderr) => {
    for (const stream of [stdout, stderr]) stream.on("data", (chunk) => (output += chunk));
  };
  try {
    at = "bundle";
    const { bundle } = await bundleWorker(project, worker, join(dir, `dist-${name}`));
    at = "start";
    const { status, body } = await fetchWorker(project, bundle, join(dir, `dist-${name}`), "http://localhost/", undefined, { handleRuntimeStdio });
    fail(`${name}: the Worker started and answered HTTP ${status}: ${body.slice(0, 200)}`);
    continue;
  } catch (e) {
    seen = at === "start" ? `${describe(e).split("\n")[0]}; workerd: ${output.trim().split("\n").find((l) => /error/i.test(l)) ?? output.trim()}` : describe(e).replace(/\s+/g, " ");
  }
  if (at !== stage) fail(`${name}: failed at ${at}, expected at ${stage}: ${seen}`);
  else if (!/wasm/i.test(seen) || (stage === "start" && !seen.includes("CompileError"))) fail(`${name}: the ${stage} error does not say the .wasm is bad: ${seen}`);
  else console.log(`workerd ${name}: the Worker's ${stage} fails: ${seen}`);
}

// Faults the package's loader sees: imported in a request, then the good package.
const late = FAULTS.filter((f) => !(f.name in early));
writeFileSync(
  join(dir, "late.mjs"),
  `import { wrongError } from "./faults.mjs";
const FAULTS = ${JSON.stringify(late.map(({ name, step }) => ({ name, step })))};
const load = { ${late.map((f) => `${JSON.stringify(f.name)}: () => import("./broken/${f.name}/dist/workerd.js")`).join(", ")} };
const describe = (e) => (e instanceof Error ? e.name + ": " + e.message : String(e));
export default {
  async fetch() {
    const results = [];
    for (const { name, step } of FAULTS) {
      let error;
      try {
        await load[name]();
      } catch (e) {
        error = e;
      }
      results.push({ name, seen: error === undefined ? "no error" : describe(error) + " (step " + error.step + ")", wrong: error === undefined ? "the import succeeded" : wrongError(error, step) });
    }
    let after;
    try {
      const api = await import("joyous-departures");
      after = api.generateGoodbye({ seed: 1n }).length > 0 ? undefined : "an empty goodbye";
    } catch (e) {
      after = describe(e);
    }
    return Response.json({ results, after });
  },
};
`,
);
try {
  const { bundle } = await bundleWorker(project, join(dir, "late.mjs"), join(dir, "dist-late"));
  const { status, body } = await fetchWorker(project, bundle, join(dir, "dist-late"), "http://localhost/");
  const report = status === 200 ? JSON.parse(body) : undefined;
  if (!report) fail(`the Worker answered HTTP ${status}: ${body.slice(0, 2000)}`);
  else {
    for (const { name, seen, wrong } of report.results) {
      if (wrong) fail(`${name}: ${wrong}`);
      else console.log(`workerd ${name}: ${seen}`);
    }
    if (report.after) fail(`the good package after the faults: ${report.after}`);
    else console.log("workerd: the good package loads after the faults in the same Worker");
  }
} catch (e) {
  fail(`the Worker did not bundle, start or answer (workerd's output is above): ${describe(e)}`);
}
process.exit(failed > 0 ? 1 : 0);

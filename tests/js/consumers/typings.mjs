#!/usr/bin/env node
// node typings.mjs <project-dir>
//
// Type-checks consumer.ts against the joyous-departures package installed in
// <project-dir>/node_modules as a consumer project would: tsc strict,
// skipLibCheck off, target ES2022 with its default lib (no esnext.disposable),
// once per moduleResolution (node16, nodenext, bundler) with TypeScript 7,
// and under nodenext with TypeScript 5.9 too. Prints one line per run; exits 1 if any fails.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node typings.mjs <project-dir>");
  process.exit(2);
}
const project = resolve(projectArg);
if (!existsSync(join(project, "node_modules", "joyous-departures", "package.json"))) {
  console.error(`typings: joyous-departures is not installed in ${project}/node_modules`);
  process.exit(2);
}
const modules = { node16: "node16", nodenext: "nodenext", bundler: "esnext" };
const compilers = {
  "tsc 7": join(here, "..", "node_modules", "typescript", "bin", "tsc"),
  "tsc 5.9": join(here, "..", "node_modules", "typescript-api", "bin", "tsc"),
};
const runs = [];
for (const [resolution, module] of Object.entries(modules)) {
  // Inside the project, so node_modules resolves as it would for a user.
  const dir = join(project, "typings", resolution);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(here, "consumer.ts"), join(dir, "consumer.ts"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module,
    moduleResolution: resolution,
    skipLibCheck: false,
    types: [],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }, null, 2));
  for (const [compiler, tsc] of Object.entries(compilers)) {
    // TypeScript 5.9 takes seconds a run: once, under the strictest Node resolution.
    if (compiler === "tsc 5.9" && resolution !== "nodenext") continue;
    runs.push({ name: `moduleResolution ${resolution}, ${compiler}`, tsc, dir });
  }
}
// Two at a time: tsc 5.9 takes seconds, and the machine has two cores.
const results = [];
for (let i = 0; i < runs.length; i += 2) results.push(...(await Promise.all(runs.slice(i, i + 2).map(check))));
let failures = 0;
for (const { name, status, output } of results) {
  if (status === 0) {
    console.log(`typings: ${name}: passed`);
  } else {
    failures++;
    console.error(output);
    console.error(`typings: ${name}: FAILED (above)`);
  }
}
if (failures > 0) process.exit(1);

function check({ name, tsc, dir }) {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [tsc, "-p", dir], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) => ok({ name, status: 1, output: `could not start ${tsc}: ${e.message}` }));
    child.on("close", (status) => ok({ name, status, output: output.trim() }));
  });
}

#!/usr/bin/env node
// node tests/js/workerd/run.mjs <project-dir> <conformance-dir>
//
// <project-dir> has joyous-departures installed in node_modules. This runner
//  1. copies worker.mjs to <project-dir>/workerd/ (with vectors.json beside it)
//     and ../lib to <project-dir>/lib/, and bundles the Worker with esbuild as
//     a Workers build would (conditions workerd + worker, .wasm kept as files);
//  2. checks the package's workerd entry and every file it imports for what
//     workerd refuses at load: top-level await, import.meta.url, compiling or
//     instantiating wasm from bytes, eval / new Function;
//  3. runs the bundle in workerd through Miniflare (.wasm as CompiledWasm) and
//     prints `workerd: N conformance cases, M api checks passed`, or every
//     failure and exits 1.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import { copyLib, exportedFile, parseArgs, readVectors, report } from "../tools/common.mjs";
import { bundleWorker, fetchWorker } from "../tools/workerd.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const { project, conformance, pkgDir, pkg } = parseArgs("workerd");
const failures = [];
const fail = (file, id, reason) => failures.push({ file, id, reason });

// 1. Copy and bundle.
const workDir = join(project, "workerd");
const distDir = join(workDir, "dist");
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
copyLib(project);
copyFileSync(join(here, "worker.mjs"), join(workDir, "worker.mjs"));
const files = readVectors(conformance);
const cases = files.reduce((n, f) => n + f.cases.length, 0);
writeFileSync(join(workDir, "vectors.json"), JSON.stringify({ files }));

let build, bundle, wasmOutputs;
try {
  ({ build, bundle, wasmOutputs } = await bundleWorker(project, join(workDir, "worker.mjs"), distDir));
} catch (e) {
  console.error(`workerd: FAIL bundle: esbuild could not bundle the Worker: ${e.message}`);
  process.exit(1);
}
console.log(`workerd: bundled ${relative(project, join(project, bundle))} with ${wasmOutputs.length} .wasm module(s)`);

// 2. Static check of the workerd entry and everything it imports, as the bundler resolved them.
await staticCheck();

// 3. Run it in workerd.
let result;
try {
  const { status, body } = await fetchWorker(project, bundle, distDir, "http://localhost/");
  try {
    result = JSON.parse(body);
  } catch {
    result = { fatal: `HTTP ${status}: ${body.slice(0, 2000)}` };
  }
} catch (e) {
  result = { fatal: `the Worker did not start or answer (workerd's output is above): ${e instanceof Error ? `${e.name}: ${e.message}` : e}` };
}
if (result.fatal) fail("worker", "run", result.fatal);

const ok = report("workerd", { conformance: result.conformance, checks: result.checks, cases, extraFailures: failures });
process.exit(ok ? 0 : 1);

async function staticCheck() {
  let declared;
  try {
    declared = resolve(pkgDir, exportedFile(pkg, "workerd"));
  } catch (e) {
    fail("static check", "package.json", e.message);
    return;
  }
  const inputs = build.metafile.inputs;
  const abs = (p) => resolve(project, p);
  const workerInput = Object.keys(inputs).find((p) => abs(p) === join(workDir, "worker.mjs"));
  const byName = inputs[workerInput]?.imports.find((i) => i.original === "joyous-departures");
  if (!byName) {
    fail("static check", "resolution", `esbuild did not resolve "joyous-departures" from the Worker`);
    return;
  }
  if (abs(byName.path) !== declared) {
    fail("static check", "resolution", `"joyous-departures" resolved to ${byName.path}, not to exports["."].workerd (${relative(project, declared)})`);
  }
  // Every file reachable from the entry the bundler picked.
  const seen = new Set();
  const queue = [byName.path];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of inputs[file]?.imports ?? []) if (!i.external) queue.push(i.path);
  }
  const scripts = [...seen].filter((f) => /\.(m|c)?js$/.test(f));
  for (const file of scripts) {
    for (const problem of await scriptProblems(readFileSync(abs(file), "utf8"))) {
      fail("static check", relative(project, abs(file)), problem);
    }
  }
  const others = [...seen].filter((f) => !scripts.includes(f)).map((f) => relative(project, abs(f)));
  console.log(
    `workerd: static check of the workerd entry and its imports: ${scripts.map((f) => relative(project, abs(f))).join(", ")}` +
      (others.length ? ` (not scripts: ${others.join(", ")})` : ""),
  );
}

/** What workerd would refuse in this module's source. */
async function scriptProblems(source) {
  const problems = [];
  try {
    await esbuild.transform(source, { loader: "js", format: "esm", supported: { "top-level-await": false }, logLevel: "silent" });
  } catch (e) {
    for (const error of e.errors ?? [{ text: String(e) }]) {
      if (/top-level await/i.test(error.text)) {
        problems.push(`top-level await (line ${error.location?.line}: ${error.location?.lineText?.trim()})`);
      } else {
        problems.push(`does not parse: ${error.text}`);
      }
    }
    if (problems.length) return problems;
  }
  // Comments removed, so that prose about these rules does not trip them.
  const code = (await esbuild.transform(source, { loader: "js", format: "esm", legalComments: "none", logLevel: "silent" })).code;
  const rules = [
    ["import.meta.url (undefined in workerd)", /\bimport\s*\.\s*meta\s*\.\s*url\b|\bimport\s*\.\s*meta\b(?!\s*\.)/],
    ["WebAssembly.compile/instantiate of bytes (code generation is disallowed; import the .wasm as a module)", /\bWebAssembly\s*\.\s*(?:compile|compileStreaming|instantiate|instantiateStreaming)\b|\bnew\s+WebAssembly\s*\.\s*Module\b/],
    ["eval( (code generation is disallowed)", /(?<![\w$])eval\s*\(/],
    ["new Function (code generation is disallowed)", /\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(/],
  ];
  const originalLines = source.split("\n");
  for (const [rule, pattern] of rules) {
    const lines = code.split("\n").filter((line) => pattern.test(line));
    if (lines.length === 0) continue;
    // Point at the original lines where the pattern also matches, if any (the code had its comments removed).
    const at = originalLines.flatMap((line, i) => (pattern.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [i + 1] : []));
    problems.push(`${rule}: ${lines.length} line(s)${at.length ? ` (at line ${at.slice(0, 5).join(", ")})` : ""}, e.g. ${lines[0].trim().slice(0, 160)}`);
  }
  return problems;
}

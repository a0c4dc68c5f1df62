// Helpers of the workerd, Chromium and demo runners (Node side; not copied anywhere).
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveTarget } from "../lib/exports.mjs";

/** `{ project, conformance, pkgDir, pkg }` from argv; exits 2 on bad usage. */
export function parseArgs(runner) {
  const [projectArg, conformanceArg] = process.argv.slice(2);
  if (!projectArg || !conformanceArg) {
    console.error(`usage: node tests/js/${runner}/run.mjs <project-dir> <conformance-dir>`);
    process.exit(2);
  }
  return { ...installedPackage(runner, projectArg), conformance: resolve(conformanceArg) };
}

/** `{ project, pkgDir, pkg }` of the package installed in <projectArg>/node_modules; exits 2 when it is not. */
export function installedPackage(runner, projectArg) {
  const project = resolve(projectArg);
  const pkgDir = join(project, "node_modules", "joyous-departures");
  if (!existsSync(join(pkgDir, "package.json"))) {
    console.error(`${runner}: joyous-departures is not installed in ${project}/node_modules`);
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  return { project, pkgDir, pkg };
}

/** Replaces <project>/lib with a copy of tests/js/lib (what the copied tests import as ../lib/...). */
export function copyLib(project) {
  rmSync(join(project, "lib"), { recursive: true, force: true });
  cpSync(join(dirname(fileURLToPath(import.meta.url)), "..", "lib"), join(project, "lib"), { recursive: true });
}

/** `[{ name, cases }]` from <dir>/*.json, sorted by name. */
export function readVectors(dir) {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name, cases: JSON.parse(readFileSync(join(dir, name), "utf8")).cases ?? [] }));
  if (files.length === 0) throw new Error(`no *.json conformance vectors in ${dir}`);
  return files;
}

/** The file of `exports["."][condition]` (relative to the package), or throws saying why not. */
export function exportedFile(pkg, condition, extraConditions = ["import", "default"]) {
  const exp = pkg.exports;
  const root = exp && typeof exp === "object" && !Array.isArray(exp) && "." in exp ? exp["."] : exp;
  if (!root || typeof root !== "object" || !(condition in root)) {
    throw new Error(`package.json exports["."] has no "${condition}" condition`);
  }
  const file = resolveTarget(root[condition], [condition, ...extraConditions]);
  if (!file) throw new Error(`package.json exports["."].${condition} names no file: ${JSON.stringify(root[condition])}`);
  return file;
}

/**
 * Prints the failures of `{ passed, failed }` results and the summary line.
 * @returns true when nothing failed
 */
export function report(runner, { conformance, checks, cases, extraFailures = [] }) {
  const failures = [...extraFailures, ...(conformance?.failed ?? []), ...(checks?.failed ?? [])];
  for (const f of failures) console.error(`${runner}: FAIL ${f.file}: ${f.id}: ${f.reason}`);
  const checksTotal = (checks?.passed ?? 0) + (checks?.failed?.length ?? 0);
  if (failures.length === 0) {
    console.log(`${runner}: ${cases} conformance cases, ${checks?.passed ?? 0} api checks passed`);
    return true;
  }
  console.error(
    `${runner}: FAILED: ${conformance?.passed ?? 0} of ${cases} conformance cases and ${checks?.passed ?? 0} of ${checksTotal} api checks passed; ${failures.length} failure(s)`,
  );
  return false;
}

#!/usr/bin/env node
// node tests/js/node/run.mjs <project-dir> <conformance-dir>
//
// Copies tests/js/node (the *.test.mjs files and their helpers) to
// <project-dir>/node and tests/js/lib to <project-dir>/lib, so that
// "joyous-departures" resolves from <project-dir>/node_modules, then runs
// `node --test` on them with JOYOUS_CONFORMANCE_DIR set. Exits with its status.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg, conformanceArg] = process.argv.slice(2);
if (!projectArg || !conformanceArg) {
  console.error("usage: node tests/js/node/run.mjs <project-dir> <conformance-dir>");
  process.exit(2);
}
const project = resolve(projectArg);
const conformance = resolve(conformanceArg);
if (!existsSync(join(project, "node_modules", "joyous-departures"))) {
  console.error(`node: joyous-departures is not installed in ${project}/node_modules`);
  process.exit(2);
}

const testDir = join(project, "node");
rmSync(testDir, { recursive: true, force: true });
mkdirSync(testDir, { recursive: true });
for (const name of readdirSync(here)) {
  if (name.endsWith(".mjs") && name !== "run.mjs") cpSync(join(here, name), join(testDir, name));
}
rmSync(join(project, "lib"), { recursive: true, force: true });
cpSync(join(here, "..", "lib"), join(project, "lib"), { recursive: true });

const tests = readdirSync(testDir).filter((name) => name.endsWith(".test.mjs")).sort();
const child = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...tests], {
  cwd: testDir,
  stdio: "inherit",
  env: { ...process.env, JOYOUS_CONFORMANCE_DIR: conformance },
});
if (child.error) throw child.error;
process.exit(child.status ?? 1);

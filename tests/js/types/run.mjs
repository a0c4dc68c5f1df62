#!/usr/bin/env node
// node tests/js/types/run.mjs <project-dir>
//
// Type-checks usage.mts against the .d.ts of the joyous-departures package
// installed in <project-dir>/node_modules (resolved through package.json
// exports, condition `types`), with tsc from tests/js/node_modules, strict.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [projectArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/js/types/run.mjs <project-dir>");
  process.exit(2);
}
const project = resolve(projectArg);
if (!existsSync(join(project, "node_modules", "joyous-departures", "package.json"))) {
  console.error(`types: joyous-departures is not installed in ${project}/node_modules`);
  process.exit(2);
}
const dir = join(project, "types");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
copyFileSync(join(here, "usage.mts"), join(dir, "usage.mts"));
writeFileSync(
  join(dir, "tsconfig.json"),
  JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "esnext",
        // What a browser or bundler project sees (the `types` condition:
        // browser.d.ts, which has init and initSync); under nodenext TypeScript
        // picks the node entry's typings, which rightly have no init.
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["esnext", "esnext.disposable", "dom"],
        types: [],
        skipLibCheck: false,
        noUnusedLocals: false,
        verbatimModuleSyntax: true,
      },
      files: ["usage.mts"],
    },
    null,
    2,
  ),
);
const tsc = join(here, "..", "node_modules", "typescript", "bin", "tsc");
const child = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { cwd: dir, encoding: "utf8" });
const output = `${child.stdout}${child.stderr}`.trim();
if (child.status !== 0) {
  console.error(output);
  console.error("types: FAILED: the package's .d.ts does not type-check the documented API (above)");
  process.exit(1);
}
console.log("types: usage.mts type-checks against the package's .d.ts");

// Where the installed joyous-departures package is, for the Node tests (Node APIs allowed here).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export { resolveTarget } from "../lib/exports.mjs";

/** The directory and package.json of the joyous-departures package this test file resolves. */
export function installedPackage() {
  const entry = fileURLToPath(import.meta.resolve("joyous-departures"));
  let dir = dirname(entry);
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8"));
      if (json.name === "joyous-departures") return { dir, json, nodeEntry: entry };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json of joyous-departures above ${entry}`);
    dir = parent;
  }
}

/** Every .wasm file of the package (outside nested node_modules). */
export function wasmFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...wasmFiles(path));
    else if (entry.name.endsWith(".wasm")) found.push(path);
  }
  return found;
}

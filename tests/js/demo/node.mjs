// The Node side of demo/run.mjs, copied to <project-dir>/demo/ and run there
// with the snake_case options JSON as its argument. It imports the package by
// name, so Node resolves its `node` export (no init()), and writes
// {"text", "entry"} or {"error"} as JSON on stdout.
import { generateGoodbye } from "joyous-departures";

import { toOptions } from "../lib/conformance.mjs";

let out;
try {
  out = { text: generateGoodbye(toOptions(JSON.parse(process.argv[2]))), entry: import.meta.resolve("joyous-departures") };
} catch (e) {
  out = { error: e instanceof Error ? `${e.name}: ${e.message}` : `a non-Error was thrown: ${String(e)}` };
}
process.stdout.write(JSON.stringify(out));

// The baseline in Node, loaded like the package's node entry: read the .wasm
// beside this module, compile, instantiate at import.
import { readFileSync } from "node:fs";

import * as glue from "./baseline/joyous_wasm_baseline_bg.js";
import { instantiate } from "./baseline.mjs";

instantiate(glue, new WebAssembly.Module(readFileSync(new URL("./baseline/joyous_wasm_baseline_bg.wasm", import.meta.url))));

export { callShouter, echo, generateBatch, generateGoodbye, Generator, totalTextBytes, version } from "./baseline/joyous_wasm_baseline_bg.js";

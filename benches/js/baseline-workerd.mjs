// The baseline in workerd, loaded like the package's workerd entry: the .wasm
// imported statically (a compiled module), instantiated at import.
import wasmModule from "./baseline/joyous_wasm_baseline_bg.wasm";
import * as glue from "./baseline/joyous_wasm_baseline_bg.js";
import { instantiate } from "./baseline.mjs";

instantiate(glue, wasmModule);

export { callShouter, echo, generateBatch, generateGoodbye, Generator, totalTextBytes, version } from "./baseline/joyous_wasm_baseline_bg.js";

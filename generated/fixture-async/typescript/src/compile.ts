// Emitted by joyous-bindgen; do not edit.
// Compiling bytes at runtime is for Node and browsers only; the Workers entry
// never imports this file (Workers forbid it).
import { LoadError } from "./runtime.js";

/** Compiles .wasm bytes, naming the step on failure. */
export function compile(bytes: BufferSource): WebAssembly.Module {
  try {
    return new WebAssembly.Module(bytes);
  } catch (e) {
    throw new LoadError("compile", "the .wasm bytes are not a valid WebAssembly module", e);
  }
}

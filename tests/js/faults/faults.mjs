// Broken .wasm files made from the good one, and the LoadError step each
// must give. Pure ESM over bytes: Node, workerd and Chromium share it.

/** The first offset of `needle` (bytes) in `haystack`, or -1. */
function indexOf(haystack, needle) {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ascii = (s) => new TextEncoder().encode(s);

/** The first half of the module: no longer valid WebAssembly. */
export function truncated(wasm) {
  return wasm.slice(0, Math.floor(wasm.length / 2));
}

/**
 * The module with the API fingerprint it reports changed (same length, so
 * the module stays valid): what a .wasm built from another version of the
 * API looks like to the loader.
 */
export function otherVersion(wasm, fingerprint) {
  const at = indexOf(wasm, ascii(fingerprint));
  if (at < 0) throw new Error(`the .wasm does not contain its fingerprint ${fingerprint}`);
  const out = wasm.slice();
  const changed = ascii(fingerprint.slice(0, -4) + (fingerprint.endsWith("0000") ? "1111" : "0000"));
  out.set(changed, at);
  return out;
}

/** The module with one imported function renamed, so instantiation finds no such import. */
export function missingImport(wasm) {
  const at = indexOf(wasm, ascii("__wbg_"));
  if (at < 0) throw new Error("the .wasm imports no __wbg_ function");
  const out = wasm.slice();
  out[at + 2] = "X".charCodeAt(0); // "__Xbg_...": same length, unknown name
  return out;
}

/** Each fault: how to make its bytes (undefined: the .wasm is absent) and the step it must fail at. */
export const FAULTS = [
  { name: "truncated", step: "compile", make: (wasm) => truncated(wasm) },
  { name: "other-version", step: "checksum", make: (wasm, fingerprint) => otherVersion(wasm, fingerprint) },
  { name: "missing", step: "read", make: () => undefined },
  { name: "missing-import", step: "instantiate", make: (wasm) => missingImport(wasm) },
];

/** Why `error` is not a LoadError at `step` with a message, or undefined when it is. */
export function wrongError(error, step) {
  if (!(error instanceof Error)) return `threw a non-Error: ${String(error)}`;
  if (error.name !== "LoadError") return `threw ${error.name}: ${error.message}`;
  if (error.step !== step) return `LoadError at step ${error.step}, expected ${step}: ${error.message}`;
  if (!error.message.startsWith(`${step}: `) || error.message.length <= step.length + 2) {
    return `LoadError without a message naming the step: ${JSON.stringify(error.message)}`;
  }
  return undefined;
}

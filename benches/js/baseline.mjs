// Instantiates the baseline's wasm-bindgen glue exactly as the package's
// entries do (generated/typescript/src/runtime.ts `newInstance`): every import
// module name maps to the `_bg.js` glue, then `__wbg_set_wasm` and
// `__wbindgen_start`.
export function instantiate(glue, module) {
  const imports = {};
  for (const { module: name } of WebAssembly.Module.imports(module)) imports[name] = glue;
  const { exports } = new WebAssembly.Instance(module, imports);
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start?.();
  return glue;
}

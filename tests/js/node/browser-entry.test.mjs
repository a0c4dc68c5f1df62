// The package's `browser`/`default` entry, loaded in Node: NotInitializedError
// before init, then init() with each kind of input and initSync({ module }).
// Each case runs in a fresh Node process, so that every one starts
// uninitialised (module state is per process).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

import { installedPackage, resolveTarget, wasmFiles } from "./package-info.mjs";

const pkg = installedPackage();
const root = typeof pkg.json.exports === "object" && "." in pkg.json.exports ? pkg.json.exports["."] : pkg.json.exports;
const browserTarget = resolveTarget(root?.browser, ["browser", "import", "default"]);

/** Runs `body` (an async function body with `m`, the browser entry, and `bytes`, the .wasm) in a fresh process. */
function inFreshProcess(body) {
  const wasm = wasmFiles(pkg.dir);
  assert.equal(wasm.length, 1, `expected one .wasm in the package, found: ${wasm.map((w) => relative(pkg.dir, w)).join(", ") || "none"}`);
  assert.ok(browserTarget, "package.json exports['.'] has no browser condition");
  const script = `
    import { readFileSync } from "node:fs";
    const m = await import(${JSON.stringify(pathToFileURL(join(pkg.dir, browserTarget)).href)});
    const bytes = new Uint8Array(readFileSync(${JSON.stringify(wasm[0])}));
    const describe = (e) => e instanceof Error ? e.name + ": " + e.message : "non-Error " + String(e);
    const threw = (fn) => { try { fn(); return null; } catch (e) { return e; } };
    const result = await (async () => { ${body} })();
    process.stdout.write(JSON.stringify(result));
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: pkg.dir, encoding: "utf8", timeout: 60_000 });
  assert.equal(child.status, 0, `the child process failed:\n${child.stderr}${child.stdout}`);
  return JSON.parse(child.stdout);
}

test("the browser entry exports init (default), initSync and NotInitializedError", () => {
  const r = inFreshProcess(`return { init: typeof m.default, initSync: typeof m.initSync, NotInitializedError: typeof m.NotInitializedError,
    isError: m.NotInitializedError?.prototype instanceof Error };`);
  assert.deepEqual(r, { init: "function", initSync: "function", NotInitializedError: "function", isError: true });
});

test("every call before init throws NotInitializedError", () => {
  const r = inFreshProcess(`
    const out = {};
    for (const [name, fn] of [
      ["version", () => m.version()],
      ["supportedLanguages", () => m.supportedLanguages()],
      ["generateGoodbye", () => m.generateGoodbye({ seed: 1n })],
      ["new Generator", () => new m.Generator()],
      ["Generator.withCorpus", () => m.Generator.withCorpus("[en-GB]\\nBye\\n")],
    ]) {
      const e = threw(fn);
      out[name] = e === null ? "no error" : !(e instanceof m.NotInitializedError) ? "wrong error " + describe(e)
        : !(e instanceof Error) || !e.message.trim() || e.name !== "NotInitializedError" ? "bad error " + describe(e) : "ok";
    }
    return out;`);
  for (const [call, outcome] of Object.entries(r)) assert.equal(outcome, "ok", call);
});

for (const [input, expression] of [
  ["initSync({ module })", "m.initSync({ module: new WebAssembly.Module(bytes) })"],
  ["await init(Uint8Array)", "await m.default(bytes)"],
  ["await init(ArrayBuffer)", "await m.default(bytes.slice().buffer)"],
  ["await init(WebAssembly.Module)", "await m.default(new WebAssembly.Module(bytes))"],
  ["await init(Response)", "await m.default(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }))"],
]) {
  test(`${input} initialises the module`, () => {
    const r = inFreshProcess(`
      ${expression};
      return { version: m.version(), text: m.generateGoodbye({ seed: 1n }), languages: m.supportedLanguages().length };`);
    assert.equal(r.version, pkg.json.version);
    assert.equal(typeof r.text, "string");
    assert.ok(r.languages > 0);
  });
}

test("init() of bytes that are not the module rejects with LoadError, and init can be retried", () => {
  const r = inFreshProcess(`
    const steps = [];
    for (const bad of [new Uint8Array([0, 1, 2, 3]), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])]) {
      try { await m.default(bad); steps.push("resolved"); }
      catch (e) { steps.push(e instanceof m.LoadError && e.message.trim() ? e.step : "wrong error " + describe(e)); }
    }
    await m.default(bytes);
    return { steps, text: typeof m.generateGoodbye({}) };`);
  for (const step of r.steps) assert.ok(["read", "compile", "instantiate", "checksum", "init"].includes(step), `LoadError.step: ${step}`);
  assert.equal(r.text, "string", "init(bytes) after a failed init");
});

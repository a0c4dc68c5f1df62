#!/usr/bin/env node
// node benches/js/wasm-size.mjs --tools <tests/js> --sdk <pkg .wasm> --glue <pkg _bg.js>
//   --named <pkg .wasm with names> --named-baseline <baseline .wasm with names>
//   --baseline <baseline .wasm> --tarball <npm .tgz> --corpus <dir> --scratch <dir>
//   -- <binaryen feature flags>
//
// Run by `cargo xtask bench`. Prints JSON on stdout:
//   { files: { sdk, baseline, tarball: { bytes, gzip } }, profile: "<markdown>" }
// The profile says what the package's .wasm is made of, each figure measured:
//  - its sections beside the baseline's;
//  - code bytes per crate, from the name sections of builds that kept them
//    (`wasm-opt -Oz -g`: the same code plus names), beside the baseline's, and
//    each crate's gzipped share: what stubbing its function bodies saves;
//  - for crates only the package has, the direct calls into them from other
//    crates (binaryen's call graph);
//  - what removing one thing saves: the exports the JavaScript glue never
//    calls (wasm-metadce with only the glue's exports as roots, then -Oz again;
//    a plain -Oz rerun is the control), anyhow + std::backtrace +
//    rustc_demangle (stubbed), the corpus text (cut out of the bytes);
//  - the largest functions.
// gzip is zlib level 9 throughout. The wasm-opt runs are cached in <scratch>.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const features = dash < 0 ? [] : argv.slice(dash + 1);
const args = {};
for (let i = 0; i < (dash < 0 ? argv.length : dash); i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
for (const key of ["tools", "sdk", "glue", "named", "named-baseline", "baseline", "tarball", "corpus", "scratch"]) {
  if (!args[key]) {
    console.error(`wasm-size.mjs: missing --${key}`);
    process.exit(2);
  }
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const sizeOf = (bytes) => ({ bytes: bytes.length, gzip: gzip(bytes) });
const kb = (bytes) => (bytes / 1024).toFixed(1);
const signedKb = (bytes) => `${bytes > 0 ? "+" : bytes < 0 ? "−" : "±"}${kb(Math.abs(bytes))}`;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`;
const bin = (name) => join(args.tools, "node_modules", ".bin", name);

const sdk = readFileSync(args.sdk);
const baseline = readFileSync(args.baseline);
const files = { sdk: sizeOf(sdk), baseline: sizeOf(baseline), tarball: sizeOf(readFileSync(args.tarball)) };

// ---- reading a module ---------------------------------------------------------

const SECTION_NAMES = {
  0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
  7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count",
};

/** `[{ id, name, start, end }]`: every section, `start`..`end` its payload. */
function sections(buf) {
  const out = [];
  let p = 8;
  while (p < buf.length) {
    const id = buf[p++];
    const [size, q] = leb(buf, p);
    let name = SECTION_NAMES[id] ?? `#${id}`;
    if (id === 0) {
      const [n, r] = leb(buf, q);
      name = `custom "${buf.subarray(r, r + n).toString()}"`;
    }
    out.push({ id, name, start: q, end: q + size });
    p = q + size;
  }
  return out;
}

function leb(buf, p) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[p++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, p];
}

/** `[{ name, bytes }]` of every defined function, names from the name section. */
function functions(buf) {
  const secs = sections(buf);
  const imported = WebAssembly.Module.imports(new WebAssembly.Module(buf)).filter((i) => i.kind === "function").length;
  const names = new Map();
  const nameSec = secs.find((s) => s.name === 'custom "name"');
  if (!nameSec) throw new Error("no name section: build it with wasm-opt -g");
  let [n, p] = leb(buf, nameSec.start);
  p += n; // the custom section's own name
  while (p < nameSec.end) {
    const sub = buf[p++];
    let size;
    [size, p] = leb(buf, p);
    const end = p + size;
    if (sub === 1) {
      let count;
      [count, p] = leb(buf, p);
      for (let i = 0; i < count; i++) {
        let index, len;
        [index, p] = leb(buf, p);
        [len, p] = leb(buf, p);
        names.set(index, buf.subarray(p, p + len).toString());
        p += len;
      }
    }
    p = end;
  }
  const code = secs.find((s) => s.id === 10);
  let count;
  [count, p] = leb(buf, code.start);
  const out = [];
  for (let i = 0; i < count; i++) {
    const before = p;
    let size;
    [size, p] = leb(buf, p);
    p += size;
    out.push({ name: names.get(imported + i) ?? `function #${imported + i}`, bytes: p - before });
  }
  return out;
}

/**
 * The crate a function's code belongs to: the first path segment of its
 * demangled name (a generic instance counts under the crate defining the
 * generic, e.g. `core::ptr::drop_in_place<Vec<X>>` under core); `<A as B>::f`
 * under A's crate, or B's when A is a primitive, a generic parameter, a slice
 * or a tuple. Unmangled exports are told apart by their names.
 */
function crateOf(name) {
  if (/^function #\d+$/.test(name)) return "(no name)";
  if (/ multivalue shim$/.test(name)) return "wasm-bindgen export shims";
  if (/^(uniffi_|ffi_|UNIFFI_)/.test(name) && name !== "uniffi_fingerprint" && name !== "uniffi_take_panic_message") {
    return "UniFFI scaffolding (extern \"C\" functions)";
  }
  if (/^(__wbindgen|__wbg|__externref)/.test(name)) return "wasm_bindgen";
  if (/^(fn|ctor|method|free|clone)_[a-z0-9_]+$|^uniffi_fingerprint$|^uniffi_take_panic_message$|^start$/.test(name)) {
    return "joyous_departures_wasm (the glue)";
  }
  let subject = name;
  if (name.startsWith("<")) {
    // <A as B>::f -> A, or B when A is no crate's type.
    let depth = 0;
    let as = -1;
    let close = name.length;
    for (let i = 1; i < name.length; i++) {
      const c = name[i];
      if (c === "<") depth++;
      else if (c === ">" && depth === 0) {
        close = i;
        break;
      } else if (c === ">") depth--;
      else if (depth === 0 && as < 0 && name.startsWith(" as ", i)) as = i;
    }
    const a = name.slice(1, as < 0 ? close : as);
    const b = as < 0 ? "" : name.slice(as + 4, close);
    const noCrate = /^(?:&|\*const |\*mut |mut |dyn |\s)*(?:bool|char|str|f32|f64|[iu](?:8|16|32|64|128|size)|[A-Z])\b|^(?:&|mut |\s)*[[(]/;
    subject = noCrate.test(a) && b ? b : a;
  }
  const m = /^(?:&|\*const |\*mut |mut |dyn |\s)*([A-Za-z_][A-Za-z0-9_]*)/.exec(subject);
  if (!m) return "(other)";
  const crate = m[1];
  if (/^(bool|char|str|f32|f64|[iu](8|16|32|64|128|size))$/.test(crate)) return "core";
  if (/^__rustc$|^__rdl_|^__rust_/.test(crate)) return "alloc";
  if (crate === "joyous_departures_wasm") return "joyous_departures_wasm (the glue)";
  if (crate === "joyous_wasm_baseline") return "joyous_wasm_baseline (the baseline's glue)";
  return crate;
}

function byCrate(fns) {
  const out = new Map();
  for (const f of fns) {
    const c = crateOf(f.name);
    const e = out.get(c) ?? { bytes: 0, count: 0 };
    e.bytes += f.bytes;
    e.count += 1;
    out.set(c, e);
  }
  return out;
}

// ---- measured removals --------------------------------------------------------

/**
 * `buf` without its name section and with the body of every function for
 * which `stub(name)` holds replaced by `unreachable` (a valid module either
 * way): what that code adds, gzipped, is the difference. Data the stubbed
 * code referenced stays, so this is the code's share only.
 */
function stubbed(buf, fns, stub) {
  const parts = [buf.subarray(0, 8)];
  for (const s of sections(buf)) {
    if (s.name === 'custom "name"') continue;
    const start = sectionStart(buf, s);
    if (s.id !== 10) {
      parts.push(buf.subarray(start, s.end));
      continue;
    }
    const bodies = [];
    let [count, p] = leb(buf, s.start);
    for (let i = 0; i < count; i++) {
      const before = p;
      let size;
      [size, p] = leb(buf, p);
      p += size;
      bodies.push(stub(fns[i].name) ? Buffer.from([3, 0, 0, 0x0b]) : buf.subarray(before, p));
    }
    const payload = Buffer.concat([uleb(count), ...bodies]);
    parts.push(Buffer.from([10]), uleb(payload.length), payload);
  }
  const out = Buffer.concat(parts);
  new WebAssembly.Module(out); // throws if the rewrite broke the module
  return out;
}

/** Where section `s` (id byte included) begins. */
function sectionStart(buf, s) {
  let p = 8;
  while (p < buf.length) {
    const begin = p;
    const [size, q] = leb(buf, p + 1);
    if (q === s.start) return begin;
    p = q + size;
  }
  throw new Error("section not found");
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

/** The bytes of `buf` without every occurrence of each needle (none may be missing). */
function cut(buf, needles) {
  const ranges = [];
  for (const needle of needles) {
    const at = buf.indexOf(needle);
    if (at < 0) return null;
    ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let p = 0;
  for (const [s, e] of ranges) {
    parts.push(buf.subarray(p, s));
    p = e;
  }
  parts.push(buf.subarray(p));
  return Buffer.concat(parts);
}

// The wasm-opt runs take seconds each: their results are kept in <scratch>,
// keyed by a hash of everything they read, and reused while that is unchanged.
mkdirSync(args.scratch, { recursive: true });
const glueText = readFileSync(args.glue, "utf8");
const named = readFileSync(args.named);
const key = createHash("sha256").update(sdk).update(glueText).update(named).update(features.join(" ")).digest("hex").slice(0, 16);
const cacheFile = join(args.scratch, `${key}.json`);
const wasmOpt = (input, output) => execFileSync(bin("wasm-opt"), [input, "-Oz", ...features, "-o", output], { stdio: ["ignore", "ignore", "inherit"] });

// The exports the glue calls (`wasm.<name>` in its _bg.js), plus what the
// entries use directly (`__wbindgen_start`, `memory`); every other export is
// kept alive only by being exported.
const used = new Set([...glueText.matchAll(/\bwasm\.([A-Za-z0-9_$]+)/g)].map((m) => m[1]));
used.add("__wbindgen_start").add("memory");
const exportNames = WebAssembly.Module.exports(new WebAssembly.Module(sdk)).map((e) => e.name);
const unused = exportNames.filter((e) => !used.has(e));

let cache;
try {
  cache = JSON.parse(readFileSync(cacheFile, "utf8"));
} catch {
  for (const f of readdirSync(args.scratch)) rmSync(join(args.scratch, f), { force: true });
  // Control: the shipped file through -Oz once more.
  const control = join(args.scratch, "control.wasm");
  wasmOpt(args.sdk, control);
  // Only the glue's exports as roots.
  const graph = exportNames.map((e, i) => (used.has(e) ? { name: `export${i}`, root: true, export: e } : { name: `export${i}`, export: e }));
  const graphFile = join(args.scratch, "graph.json");
  writeFileSync(graphFile, JSON.stringify(graph));
  const dced = join(args.scratch, "metadce.wasm");
  execFileSync(bin("wasm-metadce"), [args.sdk, "--graph-file", graphFile, ...features, "-o", dced], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  wasmOpt(dced, dced);
  const dcedBytes = readFileSync(dced);
  // binaryen's call graph of the named build (direct calls).
  const dot = execFileSync(bin("wasm-opt"), [args.named, ...features, "--print-call-graph", "-o", join(args.scratch, "callgraph.wasm")], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  cache = {
    control: sizeOf(readFileSync(control)),
    dced: { ...sizeOf(dcedBytes), exports: WebAssembly.Module.exports(new WebAssembly.Module(dcedBytes)).length },
    dot,
  };
  writeFileSync(cacheFile, JSON.stringify(cache));
}
const controlSize = cache.control;
const dcedSize = cache.dced;
const dcedExports = cache.dced.exports;

// The corpus text, cut out of the shipped bytes.
const corpusFiles = readdirSync(args.corpus).filter((f) => f.endsWith(".txt")).sort();
const corpusTexts = corpusFiles.map((f) => readFileSync(join(args.corpus, f)));
const corpusBytes = corpusTexts.reduce((n, t) => n + t.length, 0);
const withoutCorpus = cut(sdk, corpusTexts);
const baselineWithoutCorpus = cut(baseline, corpusTexts);

// ---- the profile --------------------------------------------------------------

const namedBaseline = readFileSync(args["named-baseline"]);
const fns = functions(named);
const baseFns = functions(namedBaseline);
const crates = byCrate(fns);
const baseCrates = byCrate(baseFns);
// Gzipped share of each crate's code: the named build without its names, then
// with that crate's function bodies stubbed.
const namedPlain = stubbed(named, fns, () => false);
const namedGzip = gzip(namedPlain);
const gzipShare = (stub) => namedGzip - gzip(stubbed(named, fns, stub));
const rawShare = (stub) => namedPlain.length - stubbed(named, fns, stub).length;
for (const [c, e] of crates) e.gzip = gzipShare((name) => crateOf(name) === c);
const allCodeGzip = gzipShare(() => true);
const codeTotal = fns.reduce((n, f) => n + f.bytes, 0);
const baseCodeTotal = baseFns.reduce((n, f) => n + f.bytes, 0);

const secSizes = (buf) => {
  const out = new Map();
  for (const s of sections(buf)) {
    const key = s.id === 10 ? "code" : s.id === 11 ? "data" : s.id === 7 ? "export" : s.id === 0 ? s.name : "other (types, imports, tables, ...)";
    out.set(key, (out.get(key) ?? 0) + (s.end - s.start));
  }
  return out;
};
const sdkSecs = secSizes(sdk);
const baseSecs = secSizes(baseline);

const lines = [];
lines.push(
  `Size profile of the package's .wasm (benches/js/wasm-size.mjs): ${kb(sdk.length)} KB raw, ` +
    `${kb(files.sdk.gzip)} KB gzipped; the baseline's ${kb(baseline.length)} KB, ${kb(files.baseline.gzip)} KB.`,
);
lines.push("");
lines.push("| section | package KB | baseline KB | difference |");
lines.push("|---|---|---|---|");
for (const key of new Set([...sdkSecs.keys(), ...baseSecs.keys()])) {
  const a = sdkSecs.get(key) ?? 0;
  const b = baseSecs.get(key) ?? 0;
  lines.push(`| ${key} | ${kb(a)} | ${kb(b)} | ${signedKb(a - b)} |`);
}
lines.push("");
lines.push(
  `Code by crate, from the name sections of \`wasm-opt -Oz -g\` builds (the same code with names; ` +
    `${kb(codeTotal)} KB and ${kb(baseCodeTotal)} KB of function bodies). A generic instance counts under the ` +
    `crate that defines the generic (\`core::ptr::drop_in_place<Vec<Language>>\` is core's).`,
);
lines.push("");
lines.push(
  `The gzipped column is what stubbing that crate's function bodies (\`unreachable\`) saves on the gzipped named ` +
    `build without its names (${kb(namedGzip)} KB); all code stubbed saves ${kb(allCodeGzip)} KB of it.`,
);
lines.push("");
lines.push("| crate | package KB | share | gzipped KB | functions | baseline KB | difference |");
lines.push("|---|---|---|---|---|---|---|");
const allCrates = [...new Set([...crates.keys(), ...baseCrates.keys()])].sort(
  (x, y) => (crates.get(y)?.bytes ?? 0) - (crates.get(x)?.bytes ?? 0) || (baseCrates.get(y)?.bytes ?? 0) - (baseCrates.get(x)?.bytes ?? 0),
);
for (const c of allCrates) {
  const a = crates.get(c) ?? { bytes: 0, count: 0 };
  const b = baseCrates.get(c) ?? { bytes: 0, count: 0 };
  if (a.bytes < 512 && b.bytes < 512) continue;
  lines.push(
    `| ${c} | ${kb(a.bytes)} | ${pct(a.bytes, codeTotal)} | ${a.gzip === undefined ? "" : kb(a.gzip)} | ${a.count} | ${kb(b.bytes)} | ${signedKb(a.bytes - b.bytes)} |`,
  );
}
const small = allCrates.filter((c) => (crates.get(c)?.bytes ?? 0) < 512 && (baseCrates.get(c)?.bytes ?? 0) < 512);
if (small.length) {
  const a = small.reduce((n, c) => n + (crates.get(c)?.bytes ?? 0), 0);
  const b = small.reduce((n, c) => n + (baseCrates.get(c)?.bytes ?? 0), 0);
  const g = gzipShare((name) => small.includes(crateOf(name)));
  lines.push(`| ${small.length} others under 0.5 KB each | ${kb(a)} | ${pct(a, codeTotal)} | ${kb(g)} | | ${kb(b)} | ${signedKb(a - b)} |`);
}
// Code only the package has, and what enters it: direct calls from other
// crates, from binaryen's call graph of the named build.
const only = [...crates.keys()].filter((c) => !baseCrates.has(c) && (crates.get(c)?.bytes ?? 0) >= 2048 && !/\(|shims/.test(c));
const dot = cache.dot;
const edges = [...dot.matchAll(/^\s*"([^"]+)" -> "([^"]+)"; \/\/ call/gm)].map((m) => [m[1], m[2]]);
const short = (name) =>
  name
    .replace(/\[[0-9a-f]{6,16}\]/g, "")
    .replace(/::h[0-9a-f]{16}$/, "")
    .replace(/\|/g, "\\|");
for (const c of only) {
  const inside = (name) => crateOf(name) === c || (c === "anyhow" && /std(?:\[[0-9a-f]+\])?::backtrace/.test(name));
  const entries = new Set();
  for (const [from, to] of edges) {
    if (crateOf(to) === c && !inside(from) && !/^\d+$/.test(from)) entries.add(`\`${short(from)}\` → \`${short(to)}\``);
  }
  if (entries.size === 0) continue;
  if (only.indexOf(c) === 0) {
    lines.push("");
    lines.push(
      "Crates only the package has (≥ 2 KB), and the direct calls into them from other crates " +
        "(`wasm-opt --print-call-graph` on the named build; calls through vtables and tables are not edges):",
    );
    lines.push("");
  }
  lines.push(`- ${c}: ${[...entries].slice(0, 6).join("; ")}${entries.size > 6 ? `; and ${entries.size - 6} more` : ""}`);
}
const bt = new Set();
for (const [from, to] of edges) {
  if (/std(?:\[[0-9a-f]+\])?::backtrace/.test(to) && !/std(?:\[[0-9a-f]+\])?::backtrace/.test(from) && !/^\d+$/.test(from) && !/drop_in_place/.test(to)) bt.add(`\`${short(from)}\` → \`${short(to)}\``);
}
if (bt.size) lines.push(`- std::backtrace: ${[...bt].slice(0, 6).join("; ")}${bt.size > 6 ? `; and ${bt.size - 6} more` : ""}`);

lines.push("");
lines.push("What removing one thing from the package's .wasm saves (measured on the bytes):");
lines.push("");
lines.push("| removed | raw KB | gzipped KB |");
lines.push("|---|---|---|");
lines.push(
  `| control: the shipped file through \`wasm-opt -Oz\` again | ${signedKb(controlSize.bytes - files.sdk.bytes)} | ${signedKb(controlSize.gzip - files.sdk.gzip)} |`,
);
lines.push(
  `| the ${unused.length} of ${exportNames.length} exports the JS glue never calls (UniFFI's C-ABI scaffolding: ` +
    `\`ffi_*_rust_future_*\`, \`*_checksum_*\`, \`UNIFFI_META_*\`, \`ffi_*_rustbuffer_*\`, \`uniffi_*_fn_*\`), ` +
    `wasm-metadce then -Oz (${dcedExports} exports left) | ${signedKb(dcedSize.bytes - files.sdk.bytes)} | ${signedKb(dcedSize.gzip - files.sdk.gzip)} |`,
);
{
  const errorPath = (name) => ["anyhow", "rustc_demangle"].includes(crateOf(name)) || /std(?:\[[0-9a-f]+\])?::backtrace/.test(name);
  const n = fns.filter((f) => errorPath(f.name));
  lines.push(
    `| the code of anyhow, rustc_demangle and std::backtrace* (${n.length} functions, ${kb(n.reduce((t, f) => t + f.bytes, 0))} KB), ` +
      `bodies stubbed in the named build | ${signedKb(-rawShare(errorPath))} | ${signedKb(-gzipShare(errorPath))} |`,
  );
}
if (withoutCorpus) {
  lines.push(
    `| the corpus text (${corpusFiles.length} files, ${kb(corpusBytes)} KB; ${kb(gzip(Buffer.concat(corpusTexts)))} KB gzipped alone), cut out of the bytes | ` +
      `${signedKb(withoutCorpus.length - files.sdk.bytes)} | ${signedKb(gzip(withoutCorpus) - files.sdk.gzip)} |`,
  );
} else {
  lines.push("| the corpus text: not found verbatim in the .wasm | | |");
}
if (baselineWithoutCorpus) {
  lines.push(
    `| (baseline) the same corpus text cut out of the baseline's .wasm | ${signedKb(baselineWithoutCorpus.length - files.baseline.bytes)} | ${signedKb(gzip(baselineWithoutCorpus) - files.baseline.gzip)} |`,
  );
}
lines.push("");
lines.push("Largest functions of the package (`-g` build):");
lines.push("");
lines.push("| bytes | function |");
lines.push("|---|---|");
for (const f of [...fns].sort((x, y) => y.bytes - x.bytes).slice(0, 12)) {
  lines.push(`| ${f.bytes} | \`${f.name.replace(/\|/g, "\\|").replace(/\[[0-9a-f]{6,16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "")}\` |`);
}

console.log(JSON.stringify({ files, profile: lines.join("\n") }));

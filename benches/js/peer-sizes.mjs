#!/usr/bin/env node
// node benches/js/peer-sizes.mjs <label>=<file> ...
//
// Sizes of the peers' .wasm files beside ours, raw and gzipped (zlib level 9,
// as wasm-size.mjs measures ours); prints `{ label: { bytes, gzip } }`.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const out = {};
for (const arg of process.argv.slice(2)) {
  const at = arg.indexOf("=");
  if (at < 1) {
    console.error(`peer-sizes: expected <label>=<file>, got ${JSON.stringify(arg)}`);
    process.exit(2);
  }
  const bytes = readFileSync(arg.slice(at + 1));
  out[arg.slice(0, at)] = { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
console.log(JSON.stringify(out));

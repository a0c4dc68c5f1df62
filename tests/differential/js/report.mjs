// Node side of the JS differential runners: prints a runtime's results and
// judges its zone-data differences against known-zone-differences.json.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const KNOWN = join(here, "..", "known-zone-differences.json");

/**
 * Prints `<runtime>: N cases agree ...` or every failure; zone-data
 * differences pass only when known-zone-differences.json lists the runtime,
 * its version and the zone.
 * @param versions `{ name: version }` of what decides the host's zone data
 * @returns true when the run passed
 */
export function report(runtime, versions, seed, total, { counts, failures, zones }) {
  const known = JSON.parse(readFileSync(KNOWN, "utf8")).differences;
  const unexplained = [];
  const seen = new Map();
  for (const z of zones) {
    const entry = known.find(
      (k) => k.runtime === runtime && k.zone === z.zone && Object.entries(k.versions).every(([n, v]) => versions[n] === v),
    );
    if (entry) seen.set(z.zone, (seen.get(z.zone) ?? 0) + 1);
    else unexplained.push(z);
  }
  const shown = Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(", ");
  for (const f of failures.slice(0, 20)) {
    console.error(`${runtime}: FAIL seed ${seed} case ${f.index}: ${f.reason}\n  input: ${JSON.stringify(f.input)} poison: ${JSON.stringify(f.poison)}`);
  }
  for (const z of unexplained.slice(0, 20)) {
    console.error(
      `${runtime}: FAIL seed ${seed} case ${z.index}: the host's zone data puts ${z.zone} at ${z.host} for ${z.instant}, ` +
        `where tzdata (native) says ${z.native}; the texts differ only in {date}/{time}. If the host is right or ` +
        `this is a known host data lag, add {"runtime": "${runtime}", "zone": "${z.zone}", "versions": ${JSON.stringify(versions)}} ` +
        `with a note to tests/differential/known-zone-differences.json; if not, fix the core (src/platform.rs).`,
    );
  }
  const summary = Object.entries(counts).sort().map(([k, n]) => `${n} ${k}`).join(", ");
  const knownNote = seen.size ? `; known zone-data differences: ${[...seen].map(([z, n]) => `${z} (${n})`).join(", ")}` : "";
  if (failures.length > 0 || unexplained.length > 0) {
    console.error(`${runtime}: FAILED ${failures.length + unexplained.length} of ${total} cases (seed ${seed}; ${shown}): ${summary}`);
    return false;
  }
  console.log(`${runtime}: ${total} cases agree with native (seed ${seed}; ${shown}): ${summary}${knownNote}`);
  return true;
}

/** The version in <dir>/node_modules/<name>/package.json. */
export function packageVersion(dir, name) {
  return JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version;
}

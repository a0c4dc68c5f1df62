#!/usr/bin/env node
// node tests/differential/js/run-node.mjs <project-dir> <cases.json>
// The differential cases in Node, against joyous-departures installed in
// <project-dir>/node_modules (imported by path to its `node` entry, as Node resolves it).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { checkCase, runCases } from "./check.mjs";
import { report } from "./report.mjs";

const [projectArg, casesArg] = process.argv.slice(2);
if (!projectArg || !casesArg) {
  console.error("usage: node tests/differential/js/run-node.mjs <project-dir> <cases.json>");
  process.exit(2);
}
const project = resolve(projectArg);
// Resolved from the project, as `import "joyous-departures"` there would.
const entry = createRequire(join(project, "package.json")).resolve("joyous-departures");
const api = await import(pathToFileURL(entry).href);
selfCheck();
const data = JSON.parse(readFileSync(casesArg, "utf8"));
const results = runCases(api, data);
const versions = { node: process.versions.node, icu: process.versions.icu, tz: process.versions.tz };
process.exit(report("node", versions, data.seed, data.cases.length, results) ? 0 : 1);

/**
 * The zone-data classifier on a made-up case no host produces today: the
 * "native" text as if tzdata read 99:99 at that instant. It must come out as
 * a zone-data difference, or a real one would be reported as a plain failure.
 */
function selfCheck() {
  const options = { language_code: "en-GB", template_args: null, use_emojis: true, timezone: "Africa/Casablanca", seed: null, now_ms: "1798284420000" };
  const base = { languageCode: "en-GB", timezone: "Africa/Casablanca", now: new Date(1798284420000) };
  for (let seed = 0n; seed < 200n; seed++) {
    const real = api.generateGoodbye({ ...base, seed });
    const fake = api.generateGoodbye({ ...base, seed, templateArgs: { time: "99:99" } });
    if (real === fake) continue; // this template shows no {time}
    const date = api.generateGoodbye({ ...base, seed, templateArgs: { time: "99:99", date: "D" } }) === fake ? "D" : undefined;
    const c = { index: -1, poison: null, options: { ...options, seed: String(seed) } };
    // The native {date} as the package renders it: a corpus of one template.
    const { Generator } = api;
    const g = Generator.withCorpus("[en-GB]\n{date}\n", { ...base, seed });
    c.expect = { text: fake, clock: { date: date ?? g.generate().text, time: "99:99", local: "fake" } };
    g.free?.();
    const outcome = checkCase(api, c);
    if (outcome.kind !== "zone data") {
      console.error(`node: FAIL the zone-data classifier (check.mjs) called a {time}-only difference ${JSON.stringify(outcome)}`);
      process.exit(1);
    }
    return;
  }
  console.error("node: FAIL no template of seeds 0-199 shows {time}: the classifier's self-check found no case");
  process.exit(1);
}

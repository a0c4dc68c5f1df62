// A module Worker that runs the conformance vectors and the API checks against
// joyous-departures, imported by name as a Workers user would. The runner
// (run.mjs) copies this file into the project directory, writes vectors.json
// beside it and bundles it with esbuild (conditions workerd, worker).
import * as api from "joyous-departures";

import { apiChecks } from "../lib/api-checks.mjs";
import { runConformance } from "../lib/conformance.mjs";
import vectors from "./vectors.json";

export default {
  async fetch() {
    try {
      const conformance = await runConformance(api, vectors.files);
      const checks = apiChecks(api);
      return Response.json({ conformance, checks, cases: vectors.files.reduce((n, f) => n + f.cases.length, 0) });
    } catch (e) {
      return Response.json({ fatal: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) }, { status: 500 });
    }
  },
};

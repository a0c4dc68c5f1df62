// A module Worker that runs the tricky-names checks, importing the package by
// name as a Workers user would. run-workerd.mjs copies it (and
// tricky-checks.mjs) into the scratch project and bundles it with esbuild.
import * as api from "tricky-names";

import { runChecks } from "./tricky-checks.mjs";

export default {
  async fetch() {
    try {
      return Response.json(runChecks(api));
    } catch (e) {
      return Response.json({ fatal: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) }, { status: 500 });
    }
  },
};

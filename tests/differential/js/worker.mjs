// A module Worker that runs the differential cases (cases.json beside it,
// copied by run-workerd.mjs) against joyous-departures imported by name.
import * as api from "joyous-departures";

import { runCases } from "./check.mjs";
import data from "./cases.json";

export default {
  async fetch() {
    try {
      return Response.json(runCases(api, data));
    } catch (e) {
      return Response.json({ fatal: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) }, { status: 500 });
    }
  },
};

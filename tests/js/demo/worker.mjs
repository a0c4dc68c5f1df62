// The workerd side of demo/run.mjs: a module Worker, copied to
// <project-dir>/demo/ and bundled from there (conditions workerd, worker).
// The request body is the snake_case options JSON; the response body is the
// goodbye (200) or the error (500).
import { generateGoodbye } from "joyous-departures";

import { toOptions } from "../lib/conformance.mjs";

export default {
  async fetch(request) {
    try {
      return new Response(generateGoodbye(toOptions(await request.json())));
    } catch (e) {
      return new Response(e instanceof Error ? `${e.name}: ${e.message}` : `a non-Error was thrown: ${String(e)}`, { status: 500 });
    }
  },
};

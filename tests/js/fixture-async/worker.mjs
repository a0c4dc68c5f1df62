// A module Worker that runs the fixture-async checks during a request,
// importing the package by name as a Workers user would. One check's JS
// callback awaits `fetch` through the ECHO service binding, so Workers I/O
// runs inside a callback Rust awaits. run-workerd.mjs bundles and serves it.
import * as api from "fixture-async";

import { checks } from "./async-checks.mjs";

export default {
  async fetch(_request, env) {
    const fetchText = async (path) => (await env.ECHO.fetch(`http://echo${path}`)).text();
    const failed = [];
    let passed = 0;
    for (const [id, fn] of checks) {
      try {
        await fn(api, { fetchText });
        passed++;
      } catch (e) {
        failed.push({ id, reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      }
    }
    return Response.json({ passed, failed });
  },
};

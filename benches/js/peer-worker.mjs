// The workerd Worker for the peer cases, bundled by workerd-bench.mjs
// (--worker peer-worker.mjs) from <project>/bench/ (joyous-peer-ours imported
// by name). Batches bracketed by `await scheduler.wait(0)` as in worker.mjs.
import * as ours from "joyous-peer-ours";

import * as base from "./baseline-workerd.mjs";
import { checkPeersAgree, peerAsyncCases, peerCases } from "./peer-cases.mjs";
import { sinkValue, timeCases } from "./timing.mjs";

const fence = () => scheduler.wait(0);

export default {
  async fetch(request) {
    const quick = new URL(request.url).searchParams.has("quick");
    try {
      await checkPeersAgree(ours, base);
      const opts = { rounds: quick ? 5 : 11, batchMs: quick ? 30 : 60, fence };
      const sync = await timeCases(peerCases(ours, base), opts);
      const awaited = await timeCases(peerAsyncCases(ours, base), { ...opts, awaited: true });
      return Response.json({
        runtime: "workerd",
        results: { ...sync.results, ...awaited.results },
        calls: { ...sync.calls, ...awaited.calls },
        sink: sinkValue(),
      });
    } catch (e) {
      return Response.json({ error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) }, { status: 500 });
    }
  },
};

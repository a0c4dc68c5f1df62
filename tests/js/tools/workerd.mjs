// workerd helpers of the workerd and demo runners (Node side; not copied anywhere).
import { join } from "node:path";

import * as esbuild from "esbuild";
import { Miniflare } from "miniflare";

/** The newest date this workerd (miniflare 4.20260426) accepts; real Workers accept up to 2026-05-03 here. */
export const COMPATIBILITY_DATE = "2026-04-26";

/**
 * Bundles a Worker inside <project> with esbuild as a Workers build would
 * (conditions workerd + worker, .wasm kept as files) into <outdir>.
 * @returns `{ build, bundle, wasmOutputs }`: esbuild's result, the bundle's
 *   path and the .wasm files' paths (relative to <project>); throws esbuild's error
 */
export async function bundleWorker(project, entry, outdir) {
  const build = await esbuild.build({
    absWorkingDir: project,
    entryPoints: [entry],
    outdir,
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker"],
    target: "esnext",
    loader: { ".wasm": "copy" },
    assetNames: "[name]-[hash]",
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(build.metafile.outputs);
  return {
    build,
    bundle: outputs.find((out) => build.metafile.outputs[out].entryPoint),
    wasmOutputs: outputs.filter((out) => out.endsWith(".wasm")),
  };
}

/**
 * Runs <project>/<bundle> in workerd through Miniflare (.wasm as CompiledWasm,
 * modules rooted at <outdir>) and sends it one request (<url>, <init> as for fetch).
 * <options> adds to or overrides the Miniflare options.
 * @returns `{ status, body }` of the response; throws when the Worker does not start or answer
 */
export async function fetchWorker(project, bundle, outdir, url, init, options = {}) {
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(project, bundle),
    modulesRoot: outdir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: COMPATIBILITY_DATE,
    ...options,
  });
  try {
    const response = await mf.dispatchFetch(url, init);
    return { status: response.status, body: await response.text() };
  } finally {
    await mf.dispose().catch(() => {});
  }
}

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

/**
 * Runs a checks Worker of <here> (its <files>: the worker and the checks it
 * imports) against <project>'s installed <pkg>: copies them to
 * <project>/<workDir>, bundles, serves one request with <options> added to
 * Miniflare's, and prints `workerd: N checks passed` or every failure.
 * The Worker answers `{ passed, failed: [{ id, reason }] }` or `{ fatal }`.
 * @returns the exit code: 0 when every check passed
 */
export async function runChecksWorker({ here, project, pkg, files, workDir, options = {} }) {
  const { copyFileSync, existsSync, mkdirSync, rmSync } = await import("node:fs");
  if (!existsSync(join(project, "node_modules", pkg, "package.json"))) {
    console.error(`workerd: ${pkg} is not installed in ${project}/node_modules`);
    return 2;
  }
  const dir = join(project, workDir);
  const distDir = join(dir, "dist");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(here, file), join(dir, file));
  let result;
  try {
    const { bundle } = await bundleWorker(project, join(dir, files[0]), distDir);
    const { status, body } = await fetchWorker(project, bundle, distDir, "http://localhost/", undefined, options);
    try {
      result = JSON.parse(body);
    } catch {
      result = { fatal: `HTTP ${status}: ${body.slice(0, 2000)}` };
    }
  } catch (e) {
    result = { fatal: `the Worker did not bundle, start or answer (workerd's output is above): ${e instanceof Error ? `${e.name}: ${e.message}` : e}` };
  }
  if (result.fatal) {
    console.error(`workerd: FAIL worker: ${result.fatal}`);
    return 1;
  }
  for (const f of result.failed) console.error(`workerd: FAIL ${f.id}: ${f.reason}`);
  if (result.failed.length > 0) {
    console.error(`workerd: FAILED: ${result.passed} of ${result.passed + result.failed.length} checks passed`);
    return 1;
  }
  console.log(`workerd: ${result.passed} checks passed`);
  return 0;
}

// package.json `exports` resolution, shared by the Node tests (copied beside
// them as ../lib) and the runners in tools/. Pure ESM.

/** The file an exports target (string, array or nested conditions) names for the given conditions. */
export function resolveTarget(target, conditions) {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const found = resolveTarget(t, conditions);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (target && typeof target === "object") {
    for (const [key, value] of Object.entries(target)) {
      if (conditions.includes(key)) {
        const found = resolveTarget(value, conditions);
        if (found !== undefined) return found;
      }
    }
  }
  return undefined;
}

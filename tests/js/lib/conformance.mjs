// Runs the conformance vectors (tests/conformance/*.json) against the
// joyous-departures package. Pure ESM without Node APIs: the same file runs in
// Node, in workerd and in Chromium.
//
// A vector's options are snake_case JSON (seed as a decimal string, now as an
// ISO 8601 string); they become the TypeScript options of
// docs/typescript-mapping.md (seed a bigint, now a Date, camelCase keys).

/** "template_id" -> "templateId" */
export function camelCase(name) {
  return name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** The TypeScript GoodbyeOptions for a vector's snake_case options. */
export function toOptions(vectorOptions) {
  const options = {};
  for (const [key, value] of Object.entries(vectorOptions ?? {})) {
    if (key === "seed") {
      options.seed = BigInt(value);
    } else if (key === "now") {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) throw new Error(`vector has an invalid now: ${value}`);
      options.now = date;
    } else if (key === "template_args") {
      options.templateArgs =
        value === null ? undefined : Object.fromEntries(Object.entries(value).map(([k, v]) => [camelCase(k), v]));
    } else {
      options[camelCase(key)] = value;
    }
  }
  return options;
}

function dispose(object) {
  if (typeof Symbol.dispose === "symbol" && typeof object?.[Symbol.dispose] === "function") {
    object[Symbol.dispose]();
  } else if (typeof object?.free === "function") {
    object.free();
  }
}

/** The vectors' translators (tests/conformance/translator.json says what each does). */
const TRANSLATORS = {
  bracket: () => ({ translate: async (code, text) => `[${code}] ${text}` }),
  failing: (api) => ({
    translate: async (code) => {
      throw new api.TranslateError.Failed({ message: `no dictionary for ${code}` });
    },
  }),
};

const CALLS = ["generate_goodbye", "generator", "generate_goodbye_async"];

/** Performs the vector's call; resolves to `{ text }` or `{ texts }` like the vector's `expect`. */
export async function runCase(api, c) {
  const options = toOptions(c.options);
  const call = c.call ?? "generate_goodbye";
  if (call === "generate_goodbye") {
    return { text: api.generateGoodbye(options) };
  }
  if (call === "generate_goodbye_async") {
    const make = c.translator == null ? undefined : TRANSLATORS[c.translator];
    if (c.translator != null && make === undefined) throw new Error(`unknown translator ${JSON.stringify(c.translator)}`);
    return { text: await api.generateGoodbyeAsync(options, make?.(api)) };
  }
  if (call === "generator") {
    const make = () =>
      c.corpus !== undefined && c.corpus !== null
        ? api.Generator.withCorpus(c.corpus, options)
        : new api.Generator(options);
    const count = c.count ?? 1;
    const [a, b, d] = [make(), make(), make()];
    try {
      const texts = a.generateBatch(count).map((goodbye) => goodbye.text);
      // The text-only calls must render the same series.
      const viaTexts = b.generateTexts(count);
      const oneByOne = Array.from({ length: count }, () => d.generateText());
      for (const [what, got] of [["generateTexts", viaTexts], [`generateText, ${count} times`, oneByOne]]) {
        if (JSON.stringify(got) !== JSON.stringify(texts)) {
          throw new Error(`${what} gave ${JSON.stringify(got)}, generateBatch ${JSON.stringify(texts)}`);
        }
      }
      return { texts };
    } finally {
      for (const g of [a, b, d]) dispose(g);
    }
  }
  throw new Error(`unknown call ${JSON.stringify(call)}`);
}

const show = (value) => (typeof value === "bigint" ? `${value}n` : JSON.stringify(value));

function describeError(e) {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return `a non-Error was thrown: ${show(e)}`;
}

/** Why the outcome of a case with `expect.error` is wrong, or null. */
function checkError(api, expect, outcome) {
  const variant = expect.error;
  if (!("error" in outcome)) {
    return `expected GoodbyeError.${variant}, got ${show(outcome.value)}`;
  }
  const e = outcome.error;
  const Variant = api.GoodbyeError?.[variant];
  if (typeof Variant !== "function") return `GoodbyeError.${variant} is not exported as a class`;
  if (!(e instanceof api.GoodbyeError)) return `expected GoodbyeError.${variant}, got ${describeError(e)}`;
  if (!(e instanceof Variant)) {
    return `expected GoodbyeError.${variant}, got ${e.name} (${e.message}) that is not instanceof GoodbyeError.${variant}`;
  }
  if (!(e instanceof Error)) return "the error is not instanceof Error";
  if (typeof e.message !== "string" || e.message.trim() === "") return `empty message: ${show(e.message)}`;
  if (e.name !== `GoodbyeError.${variant}`) return `name is ${show(e.name)}, expected "GoodbyeError.${variant}"`;
  if (e.tag !== variant) return `tag is ${show(e.tag)}, expected ${show(variant)}`;
  for (const [field, expected] of Object.entries(expect.fields ?? {})) {
    const property = camelCase(field);
    if (e[property] !== expected) {
      return `field ${property} is ${show(e[property])}, expected ${show(expected)} (message: ${e.message})`;
    }
  }
  if (expect.message_contains !== undefined && !e.message.includes(expect.message_contains)) {
    return `message ${show(e.message)} does not contain ${show(expect.message_contains)}`;
  }
  return null;
}

/** Why the outcome of a case with `expect.text` / `expect.texts` is wrong, or null. */
function checkValue(expect, outcome) {
  if ("error" in outcome) return `expected a result, got ${describeError(outcome.error)}`;
  const actual = outcome.value;
  if ("text" in expect) {
    if (actual.text !== expect.text) return `text is ${show(actual.text)}, expected ${show(expect.text)}`;
    return null;
  }
  if ("texts" in expect) {
    const got = actual.texts;
    if (!Array.isArray(got)) return `texts is ${show(got)}, expected an array`;
    for (let i = 0; i < Math.max(got.length, expect.texts.length); i++) {
      if (got[i] !== expect.texts[i]) {
        return `texts[${i}] is ${show(got[i])}, expected ${show(expect.texts[i])} (${got.length} texts, expected ${expect.texts.length})`;
      }
    }
    return null;
  }
  return `the vector's expect has none of text, texts, error: ${show(expect)}`;
}

/** Runs one case; resolves to null when it passes, else the reason. */
export async function checkCase(api, c) {
  const call = c.call ?? "generate_goodbye";
  if (!CALLS.includes(call)) return `unknown call ${JSON.stringify(call)}`;
  let outcome;
  try {
    outcome = { value: await runCase(api, c) };
  } catch (error) {
    outcome = { error };
  }
  const expect = c.expect ?? {};
  return "error" in expect ? checkError(api, expect, outcome) : checkValue(expect, outcome);
}

/**
 * Runs every case of every file.
 * @param api the imported package namespace
 * @param files `[{ name, cases }]`, one per tests/conformance/*.json
 * @returns (a promise of) `{ passed, failed: [{ file, id, reason }] }`; `passed` counts cases
 */
export async function runConformance(api, files) {
  let passed = 0;
  const failed = [];
  let total = 0;
  for (const { name, cases } of files) {
    for (const c of cases ?? []) {
      total++;
      let reason;
      try {
        reason = await checkCase(api, c);
      } catch (e) {
        reason = `the runner failed: ${describeError(e)}`;
      }
      if (reason === null) passed++;
      else failed.push({ file: name, id: c.id, reason });
    }
  }
  if (total === 0) failed.push({ file: "(none)", id: "(none)", reason: "no conformance cases were given" });
  return { passed, failed };
}

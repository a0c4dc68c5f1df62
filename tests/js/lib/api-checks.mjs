// Checks of the whole joyous-departures API as docs/typescript-mapping.md
// describes it. Pure ESM without Node APIs: the same checks run in Node (one
// test() each), in workerd and in Chromium.
//
// Each check is `[name, fn]`; `fn(api)` throws on failure. `api` is the
// imported package namespace, already initialised.

const NOW = new Date("2026-11-23T14:05:00Z");

class CheckFailure extends Error {
  name = "CheckFailure";
}

function ok(condition, message) {
  if (!condition) throw new CheckFailure(message);
}

const show = (value) => {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Map) return `Map ${JSON.stringify([...value])}`;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value === undefined) return "undefined";
  if (typeof value === "function") return `function ${value.name}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

function eq(actual, expected, what) {
  ok(actual === expected, `${what}: got ${show(actual)}, expected ${show(expected)}`);
}

function deepEq(actual, expected, what) {
  ok(show(actual) === show(expected), `${what}: got ${show(actual)}, expected ${show(expected)}`);
}

function describe(e) {
  return e instanceof Error ? `${e.name}: ${e.message}` : `non-Error ${show(e)}`;
}

/** Calls fn, which must throw an instance of Class; returns the error. */
function throws(fn, Class, what) {
  try {
    fn();
  } catch (e) {
    ok(e instanceof Class, `${what}: expected ${Class.name}, got ${describe(e)}`);
    ok(e instanceof Error, `${what}: the ${Class.name} is not instanceof Error`);
    ok(typeof e.message === "string" && e.message.trim() !== "", `${what}: empty message`);
    ok(typeof e.name === "string" && e.name !== "", `${what}: empty name`);
    return e;
  }
  throw new CheckFailure(`${what}: expected ${Class.name}, nothing was thrown`);
}

/** A wrong JavaScript value: TypeError (or RangeError) whose message names the argument. */
function rejectsValue(fn, Class, argument, what) {
  const e = throws(fn, Class, what);
  ok(e.message.includes(argument), `${what}: the message does not name ${argument}: ${e.message}`);
  return e;
}

/** Checks a GoodbyeError variant as docs/typescript-mapping.md describes it. */
function goodbyeError(api, fn, variant, fields, what) {
  const Variant = api.GoodbyeError[variant];
  ok(typeof Variant === "function", `GoodbyeError.${variant} is not a class`);
  const e = throws(fn, Variant, what);
  ok(e instanceof api.GoodbyeError, `${what}: not instanceof GoodbyeError`);
  eq(e.name, `GoodbyeError.${variant}`, `${what}: name`);
  eq(e.tag, variant, `${what}: tag`);
  for (const other of VARIANTS.filter((v) => v !== variant)) {
    ok(!(e instanceof api.GoodbyeError[other]), `${what}: also instanceof GoodbyeError.${other}`);
  }
  for (const [field, value] of Object.entries(fields)) eq(e[field], value, `${what}: ${field}`);
  return e;
}

const VARIANTS = ["CorpusLoad", "TemplateVariable", "InvalidLanguageCode", "InvalidTimezone"];

function dispose(object) {
  ok(typeof Symbol.dispose === "symbol", "Symbol.dispose is not defined in this runtime");
  ok(typeof object[Symbol.dispose] === "function", "Generator has no [Symbol.dispose]()");
  object[Symbol.dispose]();
}

/** Pictographs, checked independently of the SDK's emoji classifier (as in the Rust tests). */
const EMOJI = /[\u2600-\u27BF\u{1F000}-\u{1FAFF}\uFE0F\u200D]/u;

/** Runs fn with a Generator and disposes it afterwards. */
function withGenerator(make, fn) {
  const generator = make();
  try {
    return fn(generator);
  } finally {
    generator.free();
  }
}

export const checks = [
  ["exports every function and class", (api) => {
    for (const name of ["generateGoodbye", "supportedLanguages", "version", "Generator", "GoodbyeError", "LoadError", "PanicError", "DisposedError"]) {
      eq(typeof api[name], "function", `typeof ${name}`);
    }
    for (const variant of VARIANTS) eq(typeof api.GoodbyeError[variant], "function", `typeof GoodbyeError.${variant}`);
    eq(typeof api.Generator.withCorpus, "function", "typeof Generator.withCorpus");
  }],

  ["error classes extend Error and GoodbyeError", (api) => {
    for (const name of ["GoodbyeError", "LoadError", "PanicError", "DisposedError", "NotInitializedError"]) {
      if (name === "NotInitializedError" && api[name] === undefined) continue;
      ok(api[name].prototype instanceof Error, `${name}.prototype is not an Error`);
    }
    for (const variant of VARIANTS) {
      ok(api.GoodbyeError[variant].prototype instanceof api.GoodbyeError, `GoodbyeError.${variant} does not extend GoodbyeError`);
    }
  }],

  ["version() is a semver string", (api) => {
    const v = api.version();
    ok(typeof v === "string" && /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(v), `version() is ${show(v)}`);
  }],

  ["supportedLanguages() is a sorted, duplicate-free list with en-GB", (api) => {
    const codes = api.supportedLanguages();
    ok(Array.isArray(codes), `not an array: ${show(codes)}`);
    ok(codes.every((c) => typeof c === "string" && /^[a-z]{2,3}-([A-Z]{2}|\d{3})$/.test(c)), `odd codes: ${show(codes)}`);
    deepEq(codes, [...new Set(codes)].sort(), "sorted and unique");
    ok(codes.includes("en-GB"), `no en-GB in ${show(codes)}`);
    ok(codes.length >= 6, `only ${codes.length} languages`);
    codes.push("xx-XX");
    ok(!api.supportedLanguages().includes("xx-XX"), "the returned array is shared between calls");
  }],

  ["generateGoodbye({}) returns a non-empty string", (api) => {
    const text = api.generateGoodbye({});
    ok(typeof text === "string" && text.trim() !== "", `got ${show(text)}`);
    ok(!/[{}]/.test(text), `a placeholder was left: ${show(text)}`);
  }],

  ["generateGoodbye() and generateGoodbye(undefined) mean the defaults", (api) => {
    // Every text the explicit defaults can give now (2000 draws cover every
    // template); taken before and after, in case a minute turns in between.
    const reachable = () =>
      withGenerator(() => new api.Generator({}), (g) => new Set(g.generateBatch(2000).map(({ text }) => text)));
    const before = reachable();
    const texts = new Set();
    for (let i = 0; i < 30; i++) texts.add(api.generateGoodbye()).add(api.generateGoodbye(undefined));
    const after = reachable();
    for (const text of texts) ok(before.has(text) || after.has(text), `not what the defaults give: ${show(text)}`);
    ok(texts.size > 5, `unseeded calls without options gave only ${texts.size} texts`);
  }],

  ["options default to en-GB, emoji on, Europe/London, no template args", (api) => {
    for (const seed of [1n, 2n, 3n, 99n]) {
      const expected = api.generateGoodbye({ seed, now: NOW });
      for (const extra of [
        { languageCode: "en-GB" },
        { useEmojis: true },
        { timezone: "Europe/London" },
        { templateArgs: {} },
        { templateArgs: undefined },
        { templateArgs: { name: undefined, location: undefined, date: undefined, time: undefined } },
        { languageCode: undefined, useEmojis: undefined, timezone: undefined },
        { languageCode: "en-GB", useEmojis: true, timezone: "Europe/London", templateArgs: {} },
      ]) {
        eq(api.generateGoodbye({ seed, now: NOW, ...extra }), expected, `seed ${seed} with ${show(extra)}`);
      }
    }
    withGenerator(() => new api.Generator(), (g) => eq(g.generate().languageCode, "en-GB", "new Generator().generate().languageCode"));
  }],

  ["the same seed and options give the same text", (api) => {
    for (const languageCode of api.supportedLanguages()) {
      for (const seed of [0n, 7n, 123456789n, 18446744073709551615n]) {
        const options = { seed, now: NOW, languageCode };
        const first = api.generateGoodbye(options);
        for (let i = 0; i < 3; i++) eq(api.generateGoodbye(options), first, `${languageCode} seed ${seed}, call ${i + 2}`);
      }
    }
  }],

  ["different seeds give different texts", (api) => {
    const templates = withGenerator(() => new api.Generator(), (g) => g.stats().get("en-GB"));
    const texts = new Set();
    for (let seed = 0n; seed < 50n; seed++) texts.add(api.generateGoodbye({ seed, now: NOW }));
    ok(texts.size >= Math.min(5, templates), `50 seeds gave only ${texts.size} distinct texts of ${templates} en-GB templates`);
  }],

  ["without a seed each call draws fresh randomness", (api) => {
    const texts = new Set();
    for (let i = 0; i < 40; i++) texts.add(api.generateGoodbye({ now: NOW }));
    ok(texts.size > 1, "40 unseeded calls gave one text");
    const a = withGenerator(() => new api.Generator({ now: NOW }), (g) => g.generateBatch(20).map((x) => x.text).join("\n"));
    const b = withGenerator(() => new api.Generator({ now: NOW }), (g) => g.generateBatch(20).map((x) => x.text).join("\n"));
    ok(a !== b, "two unseeded generators gave the same 20 goodbyes");
  }],

  ["seed is a u64 bigint: other values throw TypeError or RangeError", (api) => {
    rejectsValue(() => api.generateGoodbye({ seed: 7 }), TypeError, "seed", "seed: 7 (a number)");
    rejectsValue(() => api.generateGoodbye({ seed: "7" }), TypeError, "seed", "seed: \"7\"");
    rejectsValue(() => api.generateGoodbye({ seed: -1n }), RangeError, "seed", "seed: -1n");
    rejectsValue(() => api.generateGoodbye({ seed: 2n ** 64n }), RangeError, "seed", "seed: 2n ** 64n");
    rejectsValue(() => new api.Generator({ seed: 1.5 }), TypeError, "seed", "new Generator({ seed: 1.5 })");
    for (const seed of [0n, 2n ** 64n - 1n, 2n ** 63n, 2n ** 32n]) {
      ok(typeof api.generateGoodbye({ seed, now: NOW }) === "string", `seed ${seed}n`);
    }
  }],

  ["wrong option types throw TypeError naming the option", (api) => {
    rejectsValue(() => api.generateGoodbye({ now: "2026-11-23T14:05:00Z" }), TypeError, "now", "now: a string");
    rejectsValue(() => api.generateGoodbye({ now: NOW.getTime() }), TypeError, "now", "now: a number");
    rejectsValue(() => api.generateGoodbye({ languageCode: 5 }), TypeError, "languageCode", "languageCode: 5");
    rejectsValue(() => api.generateGoodbye({ useEmojis: "no" }), TypeError, "useEmojis", "useEmojis: \"no\"");
    rejectsValue(() => api.generateGoodbye({ timezone: 0 }), TypeError, "timezone", "timezone: 0");
    rejectsValue(() => api.generateGoodbye({ templateArgs: { name: 5 } }), TypeError, "name", "templateArgs.name: 5");
    rejectsValue(() => api.Generator.withCorpus(5), TypeError, "corpus", "Generator.withCorpus(5)");
  }],

  ["now is rendered in the time zone, to the minute; before 1970 is a RangeError", (api) => {
    const corpus = "[en-GB]\n{date} {time}\n";
    const cases = [
      [{ now: NOW }, "23 November 2026 14:05"],
      [{ now: new Date("2026-11-23T14:05:59.999Z") }, "23 November 2026 14:05"],
      [{ now: NOW, timezone: "Asia/Tokyo" }, "23 November 2026 23:05"],
      [{ now: new Date("2026-07-01T23:30:00Z") }, "2 July 2026 00:30"],
    ];
    for (const [options, expected] of cases) {
      const text = withGenerator(() => api.Generator.withCorpus(corpus, { seed: 1n, ...options }), (g) => g.generate().text);
      eq(text, expected, show(options));
    }
    // wasm32's SystemTime cannot go below the epoch: a clear error, not a wrong date.
    rejectsValue(
      () => api.generateGoodbye({ now: new Date("1969-07-20T20:17:40Z") }),
      RangeError,
      "now",
      "generateGoodbye({ now: 1969 })",
    );
  }],

  ["a lone surrogate is a TypeError naming the field, not a silent U+FFFD", (api) => {
    for (const [options, field] of [
      [{ timezone: "Europe/\uD800London" }, "options.timezone"],
      [{ languageCode: "\uDC00" }, "options.languageCode"],
      [{ templateArgs: { name: "Ada\uD83D" } }, "options.templateArgs.name"],
    ]) {
      rejectsValue(() => api.generateGoodbye({ seed: 1n, ...options }), TypeError, `${field} has a lone surrogate`, show(options));
    }
    // A pair is one code point, not two lone halves.
    const text = withGenerator(() => api.Generator.withCorpus("[en-GB]\n{name}\n", { seed: 1n, templateArgs: { name: "\uD83D\uDE00" } }), (g) => g.generate().text);
    eq(text, "\u{1F600}", "a surrogate pair");
  }],

  ["a now past year 9999 reads as the last instant of 9999, as natively", (api) => {
    const at = (now) => withGenerator(() => api.Generator.withCorpus("[en-GB]\n{date} {time}\n", { seed: 1n, timezone: "UTC", now }), (g) => g.generate().text);
    eq(at(new Date(8.64e15)), "30 December 9999 22:00", "year 275760");
    eq(at(new Date(253402207200999)), "30 December 9999 22:00", "the range's end");
  }],

  ["template args are rendered verbatim, Unicode intact", (api) => {
    const corpus = "[en-GB]\n{name} @ {location}: {date} {time}\n";
    const templateArgs = { name: "Zoë 👩‍🚀 ẞ \"q\" {name} \\ \u00a0", location: "東京 – Ōsaka 🇯🇵", date: "someday", time: "noon" };
    const text = withGenerator(() => api.Generator.withCorpus(corpus, { seed: 1n, templateArgs }), (g) => g.generate().text);
    eq(text, `${templateArgs.name} @ ${templateArgs.location}: someday noon`, "rendered");
    const defaults = withGenerator(() => api.Generator.withCorpus("[en-GB]\n{name} @ {location}\n", { seed: 1n }), (g) => g.generate().text);
    eq(defaults, "Good Soul @ The World", "defaults");
  }],

  ["useEmojis: false removes emoji, also from template args", (api) => {
    const text = withGenerator(
      () => api.Generator.withCorpus("[en-GB]\nBye {name}! 🎉\n", { seed: 1n, useEmojis: false, templateArgs: { name: "Ada 🎉" } }),
      (g) => g.generate().text,
    );
    eq(text, "Bye Ada!", "custom corpus");
    let withEmoji = 0;
    for (const languageCode of api.supportedLanguages()) {
      withGenerator(() => new api.Generator({ seed: 11n, now: NOW, languageCode, useEmojis: false }), (g) => {
        for (const { text } of g.generateBatch(60)) ok(!EMOJI.test(text), `${languageCode}: emoji left in ${show(text)}`);
      });
      withGenerator(() => new api.Generator({ seed: 11n, now: NOW, languageCode }), (g) => {
        withEmoji += g.generateBatch(60).filter(({ text }) => EMOJI.test(text)).length;
      });
    }
    ok(withEmoji > 0, "no built-in goodbye has an emoji with useEmojis: true");
  }],

  ["language codes are case-insensitive, _ works as -, a bare language picks its region", (api) => {
    const expected = api.generateGoodbye({ seed: 5n, now: NOW, languageCode: "en-GB" });
    for (const languageCode of ["en_gb", "EN-gb", "En_Gb"]) {
      eq(api.generateGoodbye({ seed: 5n, now: NOW, languageCode }), expected, languageCode);
    }
    withGenerator(() => new api.Generator({ seed: 5n, languageCode: "fr" }), (g) => eq(g.generate().languageCode, "fr-FR", "fr"));
    withGenerator(() => new api.Generator({ seed: 5n, languageCode: "de_de" }), (g) => eq(g.generate().languageCode, "de-DE", "de_de"));
  }],

  ["GoodbyeError.InvalidLanguageCode carries the code", (api) => {
    const e = goodbyeError(api, () => api.generateGoodbye({ languageCode: "xx" }), "InvalidLanguageCode", { code: "xx" }, "languageCode xx");
    ok(e.message.length > 2, `message too short: ${e.message}`);
    goodbyeError(api, () => new api.Generator({ languageCode: "tlh-KX" }), "InvalidLanguageCode", { code: "tlh-KX" }, "new Generator tlh-KX");
    goodbyeError(api, () => api.Generator.withCorpus("[en-AU]\nHooroo\n", { languageCode: "en-GB" }), "InvalidLanguageCode", { code: "en-GB" }, "withCorpus en-GB");
  }],

  ["GoodbyeError.InvalidTimezone carries the zone", (api) => {
    goodbyeError(api, () => api.generateGoodbye({ timezone: "Mars/Olympus_Mons" }), "InvalidTimezone", { timezone: "Mars/Olympus_Mons" }, "Mars/Olympus_Mons");
    goodbyeError(api, () => api.generateGoodbye({ timezone: "+05:00" }), "InvalidTimezone", { timezone: "+05:00" }, "+05:00");
    goodbyeError(api, () => new api.Generator({ timezone: "" }), "InvalidTimezone", { timezone: "" }, "new Generator ''");
  }],

  ["GoodbyeError.CorpusLoad carries line and content", (api) => {
    const e = goodbyeError(api, () => api.Generator.withCorpus("# c\n[en-GB]\nBye {name\n"), "CorpusLoad", { line: 3, content: "Bye {name" }, "unclosed brace");
    eq(typeof e.line, "number", "typeof line");
    goodbyeError(api, () => api.Generator.withCorpus(""), "CorpusLoad", { line: 1, content: "" }, "empty corpus");
  }],

  ["GoodbyeError.TemplateVariable carries variable and templateId", (api) => {
    goodbyeError(
      api,
      () => api.Generator.withCorpus("[en-GB]\nBye {name}\nBye {nmae}\n", { seed: 1n }),
      "TemplateVariable",
      { variable: "nmae", templateId: "en-GB/002" },
      "{nmae}",
    );
  }],

  ["the module stays usable after errors", (api) => {
    for (let i = 0; i < 50; i++) {
      throws(() => api.generateGoodbye({ languageCode: "xx" }), api.GoodbyeError, "languageCode xx");
      throws(() => api.Generator.withCorpus("Bye\n"), api.GoodbyeError, "corpus without a section");
      throws(() => api.generateGoodbye({ seed: -1n }), RangeError, "seed -1n");
    }
    ok(api.generateGoodbye({ seed: 1n, now: NOW }) === api.generateGoodbye({ seed: 1n, now: NOW }), "seeded call after errors");
  }],

  ["Generator.generate() returns a plain Goodbye record", (api) => {
    withGenerator(() => new api.Generator({ seed: 42n, now: NOW, languageCode: "fr" }), (g) => {
      const goodbye = g.generate();
      deepEq(Object.keys(goodbye).sort(), ["languageCode", "templateId", "text"], "keys");
      eq(Object.getPrototypeOf(goodbye), Object.prototype, "prototype");
      ok(typeof goodbye.text === "string" && goodbye.text !== "", `text ${show(goodbye.text)}`);
      eq(goodbye.languageCode, "fr-FR", "languageCode");
      ok(/^fr-FR\/\d{3,}$/.test(goodbye.templateId), `templateId ${show(goodbye.templateId)}`);
    });
  }],

  ["a seeded Generator starts with generateGoodbye's text and is deterministic", (api) => {
    for (const seed of [1n, 2026n, 42n]) {
      const options = { seed, now: NOW, languageCode: "de-DE", templateArgs: { name: "Ada" } };
      const oneShot = api.generateGoodbye(options);
      const batch = withGenerator(() => new api.Generator(options), (g) => g.generateBatch(10).map((x) => x.text));
      eq(batch[0], oneShot, `seed ${seed}: first of the batch`);
      const singles = withGenerator(() => new api.Generator(options), (g) => Array.from({ length: 10 }, () => g.generate().text));
      deepEq(singles, batch, `seed ${seed}: 10 x generate() vs generateBatch(10)`);
      const mixed = withGenerator(() => new api.Generator(options), (g) => [g.generate().text, ...g.generateBatch(4).map((x) => x.text), ...g.generateBatch(5).map((x) => x.text)]);
      deepEq(mixed, batch, `seed ${seed}: generate + batch(4) + batch(5)`);
    }
  }],

  ["generators are independent", (api) => {
    const a = new api.Generator({ seed: 9n, now: NOW });
    const b = new api.Generator({ seed: 9n, now: NOW });
    try {
      for (let i = 0; i < 10; i++) eq(a.generate().text, b.generate().text, `interleaved call ${i}`);
    } finally {
      a.free();
      b.free();
    }
  }],

  ["generateBatch(count) returns count goodbyes; count is a u32", (api) => {
    withGenerator(() => new api.Generator({ seed: 3n, now: NOW }), (g) => {
      for (const count of [0, 1, 7, 1000]) {
        const batch = g.generateBatch(count);
        ok(Array.isArray(batch), `generateBatch(${count}) is not an array`);
        eq(batch.length, count, `generateBatch(${count}).length`);
        ok(batch.every((x) => typeof x.text === "string" && x.languageCode === "en-GB"), `generateBatch(${count}) items`);
      }
      rejectsValue(() => g.generateBatch(-1), RangeError, "count", "generateBatch(-1)");
      rejectsValue(() => g.generateBatch(1.5), RangeError, "count", "generateBatch(1.5)");
      rejectsValue(() => g.generateBatch(2 ** 32), RangeError, "count", "generateBatch(2 ** 32)");
      rejectsValue(() => g.generateBatch("3"), TypeError, "count", "generateBatch(\"3\")");
    });
  }],

  ["languages() and stats() describe the built-in corpus", (api) => {
    withGenerator(() => new api.Generator(), (g) => {
      const languages = g.languages();
      ok(Array.isArray(languages), "languages() is not an array");
      deepEq([...languages].sort(), api.supportedLanguages(), "languages() sorted vs supportedLanguages()");
      const stats = g.stats();
      ok(stats instanceof Map, `stats() is not a Map: ${show(stats)}`);
      deepEq([...stats.keys()].sort(), api.supportedLanguages(), "stats() keys");
      for (const [code, count] of stats) ok(Number.isInteger(count) && count > 0, `stats ${code}: ${show(count)}`);
    });
  }],

  ["a custom corpus: languages in corpus order, stats, section defaults", (api) => {
    const corpus = "# mine\n[en-AU]\n@name = Mate\nHooroo {name}!\nSee ya, {name}.\n\n[en_gb]\nCheerio {name} from {location}!\n";
    withGenerator(() => api.Generator.withCorpus(corpus), (g) => {
      deepEq(g.languages(), ["en-AU", "en-GB"], "languages()");
      deepEq(new Map([...g.stats()].sort()), new Map([["en-AU", 2], ["en-GB", 1]]), "stats()");
      const goodbye = g.generate();
      eq(goodbye.languageCode, "en-GB", "the default language");
      eq(goodbye.text, "Cheerio Good Soul from The World!", "en-GB text");
      eq(goodbye.templateId, "en-GB/001", "templateId");
    });
    withGenerator(() => api.Generator.withCorpus(corpus, { seed: 5n, languageCode: "en" }), (g) => {
      const texts = new Set(g.generateBatch(20).map((x) => x.text));
      deepEq([...texts].sort(), ["Hooroo Mate!", "See ya, Mate."], "a bare code picks the first en section");
    });
  }],

  ["[Symbol.dispose]() frees a Generator; later calls throw DisposedError", (api) => {
    const g = new api.Generator({ seed: 1n });
    g.generate();
    dispose(g);
    for (const [method, call] of [
      ["generate", () => g.generate()],
      ["generateBatch", () => g.generateBatch(2)],
      ["languages", () => g.languages()],
      ["stats", () => g.stats()],
    ]) {
      throws(call, api.DisposedError, `${method}() after [Symbol.dispose]()`);
    }
  }],

  ["free() frees a Generator; later calls throw DisposedError", (api) => {
    const g = api.Generator.withCorpus("[en-GB]\nBye\n");
    eq(typeof g.free, "function", "typeof free");
    g.free();
    throws(() => g.generate(), api.DisposedError, "generate() after free()");
    throws(() => g.stats(), api.DisposedError, "stats() after free()");
  }],

  ["disposing twice, or by both free() and [Symbol.dispose](), is harmless", (api) => {
    const a = new api.Generator();
    dispose(a);
    dispose(a);
    a.free();
    const b = new api.Generator();
    b.free();
    b.free();
    dispose(b);
    throws(() => b.generate(), api.DisposedError, "generate() after disposing thrice");
  }],

  ["disposing one Generator leaves the others working", (api) => {
    const keep = new api.Generator({ seed: 8n, now: NOW });
    const reference = withGenerator(() => new api.Generator({ seed: 8n, now: NOW }), (g) => g.generateBatch(3).map((x) => x.text));
    try {
      const gone = new api.Generator({ seed: 8n, now: NOW });
      gone.generate();
      dispose(gone);
      deepEq(keep.generateBatch(3).map((x) => x.text), reference, "the kept generator");
      ok(typeof api.generateGoodbye({}) === "string", "generateGoodbye after a dispose");
    } finally {
      keep.free();
    }
  }],

  ["many Generators can be created and disposed", (api) => {
    for (let i = 0; i < 500; i++) {
      const g = i % 2 === 0 ? new api.Generator({ seed: BigInt(i) }) : api.Generator.withCorpus("[en-GB]\nBye {name}\n", { templateArgs: { name: `n${i}` } });
      const text = g.generate().text;
      if (i % 2 === 1) eq(text, `Bye n${i}`, `generator ${i}`);
      if (i % 3 === 0) g.free();
      else dispose(g);
    }
  }],
];

/**
 * Runs every check.
 * @returns `{ passed, failed: [{ file, id, reason }] }` (file is "api-checks", id the check's name)
 */
export function apiChecks(api) {
  let passed = 0;
  const failed = [];
  for (const [name, fn] of checks) {
    try {
      fn(api);
      passed++;
    } catch (e) {
      failed.push({ file: "api-checks", id: name, reason: e instanceof CheckFailure ? e.message : `threw ${describe(e)}` });
    }
  }
  return { passed, failed };
}

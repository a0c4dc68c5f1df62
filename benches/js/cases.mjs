// The calls timed in Node and in workerd: each case is what a user writes
// with the package (`facade`) and with the hand-written wasm-bindgen baseline
// (benches/wasm-baseline: flat arguments in the core's order), plus the
// package's own glue export called directly (`glue`).

export const NAME = "Ada";
export const LOCATION = "Lisbon";
export const DATE = "23 November 2026";
export const TIME = "14:05";
/** A fixed clock for the clock-using case (seed 18 picks an en-GB template with {date} and {time}). */
export const NOW = new Date("2026-11-23T14:05:00Z");
const NOW_MS = NOW.getTime();
const GENERATOR_SEED = 7n;
const keepAlive = [];

/**
 * `{ case: { facade, glue, baseline } }` of closures, options built in the call
 * as users do. `glue` is the package's own wasm-bindgen glue module (its
 * `_bg.js`, the one the facade calls): its exports called directly with the
 * flat arguments the facade would pass, i.e. the facade minus its TypeScript
 * layer (argument checks, defaults, decoding returned records).
 */
export function cases(sdk, base, glue) {
  const g = new sdk.Generator({ seed: GENERATOR_SEED });
  const gg = new sdk.Generator({ seed: GENERATOR_SEED });
  // The raw handle is used below; without a reference the object would be
  // collected and its FinalizationRegistry would free the handle under us.
  keepAlive.push(gg);
  const bg = new base.Generator("en-GB", undefined, undefined, undefined, undefined, true, "Europe/London", GENERATOR_SEED, undefined);
  const handle = gg.$handle();
  return {
    "generateGoodbye/all_variables": {
      facade: () => sdk.generateGoodbye({ templateArgs: { name: NAME, location: LOCATION, date: DATE, time: TIME } }),
      glue: () => glue.fn_generate_goodbye(true, "en-GB", true, NAME, LOCATION, DATE, TIME, true, "Europe/London", undefined, undefined),
      baseline: () => base.generateGoodbye("en-GB", NAME, LOCATION, DATE, TIME, true, "Europe/London", undefined, undefined),
    },
    "generateGoodbye/clock": {
      facade: () => sdk.generateGoodbye({ templateArgs: { name: NAME, location: LOCATION }, timezone: "Europe/Lisbon", seed: 18n, now: NOW }),
      glue: () => glue.fn_generate_goodbye(true, "en-GB", true, NAME, LOCATION, undefined, undefined, true, "Europe/Lisbon", 18n, NOW_MS),
      baseline: () => base.generateGoodbye("en-GB", NAME, LOCATION, undefined, undefined, true, "Europe/Lisbon", 18n, NOW_MS),
    },
    "Generator.generate": {
      facade: () => g.generate().text,
      // The record's bytes, not decoded.
      glue: () => glue.method_9Generator_generate(handle),
      baseline: () => bg.generate(),
    },
    // No options: the facade passes one absent flag, the baseline its defaults.
    "generateGoodbye/no_options": {
      facade: () => sdk.generateGoodbye(),
      glue: () => glue.fn_generate_goodbye(false, "", false, undefined, undefined, undefined, undefined, false, "", undefined, undefined),
      baseline: () => base.generateGoodbye("en-GB", undefined, undefined, undefined, undefined, true, "Europe/London", undefined, undefined),
    },
    // The text alone, as the baseline's generate() returns it.
    "Generator.generateText": {
      facade: () => g.generateText(),
      glue: () => glue.method_9Generator_generate_text(handle),
      baseline: () => bg.generate(),
    },
    version: {
      facade: () => sdk.version(),
      glue: () => glue.fn_version(),
      baseline: () => base.version(),
    },
  };
}

/** Throws unless all sides render the same text for the same seeded options (same core, same data). */
export function checkSameCore(sdk, base, glue) {
  const fail = (what, a, b) => {
    throw new Error(`the package and the baseline disagree on ${what}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  };
  for (let seed = 0n; seed < 20n; seed++) {
    const a = sdk.generateGoodbye({ templateArgs: { name: NAME, location: LOCATION, date: DATE, time: TIME }, seed });
    const b = base.generateGoodbye("en-GB", NAME, LOCATION, DATE, TIME, true, "Europe/London", seed, undefined);
    if (a !== b) fail(`seed ${seed}`, a, b);
  }
  const clock = (now) => sdk.generateGoodbye({ templateArgs: { name: NAME, location: LOCATION }, timezone: "Europe/Lisbon", seed: 18n, now });
  const a = clock(NOW);
  const b = base.generateGoodbye("en-GB", NAME, LOCATION, undefined, undefined, true, "Europe/Lisbon", 18n, NOW_MS);
  if (a !== b) fail("the clock case", a, b);
  if (a === clock(new Date(NOW_MS + 40 * 86_400_000))) throw new Error(`the clock case does not read the clock: ${a}`);
  const g = new sdk.Generator({ seed: GENERATOR_SEED });
  const bg = new base.Generator("en-GB", undefined, undefined, undefined, undefined, true, "Europe/London", GENERATOR_SEED, undefined);
  for (let i = 0; i < 20; i++) {
    const [x, y] = [g.generate().text, bg.generate()];
    if (x !== y) fail(`Generator.generate #${i}`, x, y);
  }
  const [gt, bt] = [new sdk.Generator({ seed: GENERATOR_SEED }), new base.Generator("en-GB", undefined, undefined, undefined, undefined, true, "Europe/London", GENERATOR_SEED, undefined)];
  for (let i = 0; i < 20; i++) {
    const [x, y] = [gt.generateText(), bt.generate()];
    if (x !== y) fail(`Generator.generateText #${i}`, x, y);
  }
  if (sdk.version() !== base.version()) fail("version()", sdk.version(), base.version());
  const direct = glue.fn_generate_goodbye(true, "en-GB", true, NAME, LOCATION, undefined, undefined, true, "Europe/Lisbon", 18n, NOW_MS);
  if (direct !== a) fail("the glue export called directly", direct, a);
}

/**
 * What the core's wasm32 build asks the host for on its first call
 * (crates/joyous-departures/src/platform.rs): an en-US Intl.DateTimeFormat
 * for the zone, used once; for timing that alone in a cold process.
 */
export function firstDateTimeFormat(timeZone = "Europe/London") {
  const options = { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" };
  return new Intl.DateTimeFormat("en-US", options).format(NOW);
}

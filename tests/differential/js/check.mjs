// The differential cases (target/differential/cases.json, written by
// xtask/src/differential) against the joyous-departures package. Pure ESM
// without Node APIs: the same file runs in Node and in workerd.
//
// Each case must give the native text or the native GoodbyeError variant
// (with the offending value). What JavaScript cannot hand the binding must
// fail with an Error naming the field:
// - a string with a lone surrogate: TypeError `options.<field> has a lone surrogate`;
// - a `now` before 1970 (the wasm build cannot carry it): RangeError naming `options.now`;
// - a `now` past a Date's ±8.64e15 ms (an invalid Date): RangeError naming `options.now`.
// A different text whose only difference is {date}/{time}, where the host's
// Intl puts the zone at another wall-clock time than tzdata, is a zone-data
// difference: reported, not failed here (known-zone-differences.json decides).

const DATE_MAX = 8.64e15;
const ERROR_FIELD = { InvalidLanguageCode: ["code", "languageCode"], InvalidTimezone: ["timezone", "timezone"] };
const ARG_KEYS = { name: "name", location: "location", date: "date", time: "time" };

const text = (value) => (value !== null && typeof value === "object" ? value.repeat.repeat(value.times) : value);

export function short(value, limit = 200) {
  const s = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
  if (s === undefined) return String(value);
  return s.length <= limit ? s : `${s.slice(0, limit)}... (${typeof value === "string" ? `${value.length} UTF-16 units` : "truncated"})`;
}

const camel = { language_code: "languageCode", timezone: "timezone" };

/** `{ options, field }`: the case's TypeScript options, and the poisoned field's TypeScript path. */
function toOptions(c) {
  const o = c.options;
  const options = { languageCode: text(o.language_code), useEmojis: o.use_emojis, timezone: text(o.timezone) };
  if (o.template_args !== null) {
    options.templateArgs = {};
    for (const [k, v] of Object.entries(o.template_args)) if (v !== null) options.templateArgs[ARG_KEYS[k]] = text(v);
  }
  if (o.seed !== null) options.seed = BigInt(o.seed);
  if (o.now_ms !== null) options.now = new Date(Number(o.now_ms));
  let field = null;
  if (c.poison !== null) {
    const path = c.poison.field.split(".");
    const holder = path.length === 1 ? options : options.templateArgs;
    const key = path.length === 1 ? camel[path[0]] : ARG_KEYS[path[1]];
    const value = holder[key] ?? "";
    const at = Math.min(c.poison.at, value.length);
    // A lone surrogate between two whole code points: `at` never splits a pair here.
    const safeAt = at > 0 && /[\uD800-\uDBFF]/.test(value[at - 1]) ? at + 1 : at;
    holder[key] = value.slice(0, safeAt) + String.fromCharCode(c.poison.unit) + value.slice(safeAt);
    field = path.length === 1 ? `options.${key}` : `options.templateArgs.${key}`;
  }
  return { options, field };
}

/** The host's wall clock for <zone> at <ms>, as the wasm build reads it ("YYYY-MM-DDTHH:MM"), or null. */
export function hostLocal(zone, ms) {
  try {
    const f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric",
    });
    const p = Object.fromEntries(f.formatToParts(ms).map((part) => [part.type, part.value]));
    const pad = (v, n = 2) => String(v).padStart(n, "0");
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
  } catch {
    return null;
  }
}

/**
 * Runs one case.
 * @returns `{ kind, reason?, zone? }`: kind is text, error, unseeded, lone surrogate,
 *   pre-1970 now, invalid Date, zone data (with `zone`), or bad (with `reason`)
 */
export function checkCase(api, c) {
  const { options, field } = toOptions(c);
  const expect = c.expect;
  const nowMs = c.options.now_ms === null ? null : Number(c.options.now_ms);
  let result;
  try {
    result = api.generateGoodbye(options);
  } catch (e) {
    const shown = e instanceof Error ? `${e.name}: ${short(e.message)}` : `a non-Error: ${short(String(e))}`;
    if (field !== null) {
      if (e instanceof TypeError && e.message.startsWith(`${field} has a lone surrogate`)) return { kind: "lone surrogate" };
      return { kind: "bad", reason: `${shown}; expected a TypeError naming ${field} for its lone surrogate` };
    }
    if (nowMs !== null && (nowMs < 0 || Math.abs(nowMs) > DATE_MAX)) {
      const invalid = Math.abs(nowMs) > DATE_MAX;
      const wanted = invalid ? "options.now is an invalid Date" : "options.now is before 1970-01-01";
      if (e instanceof RangeError && e.message.startsWith(wanted)) return { kind: invalid ? "invalid Date" : "pre-1970 now" };
      return { kind: "bad", reason: `${shown}; expected a RangeError starting "${wanted}"` };
    }
    if (!(e instanceof api.GoodbyeError)) return { kind: "bad", reason: `${shown} instead of a GoodbyeError` };
    const variant = e.tag;
    if (expect.error !== variant) return { kind: "bad", reason: `${shown}; native gave ${short(expect)}` };
    const [attr, option] = ERROR_FIELD[variant];
    if (e[attr] !== options[option]) return { kind: "bad", reason: `${variant}.${attr} is ${short(e[attr])}, not the input ${short(options[option])}` };
    if (!(e instanceof api.GoodbyeError[variant]) || typeof e.message !== "string" || e.message.trim() === "") {
      return { kind: "bad", reason: `${shown}: not an instance of GoodbyeError.${variant} with a message` };
    }
    return { kind: "error" };
  }
  if (field !== null) return { kind: "bad", reason: `returned ${short(result)} for a lone surrogate in ${field}` };
  if (nowMs !== null && (nowMs < 0 || Math.abs(nowMs) > DATE_MAX)) return { kind: "bad", reason: `returned ${short(result)} for a now of ${nowMs} ms` };
  if ("error" in expect) return { kind: "bad", reason: `returned ${short(result)}; native gave GoodbyeError.${expect.error}` };
  if (expect.unseeded) return typeof result === "string" && result !== "" ? { kind: "unseeded" } : { kind: "bad", reason: "no text" };
  if (result === expect.text) return { kind: "text" };
  // Tell zone data apart: the host reads another wall clock, and with the
  // native {date}/{time} given as arguments the texts are the same.
  const clock = expect.clock;
  if (clock) {
    const zone = options.timezone;
    const host = hostLocal(zone, Math.min(Math.max(nowMs, -377_705_023_201_000), 253_402_207_200_999));
    const args = { ...(options.templateArgs ?? {}) };
    args.date ??= clock.date;
    args.time ??= clock.time;
    let pinned;
    try {
      pinned = api.generateGoodbye({ ...options, templateArgs: args });
    } catch {}
    if (host !== null && host !== clock.local && pinned === expect.text) {
      return { kind: "zone data", zone: { zone, instant: new Date(nowMs).toISOString(), native: clock.local, host } };
    }
  }
  return { kind: "bad", reason: `text ${short(result)}, native ${short(expect.text)}` };
}

/** Runs every case: `{ counts, failures: [{ index, reason, input }], zones: [...] }`. */
export function runCases(api, data) {
  const counts = {};
  const failures = [];
  const zones = [];
  for (const c of data.cases) {
    let outcome;
    try {
      outcome = checkCase(api, c);
    } catch (e) {
      outcome = { kind: "bad", reason: `the runner failed: ${e instanceof Error ? `${e.name}: ${e.message}` : e}` };
    }
    counts[outcome.kind] = (counts[outcome.kind] ?? 0) + 1;
    if (outcome.kind === "bad") {
      const input = Object.fromEntries(Object.entries(c.options).map(([k, v]) => [k, short(v, 120)]));
      failures.push({ index: c.index, reason: outcome.reason, input, poison: c.poison });
    }
    if (outcome.zone) zones.push({ index: c.index, ...outcome.zone });
  }
  return { counts, failures, zones };
}

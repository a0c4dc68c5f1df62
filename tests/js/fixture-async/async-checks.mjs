// Checks of the `fixture-async` package (crates/fixture-async: async
// functions, methods and constructors, callback interfaces and foreign
// traits). Pure ESM without Node APIs: the same checks run in Node
// (async.test.mjs), in workerd during a request (worker.mjs) and in Chromium.
//
// Each check is `[name, async fn(api, env)]` and throws on failure. `api` is
// the package namespace; `env.fetchText(path)` does real I/O of the
// runtime (Node: a local server; workerd: a service binding; Chromium: the
// page's server), used inside a JS callback.

class CheckFailure extends Error {
  name = "CheckFailure";
}

function ok(condition, message) {
  if (!condition) throw new CheckFailure(message);
}

const show = (v) => (typeof v === "bigint" ? `${v}n` : v instanceof Map ? `Map ${JSON.stringify([...v])}` : JSON.stringify(v));

function eq(actual, expected, what) {
  ok(actual === expected, `${what}: got ${show(actual)}, expected ${show(expected)}`);
}

function deepEq(actual, expected, what) {
  ok(show(actual) === show(expected), `${what}: got ${show(actual)}, expected ${show(expected)}`);
}

/** The error `promise` rejects with (fails if it resolves). */
async function rejection(promise, what) {
  try {
    const value = await promise;
    throw new CheckFailure(`${what}: resolved with ${show(value)} instead of rejecting`);
  } catch (e) {
    if (e instanceof CheckFailure) throw e;
    return e;
  }
}

/** The error `fn` throws (fails if it returns). */
function thrownBy(fn, what) {
  try {
    const value = fn();
    throw new CheckFailure(`${what}: returned ${show(value)} instead of throwing`);
  } catch (e) {
    if (e instanceof CheckFailure) throw e;
    return e;
  }
}

/** A `Store` implemented in JavaScript, over a Map. */
class JsStore {
  constructor(entries = []) {
    this.map = new Map(entries);
    this.calls = [];
  }
  get(key) {
    this.calls.push(`get ${key}`);
    return this.map.get(key);
  }
  put(key, value) {
    this.calls.push(`put ${key}`);
    this.map.set(key, value);
  }
  async fetch(key) {
    this.calls.push(`fetch ${key}`);
    await null;
    const value = this.map.get(key);
    if (value === undefined) throw new this.api.FixtureError.NotFound({ key });
    return value;
  }
  async size() {
    return this.map.size;
  }
}

function jsStore(api, entries) {
  const store = new JsStore(entries);
  store.api = api;
  return store;
}

export const checks = [
  ["async functions return numbers, bigints and strings", async (api) => {
    eq(await api.asyncDouble(21), 42, "asyncDouble(21)");
    eq(await api.asyncNextU64(18446744073709551615n), 0n, "asyncNextU64(max) wraps");
    eq(await api.asyncReverse("héllo"), "olléh", "asyncReverse");
    eq(await api.echoAfter("udl", 5), "udl", "echoAfter (UDL [Async], 5 yields)");
  }],
  ["async functions return records, enums, sequences, maps, optionals and nothing", async (api) => {
    deepEq(await api.asyncPoint(1.5, -2), { x: 1.5, y: -2 }, "asyncPoint");
    deepEq(await api.asyncShape(2), { tag: "Circle", radius: 2 }, "asyncShape(2)");
    deepEq(await api.asyncShape(0), { tag: "Nothing" }, "asyncShape(0)");
    deepEq(await api.asyncRange(4), [0, 1, 2, 3], "asyncRange(4)");
    const lengths = await api.asyncLengths(["a", "bcd"]);
    ok(lengths instanceof Map, "asyncLengths returns a Map");
    eq(lengths.get("bcd"), 3, "asyncLengths bcd");
    eq(await api.asyncUpper("shout"), "SHOUT", "asyncUpper(string)");
    eq(await api.asyncUpper(undefined), undefined, "asyncUpper(undefined)");
    eq(await api.asyncNothing(), undefined, "asyncNothing");
    const account = await api.asyncAccount("bo");
    ok(account instanceof api.Account, "asyncAccount returns an Account");
    eq(account.owner(), "bo", "its owner");
    account.free();
  }],
  ["many futures run at once and each gets its own result", async (api) => {
    const results = await Promise.all([...Array(50).keys()].map((i) => api.asyncDouble(i)));
    deepEq(results, [...Array(50).keys()].map((i) => i * 2), "50 concurrent asyncDouble");
  }],
  ["async constructors (proc-macro and UDL) and async methods", async (api) => {
    const account = await api.Account.open("ada");
    ok(account instanceof api.Account, "Account.open gives an Account");
    eq(account.owner(), "ada", "owner()");
    eq(await account.deposit(10n), 10n, "deposit(10n)");
    eq(await account.withdraw(4n), 6n, "withdraw(4n)");
    const e = await rejection(account.withdraw(100n), "withdraw(100n)");
    ok(e instanceof api.FixtureError.BadInput, `withdraw(100n) rejects with FixtureError.BadInput, got ${e}`);
    eq(e.reason, "balance 6 is less than 100", "its reason");
    account.free();
    const ticker = await api.Ticker.startingAt(7);
    eq(await ticker.tick(), 7, "tick 1");
    eq(await ticker.tick(), 8, "tick 2");
  }],
  ["a typed error rejects with its Error class", async (api) => {
    const e = await rejection(api.asyncFail("no"), "asyncFail");
    ok(e instanceof api.FixtureError, "instanceof FixtureError");
    ok(e instanceof api.FixtureError.BadInput, "instanceof FixtureError.BadInput");
    ok(e instanceof Error, "instanceof Error");
    eq(e.reason, "no", "reason");
    ok(e.message.length > 0, "a message");
  }],
  ["a bad argument rejects with a TypeError naming it", async (api) => {
    const e = await rejection(api.asyncDouble("x"), "asyncDouble('x')");
    ok(e instanceof TypeError && e.message.includes("value"), `a TypeError naming value, got ${e}`);
  }],
  ["an already-aborted signal rejects at once with AbortError", async (api) => {
    const controller = new AbortController();
    controller.abort();
    const e = await rejection(api.asyncDouble(1, { signal: controller.signal }), "aborted asyncDouble");
    eq(e.name, "AbortError", "name");
    ok(e instanceof Error, "an Error");
  }],
  ["aborting cancels a future that never ends", async (api) => {
    const controller = new AbortController();
    const pending = api.asyncForever({ signal: controller.signal });
    await null;
    controller.abort(new Error("enough"));
    const e = await rejection(pending, "asyncForever aborted");
    eq(e.name, "AbortError", "name");
    ok(e.message.includes("enough"), `the message carries the reason: ${e.message}`);
    eq(await api.asyncDouble(2), 4, "later calls work");
  }],
  ["a panic in a future rejects with PanicError, others in flight too, and the module recovers", async (api) => {
    const controller = new AbortController();
    const bystander = rejection(api.asyncForever({ signal: controller.signal }), "future in flight during the panic");
    const e = await rejection(api.asyncPanic("boom"), "asyncPanic");
    eq(e.name, "PanicError", "name");
    ok(e.message.includes("boom"), `the panic message: ${e.message}`);
    const lost = await bystander;
    eq(lost.name, "PanicError", "the future in flight rejects too");
    eq(await api.asyncDouble(5), 10, "a later call works");
  }],
  ["a callback interface from UDL is called with each line", async (api) => {
    const lines = [];
    eq(api.logLines({ log: (line) => lines.push(line) }, "line", 3), 3, "logLines count");
    deepEq(lines, ["line 0", "line 1", "line 2"], "logged lines");
  }],
  ["a proc-macro callback interface: results, a declared error, anything else, re-entrancy", async (api) => {
    deepEq(api.visitAll([1, 2], { visit: (v) => v + 100 }), [101, 102], "visitAll");
    deepEq(api.visitAll([1, 2], { visit: (v) => api.triple(v) }), [3, 6], "a callback that calls back into Rust");
    const declared = thrownBy(
      () => api.visitAll([1, 2], { visit: (v) => { if (v === 2) throw new api.FixtureError.BadInput({ reason: "two" }); return v; } }),
      "visitAll with a throwing visitor",
    );
    ok(declared instanceof api.FixtureError.BadInput, `the declared error comes back as itself, got ${declared}`);
    eq(declared.reason, "two", "its reason");
    const other = thrownBy(() => api.visitAll([1], { visit: () => { throw new RangeError("out of range"); } }), "visitor throwing RangeError");
    ok(other instanceof api.FixtureError.Unexpected, `anything else is the unexpected-callback error, got ${other}`);
    ok(other.message.includes("RangeError") && other.message.includes("out of range"), `with the JS error's name and message: ${other.message}`);
    const wrongType = thrownBy(() => api.visitAll([1], { visit: () => "nope" }), "visitor returning a string");
    ok(wrongType instanceof api.FixtureError.Unexpected && wrongType.message.includes("Visitor.visit"), `a wrong return type names the method: ${wrongType.message}`);
    eq(api.triple(3), 9, "the module is usable afterwards");
  }],
  ["a value that does not implement the interface is a TypeError naming the method", async (api) => {
    const e = thrownBy(() => api.visitAll([1], {}), "visitAll({})");
    ok(e instanceof TypeError && e.message.includes("visit"), `TypeError naming visit(): ${e}`);
  }],
  ["a foreign trait: JS implementation called sync and async from Rust", async (api) => {
    const store = jsStore(api, [["a", "1"]]);
    eq(api.storeGet(store, "a"), "1", "storeGet");
    eq(api.storeGet(store, "zz"), undefined, "storeGet missing");
    api.storePut(store, "b", "2");
    eq(store.map.get("b"), "2", "storePut reached the JS object");
    eq(await api.storeFetch(store, "b"), "b=2", "Rust awaits the JS async method");
    eq(await api.storeSize(store), 2, "async method returning a number");
    const e = await rejection(api.storeFetch(store, "missing"), "storeFetch missing");
    ok(e instanceof api.FixtureError.NotFound, `the JS rejection with a declared error reaches Rust as it, got ${e}`);
    eq(e.key, "missing", "its key");
  }],
  ["a JS async method that awaits Rust futures, started while Rust polls the outer one", async (api) => {
    const store = jsStore(api);
    // The method's body starts inside Rust's poll of storeFetch, so these
    // futures' first polls nest in it; each yields once (woken during its poll).
    store.fetch = async (key) => `${key}:${await api.asyncDouble(21)}:${await api.asyncReverse("ab")}`;
    eq(await api.storeFetch(store, "n"), "n=n:42:ba", "the outer future completes after the nested ones");
    const both = await Promise.all([api.storeFetch(store, "p"), api.asyncDouble(4), api.storeFetch(store, "q")]);
    deepEq(both, ["p=p:42:ba", 8, "q=q:42:ba"], "interleaved with other futures");
  }],
  ["a JS async method that rejects with something else is the unexpected error", async (api) => {
    const store = jsStore(api);
    store.fetch = async () => { throw new TypeError("no network"); };
    const e = await rejection(api.storeFetch(store, "k"), "storeFetch");
    ok(e instanceof api.FixtureError.Unexpected, `unexpected-callback error, got ${e}`);
    ok(e.message.includes("TypeError") && e.message.includes("no network"), e.message);
    eq(await api.asyncDouble(1), 2, "the module is usable afterwards");
  }],
  ["a trait made in Rust is a class with the same methods, and can go back to Rust", async (api) => {
    const store = api.memoryStore();
    ok(store instanceof api.StoreImpl, "memoryStore() is a StoreImpl");
    store.put("k", "v");
    eq(store.get("k"), "v", "get");
    eq(await store.fetch("k"), "v", "async fetch");
    eq(await store.size(), 1, "async size");
    const e = thrownBy(() => store.put("", "x"), "put empty key");
    ok(e instanceof api.FixtureError.BadInput, `Rust error: ${e}`);
    eq(api.storeGet(store, "k"), "v", "passed back into Rust");
    eq(await api.storeFetch(store, "k"), "k=v", "awaited in Rust");
    store[Symbol.dispose]();
  }],
  ["a JS object passed through Rust comes back as itself", async (api) => {
    const store = jsStore(api);
    ok(api.sameStore(store) === store, "sameStore(js) === js");
    const rust = api.memoryStore();
    ok(api.sameStore(rust) instanceof api.StoreImpl, "sameStore(rust) is a StoreImpl");
  }],
  ["a Rust object keeps a JS implementation and calls it later", async (api) => {
    const store = jsStore(api, [["x", "42"]]);
    const cache = new api.Cache(store);
    eq(cache.lookup("x"), "42", "lookup");
    eq(await cache.fetch("x"), "42", "async fetch through the kept object");
    ok(cache.store() === store, "store() gives the same JS object back");
    deepEq(store.calls, ["get x", "fetch x"], "the calls the JS object saw");
    cache.free();
  }],
  ["a JS callback does real I/O of the runtime while Rust awaits it", async (api, env) => {
    ok(typeof env?.fetchText === "function", "the runner gives the checks a fetchText that does real I/O");
    const store = jsStore(api);
    store.fetch = async (key) => env.fetchText(`/echo/${key}`);
    eq(await api.storeFetch(store, "ping"), "ping=echo ping", "storeFetch through fetch()");
  }],
];

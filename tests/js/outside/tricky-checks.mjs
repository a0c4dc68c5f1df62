// Checks of the `tricky-names` package (tests/outside/tricky-names: an outside
// UniFFI crate made of every name collision of issue 11, item 3). Pure ESM
// without Node APIs: the same checks run in Node (tricky.test.mjs, one test()
// each) and in workerd (worker.mjs).
//
// Each check is `[name, fn]`; `fn(api)` throws on failure. `api` is the
// imported package namespace. Expected values are what the Rust functions
// compute (their docs say how), so a wrong argument, method or default shows.

// Taken before anything of the package is touched: the package exports its
// own `Error`, `Promise`, `Map`, `Set`, `Date`, `Object` and `Array`.
const JsError = globalThis.Error;
const JsPromise = globalThis.Promise;
const JsMap = globalThis.Map;
const JsDate = globalThis.Date;

class CheckFailure extends JsError {
  name = "CheckFailure";
}

function ok(condition, message) {
  if (!condition) throw new CheckFailure(message);
}

const show = (value) => {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof JsMap) return `Map ${show([...value].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
  if (value instanceof JsDate) return `Date(${value.toISOString()})`;
  if (value === undefined) return "undefined";
  if (typeof value === "function") return `function ${value.name}`;
  if (globalThis.Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (value && typeof value === "object") {
    const keys = globalThis.Object.keys(value).sort();
    return `{${keys.map((k) => `${k}: ${show(value[k])}`).join(", ")}}`;
  }
  return JSON.stringify(value);
};

function eq(actual, expected, what) {
  ok(actual === expected, `${what}: got ${show(actual)}, expected ${show(expected)}`);
}

function deepEq(actual, expected, what) {
  ok(show(actual) === show(expected), `${what}: got ${show(actual)}, expected ${show(expected)}`);
}

function describe(e) {
  return e instanceof JsError ? `${e.name}: ${e.message}` : `non-Error ${show(e)}`;
}

/** Calls fn, which must throw an instance of Class that is also a JS Error with a name and a message; returns it. */
function throws(fn, Class, what) {
  try {
    fn();
  } catch (e) {
    ok(e instanceof Class, `${what}: expected ${Class.name}, got ${describe(e)}`);
    ok(e instanceof JsError, `${what}: the ${Class.name} is not instanceof the JS Error`);
    ok(typeof e.message === "string" && e.message.trim() !== "", `${what}: empty message`);
    ok(typeof e.name === "string" && e.name !== "", `${what}: empty name`);
    return e;
  }
  throw new CheckFailure(`${what}: expected ${Class.name}, nothing was thrown`);
}

// Thirteen private names a generator tends to use, each with its own value.
const PRIVATE = ["handle", "raw", "rt", "glue", "value", "signal", "status", "buf", "name", "r", "w", "e", "this"];
const privateArgs = (tag) => PRIVATE.map((n) => `${tag}-${n}`);
const privateJoined = (tag) => PRIVATE.map((n) => `${n}=${tag}-${n}`).join(",");

// A Reserved record: every field a JS reserved word (or `arguments`, `eval`).
const RESERVED_STRINGS = [
  "class", "function", "delete", "new", "default", "var", "void", "switch", "case", "this", "null",
  "with", "export", "import", "interface", "package", "private", "public", "static",
];
function reservedRecord() {
  const record = {};
  for (const field of RESERVED_STRINGS) record[field] = `${field}-v`;
  return { ...record, instanceof: 7, debugger: true, arguments: ["a1", "a2"], eval: "ev" };
}
const reservedJoined = (record) =>
  [
    ...RESERVED_STRINGS.map((f) => `${f}=${record[f]}`),
    `instanceof=${record.instanceof}`,
    `debugger=${record.debugger}`,
    `arguments=${record.arguments.join("+")}`,
    `eval=${record.eval ?? "-"}`,
  ].join(",");

const item = (id, label) => ({ id, label });

export const checks = [
  // --- private names as arguments -----------------------------------------
  ["private names as arguments: a UDL function gets each one", (api) => {
    eq(api.joinPrivateNames(...privateArgs("f")), privateJoined("f"), "joinPrivateNames");
  }],
  ["private names as arguments: a proc-macro function gets each one", (api) => {
    eq(api.joinExported(...privateArgs("x")), privateJoined("x"), "joinExported");
  }],
  ["private names as arguments: a UDL constructor and method get each one", (api) => {
    const joiner = new api.UdlJoiner(...privateArgs("c"));
    eq(joiner.join(...privateArgs("m")), `${privateJoined("c")}|${privateJoined("m")}`, "UdlJoiner.join");
  }],
  ["private names as arguments: a proc-macro constructor and method get each one", (api) => {
    const joiner = new api.Joiner(...privateArgs("c"));
    eq(joiner.join(...privateArgs("m")), `${privateJoined("c")}|${privateJoined("m")}`, "Joiner.join");
  }],
  ["private names as arguments: a wrong value is a TypeError naming `glue`", (api) => {
    const args = privateArgs("t");
    args[PRIVATE.indexOf("glue")] = 42;
    const e = throws(() => api.joinPrivateNames(...args), TypeError, "joinPrivateNames(glue: 42)");
    ok(e.message.includes("glue"), `the message does not name glue: ${e.message}`);
  }],

  // --- Foo.bar_baz beside FooBar.baz --------------------------------------
  ["methods Foo.barBaz and FooBar.baz each call their own", (api) => {
    eq(new api.Foo("a").barBaz(), "Foo.bar_baz(a)", "Foo.barBaz");
    eq(new api.FooBar("a").baz(), "FooBar.baz(a)", "FooBar.baz");
  }],
  ["constructors Foo.barNew and new FooBar each build their own", (api) => {
    const foo = api.Foo.barNew("x");
    ok(foo instanceof api.Foo && !(foo instanceof api.FooBar), "Foo.barNew returns a Foo");
    eq(foo.barBaz(), "Foo.bar_baz(bar:x)", "Foo.barNew(x).barBaz()");
    const fooBar = new api.FooBar("x");
    ok(fooBar instanceof api.FooBar, "new FooBar is a FooBar");
    eq(fooBar.baz(), "FooBar.baz(x)", "new FooBar(x).baz()");
  }],

  // --- records named like codecs ------------------------------------------
  ["record OptionalItem beside Option<Item>", (api) => {
    deepEq(api.itemOrDefault(undefined), item(0, "none"), "itemOrDefault(undefined)");
    deepEq(api.itemOrDefault(item(3, "c")), item(3, "c"), "itemOrDefault(item)");
    deepEq(api.maxItem([]), undefined, "maxItem([])");
    deepEq(api.maxItem([item(1, "a"), item(5, "e"), item(2, "b")]), item(5, "e"), "maxItem");
    deepEq(api.wrapOptional(item(1, "a")), { item: item(1, "a"), note: "optional" }, "wrapOptional(item)");
    deepEq(api.wrapOptional(undefined), { item: undefined, note: "optional" }, "wrapOptional(undefined)");
  }],
  ["record SequenceItem beside Vec<Item>", (api) => {
    deepEq(api.wrapSequence([item(1, "a"), item(2, "b")]), { items: [item(1, "a"), item(2, "b")], note: "sequence" }, "wrapSequence");
    deepEq(api.wrapSequence([]), { items: [], note: "sequence" }, "wrapSequence([])");
  }],
  ["record MapStringItem beside HashMap<String, Item>", (api) => {
    const index = api.indexItems([item(1, "a"), item(2, "b")]);
    ok(index instanceof JsMap, `indexItems returns a JS Map, got ${show(index)}`);
    deepEq(index, new JsMap([["a", item(1, "a")], ["b", item(2, "b")]]), "indexItems");
    eq(api.itemIds(new JsMap([["z", item(9, "z")], ["a", item(1, "a")]])), "1,9", "itemIds");
    deepEq(api.wrapMap(index), { items: index, note: "map" }, "wrapMap");
    eq(
      api.unwrapAll(api.wrapOptional(item(1, "a")), api.wrapSequence([item(1, "a"), item(2, "b")]), api.wrapMap(index)),
      "optional:1,sequence:2,map:2",
      "unwrapAll",
    );
  }],
  ["records OptionalFoo and SequenceFoo beside Option<Foo> and Vec<Foo>", (api) => {
    eq(api.fooOrNone(undefined), "no foo", "fooOrNone(undefined)");
    eq(api.fooOrNone(new api.Foo("q")), "Foo.bar_baz(q)", "fooOrNone(foo)");
    const list = api.foos(["a", "b"]);
    ok(globalThis.Array.isArray(list) && list.every((f) => f instanceof api.Foo), `foos returns Foo objects: ${show(list)}`);
    deepEq(list.map((f) => f.barBaz()), ["Foo.bar_baz(a)", "Foo.bar_baz(b)"], "foos(...).barBaz()");
    eq(api.describeFooWrappers({ note: "n" }, { count: 2 }), "n/2", "describeFooWrappers");
    deepEq(api.fooWrappers("n", 2), new JsMap([["optional", "n"], ["sequence", "2"]]), "fooWrappers");
  }],

  // --- user types named like JS globals -----------------------------------
  ["a user record named Map holds a JS Map", (api) => {
    const map = { entries: new JsMap([["a", "1"]]), label: "m" };
    const inserted = api.mapInsert(map, "b", "2");
    ok(inserted.entries instanceof JsMap, `mapInsert(...).entries is a JS Map: ${show(inserted.entries)}`);
    deepEq(inserted, { entries: new JsMap([["a", "1"], ["b", "2"]]), label: "m" }, "mapInsert");
    eq(api.mapGet(map, "a"), "1", "mapGet");
    eq(api.mapSummary({ entries: new JsMap([["k", "v"]]), label: "x" }), "x:1", "mapSummary");
    eq(api.mapSummary({ entries: new JsMap() }), "map:0", "mapSummary with the label defaulted");
  }],
  ["a user record named Date holds a JS Date", (api) => {
    const at = new JsDate("2026-11-23T00:00:00Z");
    const next = api.nextDay({ year: 2026, month: 11, day: 23, at });
    ok(next.at instanceof JsDate, `nextDay(...).at is a JS Date: ${show(next.at)}`);
    deepEq(next, { year: 2026, month: 11, day: 24, at: new JsDate("2026-11-24T00:00:00Z") }, "nextDay");
    const instant = api.dateInstant({ year: 2026, month: 11, day: 23, at });
    ok(instant instanceof JsDate, `dateInstant returns a JS Date: ${show(instant)}`);
    eq(instant.getTime(), at.getTime(), "dateInstant");
    deepEq(api.checkDate({ year: 2026, month: 1, day: 2, at }), { year: 2026, month: 1, day: 2, at }, "checkDate(valid)");
    const byName = api.datesByName([{ year: 2026, month: 1, day: 2, at }]);
    deepEq(byName, new JsMap([["2026-01-02", { year: 2026, month: 1, day: 2, at }]]), "datesByName");
    eq(api.datesByName([]), undefined, "datesByName([])");
  }],
  ["the user's Error: its own class, its variants and fields, and still instanceof the JS Error", (api) => {
    ok(typeof api.Error === "function" && api.Error !== JsError, "the package exports its own Error class");
    const e = throws(() => api.mapGet({ entries: new JsMap() }, "zz"), api.Error.NotFound, "mapGet(missing)");
    ok(e instanceof api.Error, "Error.NotFound is instanceof the user's Error");
    ok(!(e instanceof api.Error.Invalid), "Error.NotFound is not Error.Invalid");
    eq(e.tag, "NotFound", "tag");
    eq(e.name, "Error.NotFound", "name");
    eq(e.key, "zz", "key");
    const invalid = throws(() => api.checkDate({ year: 2026, month: 13, day: 1, at: new JsDate(0) }), api.Error.Invalid, "checkDate(month 13)");
    ok(invalid instanceof api.Error, "Error.Invalid is instanceof the user's Error");
    eq(invalid.reason, "month 13 is not 1 to 12", "reason");
    eq(invalid.code, 1, "code");
    // Thrown by a proc-macro function too.
    eq(api.setMember({ members: ["a"] }, 0), "a", "setMember(0)");
    const past = throws(() => api.setMember({ members: ["a"] }, 5), api.Error.NotFound, "setMember(5)");
    eq(past.key, "5", "setMember(5).key");
    // The package's other errors are still the JS Error's.
    ok(new TypeError("t") instanceof JsError, "TypeError is still the JS Error's");
  }],
  ["a user record named Set", (api) => {
    deepEq(api.setUnion({ members: ["b", "a"] }, { members: ["a", "c"] }), { members: ["a", "b", "c"] }, "setUnion");
  }],
  ["a user object named Promise, beside the JS Promise", (api) => {
    ok(api.Promise !== JsPromise, "the package exports its own Promise class");
    const p = new api.Promise("a");
    ok(p instanceof api.Promise && !(p instanceof JsPromise), "new Promise is the user's");
    eq(p.label(), "a", "label()");
    const chained = p.chain("b");
    ok(chained instanceof api.Promise, "chain returns the user's Promise");
    eq(chained.label(), "a>b", "chain(b).label()");
    eq(api.promiseLabel(p), "[a]", "promiseLabel");
    ok(JsPromise.resolve(1) instanceof JsPromise, "the JS Promise still works");
  }],
  ["flat enums named Object and Array", (api) => {
    eq(api.classify([]), "Empty", "classify([])");
    eq(api.classify(["x"]), "One", "classify([x])");
    eq(api.classify(["x", "y"]), "Many", "classify([x, y])");
    eq(api.nextObject("Plain"), "Frozen", "nextObject(Plain)");
    eq(api.nextObject("Sealed"), "Plain", "nextObject(Sealed)");
    eq(api.describeObjects(["Plain", "Frozen"], "Many"), "Plain,Frozen;Many", "describeObjects");
    const objects = api.objectsOf("Many");
    ok(globalThis.Array.isArray(objects), "objectsOf returns a JS array");
    deepEq(objects, ["Plain", "Plain", "Plain"], "objectsOf(Many)");
    deepEq(api.objectsOf("Empty"), [], "objectsOf(Empty)");
  }],

  // --- JS reserved words ---------------------------------------------------
  ["JS reserved words as record fields, named as declared, both directions", (api) => {
    const record = reservedRecord();
    eq(api.describeReserved(record), reservedJoined(record), "describeReserved");
    const bumped = api.bumpReserved(record);
    const expected = {};
    for (const field of RESERVED_STRINGS) expected[field] = `${field}-v!`;
    deepEq(bumped, { ...expected, instanceof: 8, debugger: false, arguments: ["a2", "a1"], eval: "class-v" }, "bumpReserved");
  }],
  ["a record field named `default` takes its own default", (api) => {
    const record = reservedRecord();
    delete record.default;
    ok(api.describeReserved(record).includes(",default=the default,"), `describeReserved without default: ${api.describeReserved(record)}`);
  }],
  ["JS reserved words as arguments of a function, a constructor and a method", (api) => {
    const record = reservedRecord();
    const args = [
      ...RESERVED_STRINGS.filter((f) => f !== "static").map((f) => record[f]),
      record.instanceof, record.debugger, record.arguments, record.eval,
    ];
    eq(api.joinReservedArgs(...args), reservedJoined({ ...record, static: "n/a" }), "joinReservedArgs");
    const keywords = new api.Keywords("c", "n");
    eq(keywords.call("d", "t", ["x", "y"]), "class=c,new=n|delete=d,this=t,arguments=x+y", "Keywords.call");
  }],

  // --- enum defaults in another case ---------------------------------------
  ["record defaults naming enum variants in another case (\"DEUX\", \"trois\")", (api) => {
    eq(api.describeLeveled({}), "level=Deux,other=Trois,plain=Un", "describeLeveled({})");
    eq(api.describeLeveled({ level: "Un" }), "level=Un,other=Trois,plain=Un", "describeLeveled({ level: Un })");
    deepEq(api.leveledDefaults(), { level: "Deux", other: "Trois", plain: "Un" }, "leveledDefaults");
    eq(api.nextLevel("Deux"), "Trois", "nextLevel(Deux)");
  }],
];

/**
 * Runs every check against `api`.
 * @returns `{ passed, failed: [{ id, reason }] }`
 */
export function runChecks(api) {
  let passed = 0;
  const failed = [];
  for (const [name, fn] of checks) {
    try {
      fn(api);
      passed++;
    } catch (e) {
      failed.push({ id: name, reason: e instanceof CheckFailure ? e.message : `threw ${describe(e)}` });
    }
  }
  return { passed, failed };
}

// The peer cases (benches/peers/README.md) with our generator's package for
// benches/peers/ours (`ours`) and the hand-written wasm-bindgen baseline
// (`baseline`): the same functions, called as a user of each would.
// No Node or Workers APIs here.

const NAME = "Ada";
const LOCATION = "Lisbon";
const SEED = 7n;
const BATCH = 1000;
/** A 1 KB ASCII string (the case where string passing differs most). */
const KB_TEXT = "Goodbye, and thanks for all the fish! ".repeat(27).slice(0, 1024);

/**
 * `{ case: { ours, baseline[, ubrn] } }` of closures. `ubrn`, when given, is
 * uniffi-bindgen-react-native's package for benches/peers/ubrn (the bench's
 * labelled deviation, xtask/src/bench/peers_ubrn.rs): it has the first five
 * cases only (no async function, no callback).
 */
export function peerCases(ours, base, ubrn) {
  const oursRecords = ours.generateBatch(BATCH, SEED);
  const baseRecords = base.generateBatch(BATCH, SEED);
  const ubrnRecords = ubrn?.generateBatch(BATCH, SEED);
  const oursShouter = { shout: (text) => text.toUpperCase() };
  const baseShouter = { shout: (text) => text.toUpperCase() };
  const cases = {
    version: {
      ours: () => ours.version(),
      baseline: () => base.version(),
    },
    "generate_goodbye(name, location, seed)": {
      ours: () => ours.generateGoodbye({ name: NAME, location: LOCATION, seed: SEED }),
      baseline: () => base.generateGoodbye("en-GB", NAME, LOCATION, undefined, undefined, true, "Europe/London", SEED, undefined),
    },
    "generate_batch(1000): 1,000 records out": {
      ours: () => ours.generateBatch(BATCH, SEED),
      baseline: () => base.generateBatch(BATCH, SEED),
    },
    "total_text_bytes: 1,000 records in": {
      ours: () => ours.totalTextBytes(oursRecords),
      baseline: () => base.totalTextBytes(baseRecords),
    },
    "echo: 1 KB string round trip": {
      ours: () => ours.echo(KB_TEXT),
      baseline: () => base.echo(KB_TEXT),
    },
    "callback: one JS call from Rust": {
      ours: () => ours.callShouter(oursShouter, NAME),
      baseline: () => base.callShouter(baseShouter, NAME),
    },
  };
  if (ubrn) {
    const sides = [
      () => ubrn.version(),
      // Its records take every field, absent ones as undefined.
      () => ubrn.generateGoodbye({ name: NAME, location: LOCATION, date: undefined, time: undefined, seed: SEED }),
      () => ubrn.generateBatch(BATCH, SEED),
      () => ubrn.totalTextBytes(ubrnRecords),
      () => ubrn.echo(KB_TEXT),
    ];
    Object.values(cases).forEach((c, i) => {
      if (sides[i]) c.ubrn = sides[i];
    });
  }
  return cases;
}

/**
 * The async case, timed with sequential awaits. The baseline has no
 * wasm-bindgen-futures (it is not a dependency), so its side is the sync
 * export behind an async JS function: the cost of an awaited call, no future.
 */
export function peerAsyncCases(ours, base) {
  return {
    "async: echo of a 40-char string, awaited": {
      ours: () => ours.echoAsync(KB_TEXT.slice(0, 40)),
      baseline: async () => base.echo(KB_TEXT.slice(0, 40)),
    },
  };
}

/** Throws unless both sides give the same results on every case. */
export async function checkPeersAgree(ours, base, ubrn) {
  const same = (what, a, b) => {
    const [x, y] = [JSON.stringify(a, (_, v) => (typeof v === "bigint" ? `${v}n` : v)), JSON.stringify(b, (_, v) => (typeof v === "bigint" ? `${v}n` : v))];
    if (x !== y) throw new Error(`peer case ${what}: ours gave ${x.slice(0, 200)}, the baseline ${y.slice(0, 200)}`);
  };
  const plain = (records) => records.map((r) => ({ text: r.text, languageCode: r.languageCode, templateId: r.templateId }));
  const cases = peerCases(ours, base, ubrn);
  for (const [name, { ours: o, baseline: b, ubrn: u }] of Object.entries(cases)) {
    const [x, y] = [o(), b()];
    if (Array.isArray(x)) {
      if (x.length !== BATCH) throw new Error(`peer case ${name}: ours gave ${x.length} records, not ${BATCH}`);
      same(name, plain(x), plain(y));
      if (u) same(`${name} (ubrn against ours)`, plain(u()), plain(x));
    } else {
      same(name, x, y);
      if (u) same(`${name} (ubrn against ours)`, u(), x);
    }
  }
  for (const [name, { ours: o, baseline: b }] of Object.entries(peerAsyncCases(ours, base))) {
    same(name, await o(), await b());
  }
}

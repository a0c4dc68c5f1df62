// The browser entry: `await init()` once (it fetches the .wasm from beside the
// package), then every call is synchronous.
import init, { Generator, GoodbyeError, generateGoodbye, generateGoodbyeAsync, version } from "joyous-departures";

await init();

// A fixed seed and instant give the same text in every language and runtime.
const now = new Date("2026-11-23T14:05:00Z");
const lines = [`joyous-departures ${version()}`];

lines.push(generateGoodbye({
  languageCode: "fr", // -> fr-FR
  templateArgs: { name: "Ada", location: "Lisbonne" },
  timezone: "Europe/Paris",
  useEmojis: false,
  seed: 42n,
  now,
}));

const generator = new Generator({ seed: 7n, now });
lines.push(generator.generateBatch(2).map((goodbye) => goodbye.text).join(" | "));
generator.free(); // or `using`, where the browser supports it

try {
  generateGoodbye({ languageCode: "xx" });
} catch (e) {
  if (!(e instanceof GoodbyeError.InvalidLanguageCode)) throw e;
  lines.push(`InvalidLanguageCode: ${e.code}`);
}

// A language the corpus lacks goes to your translator, whose result is
// returned as it is (a real one would call a translation service).
const translator = { translate: async (languageCode, text) => `[${languageCode}] ${text}` };
lines.push(await generateGoodbyeAsync({ languageCode: "nl-NL", seed: 42n, now }, translator));

document.getElementById("goodbye").textContent = lines.join("\n");

// joyous-departures under Bun 1: `bun install && bun main.ts`.
import { Generator, GoodbyeError, generateGoodbye, generateGoodbyeAsync, version } from "joyous-departures";
import type { Translator } from "joyous-departures";

// A fixed seed and instant give the same text in every language and runtime.
const now = new Date("2026-11-23T14:05:00Z");

console.log(`joyous-departures ${version()}`);

const text: string = generateGoodbye({
  languageCode: "fr", // -> fr-FR
  templateArgs: { name: "Ada", location: "Lisbonne" },
  timezone: "Europe/Paris",
  useEmojis: false,
  seed: 42n, // u64 is bigint
  now,
});
console.log(text);

// A Generator checks its options once and keeps its random sequence;
// `using` frees its Rust object at the end of the block.
{
  using generator = new Generator({ seed: 7n, now });
  console.log(generator.generateBatch(2).map((goodbye) => goodbye.text).join(" | "));
}

try {
  generateGoodbye({ languageCode: "xx" });
} catch (e) {
  if (!(e instanceof GoodbyeError.InvalidLanguageCode)) throw e;
  console.log(`InvalidLanguageCode: ${e.code}`);
}

// A language the corpus lacks goes to your translator, whose result is
// returned as it is (a real one would call a translation service).
const translator: Translator = { translate: async (languageCode, text) => `[${languageCode}] ${text}` };
console.log(await generateGoodbyeAsync({ languageCode: "nl-NL", seed: 42n, now }, translator));

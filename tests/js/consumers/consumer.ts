// A consumer project's use of the package's types, checked by typings.mjs
// under each moduleResolution with the default `lib` of its target (so no
// esnext.disposable) and skipLibCheck off; never run.
import { Generator, GoodbyeError, generateGoodbye, supportedLanguages, version } from "joyous-departures";
import type { Goodbye, GoodbyeOptions, TemplateArgs } from "joyous-departures";

const args: TemplateArgs = { name: "Ada", location: "Lisbon" };
const options: GoodbyeOptions = { languageCode: "fr", templateArgs: args, useEmojis: false, seed: 42n, now: new Date() };
const text: string = generateGoodbye(options);
// @ts-expect-error seed is a bigint
generateGoodbye({ seed: 42 });
// @ts-expect-error no such option
generateGoodbye({ language: "fr" });

// The `using` protocol without esnext.disposable in the consumer's lib.
{
  using generator = new Generator({ seed: 7n });
  const batch: Goodbye[] = generator.generateBatch(2);
  void batch;
}
const plain = new Generator({});
const disposable: Disposable = plain;
disposable[Symbol.dispose]();

try {
  generateGoodbye({ languageCode: "xx" });
} catch (e) {
  if (e instanceof GoodbyeError.InvalidLanguageCode) {
    const code: string = e.code;
    void code;
  }
}
const languages: string[] = supportedLanguages();
void [text, languages, version()];

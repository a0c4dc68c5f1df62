// Type-level use of the joyous-departures API as docs/typescript-mapping.md
// describes it. Checked with `tsc --noEmit` by run.mjs (.mts: an ES module whatever the project's package.json says); never run.
import init, {
  DisposedError,
  Generator,
  GoodbyeError,
  LoadError,
  NotInitializedError,
  PanicError,
  generateGoodbye,
  initSync,
  supportedLanguages,
  version,
  type Goodbye,
  type GoodbyeOptions,
  type TemplateArgs,
} from "joyous-departures";

export async function usage(bytes: Uint8Array<ArrayBuffer>, module: WebAssembly.Module): Promise<void> {
  await init();
  await init(new URL("https://example.com/x.wasm"));
  await init(new Response(bytes));
  await init(bytes);
  await init(module);
  initSync({ module });

  const args: TemplateArgs = { name: "Ada", location: "Lisbon", date: "today", time: "noon" };
  const options: GoodbyeOptions = { languageCode: "en-GB", templateArgs: args, useEmojis: false, timezone: "UTC", seed: 1n, now: new Date() };
  const text: string = generateGoodbye(options);
  generateGoodbye({});
  generateGoodbye({ templateArgs: { name: "Ada" } });
  // @ts-expect-error seed is a bigint
  generateGoodbye({ seed: 1 });
  // @ts-expect-error now is a Date
  generateGoodbye({ now: "2026-11-23T14:05:00Z" });
  // @ts-expect-error useEmojis is a boolean
  generateGoodbye({ useEmojis: "no" });
  // @ts-expect-error no such option
  generateGoodbye({ language: "en-GB" });

  const languages: string[] = supportedLanguages();
  const v: string = version();

  const generator = new Generator({ seed: 7n });
  const plain = new Generator();
  const custom = Generator.withCorpus("[en-GB]\nBye {name}\n");
  const customWithOptions = Generator.withCorpus("[en-GB]\nBye {name}\n", { seed: 1n, templateArgs: { name: "Ada" } });
  const goodbye: Goodbye = generator.generate();
  const parts: [string, string, string] = [goodbye.text, goodbye.languageCode, goodbye.templateId];
  const batch: Goodbye[] = generator.generateBatch(3);
  // @ts-expect-error count is a number
  generator.generateBatch(3n);
  const codes: string[] = generator.languages();
  const stats: Map<string, number> = generator.stats();
  generator[Symbol.dispose]();
  plain.free();
  {
    using scoped = new Generator();
    scoped.generate();
  }

  try {
    custom.generate();
  } catch (e) {
    if (e instanceof GoodbyeError.InvalidLanguageCode) {
      const code: string = e.code;
      const message: string = e.message;
      const base: GoodbyeError = e;
      const error: Error = e;
    }
    if (e instanceof GoodbyeError.InvalidTimezone) {
      const timezone: string = e.timezone;
    }
    if (e instanceof GoodbyeError.CorpusLoad) {
      const line: number = e.line;
      const content: string = e.content;
    }
    if (e instanceof GoodbyeError.TemplateVariable) {
      const variable: string = e.variable;
      const templateId: string = e.templateId;
    }
    if (e instanceof GoodbyeError) {
      const name: string = e.name;
      const tag: string = e.tag;
    }
    if (e instanceof LoadError) {
      const step: "read" | "compile" | "instantiate" | "checksum" | "init" = e.step;
      const cause: unknown = e.cause;
    }
    const others: Error[] = [new Error()].filter((x) => x instanceof PanicError || x instanceof DisposedError || x instanceof NotInitializedError);
    void others;
  }
  void [text, languages, v, customWithOptions, parts, batch, codes, stats];
}

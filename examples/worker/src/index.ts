// A Cloudflare Worker: `npx wrangler dev`, then GET /?lang=fr&name=Ada&seed=42,
// or /?lang=nl-NL&seed=42 (a language the corpus lacks: the translator's turn).
import { generateGoodbyeAsync, GoodbyeError } from "joyous-departures";
import type { Translator } from "joyous-departures";

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // Stands in for a translation service, which the translator calls with fetch.
    if (url.pathname === "/translate") {
      return new Response(`[${url.searchParams.get("to")}] ${url.searchParams.get("text")}`);
    }
    const seed = url.searchParams.get("seed");
    if (seed !== null && !/^\d{1,20}$/.test(seed)) {
      return new Response(`seed must be a whole number, not \`${seed}\``, { status: 400 });
    }
    // Called only for a language the corpus lacks, with the English text.
    const translator: Translator = {
      async translate(languageCode, text) {
        const service = new URL("/translate", url);
        service.searchParams.set("to", languageCode);
        service.searchParams.set("text", text);
        const response = await fetch(service);
        if (!response.ok) throw new Error(`the translation service answered HTTP ${response.status}`);
        return response.text();
      },
    };
    try {
      const text = await generateGoodbyeAsync(
        {
          languageCode: url.searchParams.get("lang") ?? "en-GB",
          templateArgs: { name: url.searchParams.get("name") ?? undefined },
          timezone: url.searchParams.get("tz") ?? "Europe/London",
          seed: seed === null ? undefined : BigInt(seed),
        },
        translator,
        { signal: request.signal },
      );
      return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8" } });
    } catch (e) {
      // Bad input (an unknown language or zone) is the caller's mistake: 400.
      if (e instanceof GoodbyeError) return new Response(`${e.name}: ${e.message}`, { status: 400 });
      throw e;
    }
  },
};

// A Cloudflare Worker: `npx wrangler dev`, then GET /?lang=fr&name=Ada&seed=42.
import { generateGoodbye, GoodbyeError } from "joyous-departures";

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const seed = url.searchParams.get("seed");
    if (seed !== null && !/^\d{1,20}$/.test(seed)) {
      return new Response(`seed must be a whole number, not \`${seed}\``, { status: 400 });
    }
    try {
      const text = generateGoodbye({
        languageCode: url.searchParams.get("lang") ?? "en-GB",
        templateArgs: { name: url.searchParams.get("name") ?? undefined },
        timezone: url.searchParams.get("tz") ?? "Europe/London",
        seed: seed === null ? undefined : BigInt(seed),
      });
      return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8" } });
    } catch (e) {
      // Bad input (an unknown language or zone) is the caller's mistake: 400.
      if (e instanceof GoodbyeError) return new Response(`${e.name}: ${e.message}`, { status: 400 });
      throw e;
    }
  },
};

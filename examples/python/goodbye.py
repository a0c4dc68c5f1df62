"""joyous-departures from Python: `python goodbye.py`; type-checked with `mypy --strict`."""

import asyncio
from datetime import datetime, timezone

import joyous_departures as jd

# A fixed seed and instant give the same text in every language and runtime.
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)


class Tagger(jd.Translator):
    """A translator for the languages the corpus lacks (a real one would call a service)."""

    async def translate(self, language_code: str, text: str) -> str:
        return f"[{language_code}] {text}"


def main() -> None:
    print(f"joyous-departures {jd.version()}")

    text: str = jd.generate_goodbye(
        jd.GoodbyeOptions(
            language_code="fr",  # -> fr-FR
            template_args=jd.TemplateArgs(name="Ada", location="Lisbonne"),
            timezone="Europe/Paris",
            use_emojis=False,
            seed=42,
            now=NOW,
        )
    )
    print(text)

    # A Generator checks its options once and keeps its random sequence.
    generator = jd.Generator(jd.GoodbyeOptions(seed=7, now=NOW))
    print(" | ".join(goodbye.text for goodbye in generator.generate_batch(2)))

    try:
        jd.generate_goodbye(jd.GoodbyeOptions(language_code="xx"))
    except jd.GoodbyeError as e:
        # The variant classes (jd.GoodbyeError.InvalidLanguageCode, ...) are made
        # at import, so type checkers see only GoodbyeError: ask the instance.
        print(f"{type(e).__name__}: {getattr(e, 'code')}")

    # A language the corpus lacks goes to the translator; its result is returned as it is.
    options = jd.GoodbyeOptions(language_code="nl-NL", seed=42, now=NOW)
    print(asyncio.run(jd.generate_goodbye_async(options, Tagger())))


if __name__ == "__main__":
    main()

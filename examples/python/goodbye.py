"""joyous-departures from Python: `python goodbye.py`; type-checked with `mypy --strict`."""

from datetime import datetime, timezone

import joyous_departures as jd

# A fixed seed and instant give the same text in every language and runtime.
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)


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
    except jd.GoodbyeError.InvalidLanguageCode as e:
        print(f"InvalidLanguageCode: {e.code}")


if __name__ == "__main__":
    main()

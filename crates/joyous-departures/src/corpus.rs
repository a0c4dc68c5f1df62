//! The corpus: goodbye templates per language, parsed from a small text format
//! (documented in docs/corpus-format.md) once, then rendered many times.

use std::sync::{Arc, OnceLock};

use crate::emoji;
use crate::error::GoodbyeError;

/// The four variables a template may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Variable {
    Name,
    Location,
    Date,
    Time,
}

impl Variable {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "name" => Some(Self::Name),
            "location" => Some(Self::Location),
            "date" => Some(Self::Date),
            "time" => Some(Self::Time),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Text(String),
    Var(Variable),
}

/// One template, pre-split into segments, with and without its emoji so that
/// emoji-off rendering costs nothing extra per call.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    pub(crate) id: String,
    pub(crate) with_emoji: Vec<Segment>,
    pub(crate) without_emoji: Vec<Segment>,
}

impl Template {
    pub(crate) fn uses_clock(&self) -> bool {
        self.with_emoji
            .iter()
            .any(|s| matches!(s, Segment::Var(Variable::Date | Variable::Time)))
    }
}

/// A section's default for `{name}` or `{location}`, as written and with its
/// emoji removed (emoji-off rendering must not show the corpus's emoji either).
#[derive(Debug, Clone)]
pub(crate) struct DefaultValue {
    with_emoji: String,
    without_emoji: String,
}

impl DefaultValue {
    /// `None` when nothing but emoji (and spaces) is left without them.
    fn new(value: &str) -> Option<Self> {
        let without_emoji = emoji::strip(value);
        (!without_emoji.trim().is_empty()).then(|| Self {
            without_emoji: without_emoji.into_owned(),
            with_emoji: value.to_owned(),
        })
    }

    pub(crate) fn get(&self, use_emojis: bool) -> &str {
        if use_emojis {
            &self.with_emoji
        } else {
            &self.without_emoji
        }
    }
}

/// All templates of one language section, with its defaults.
#[derive(Debug, Clone)]
pub(crate) struct Language {
    pub(crate) code: String,
    pub(crate) default_name: DefaultValue,
    pub(crate) default_location: DefaultValue,
    pub(crate) templates: Vec<Template>,
}

/// A parsed corpus: language sections in the order they were written.
#[derive(Debug, Clone)]
pub(crate) struct Corpus {
    pub(crate) languages: Vec<Language>,
}

/// Defaults of a section that declares none.
pub(crate) const FALLBACK_NAME: &str = "Good Soul";
pub(crate) const FALLBACK_LOCATION: &str = "The World";

/// The built-in corpus files, in the order that decides each bare language's
/// default region (`en` -> the first `en-*` section, here `en-GB`).
const BUILTIN_FILES: &[&str] = &[
    include_str!("../corpus/en-GB.txt"),
    include_str!("../corpus/en-US.txt"),
    include_str!("../corpus/fr-FR.txt"),
    include_str!("../corpus/de-DE.txt"),
    include_str!("../corpus/es-ES.txt"),
    include_str!("../corpus/it-IT.txt"),
    include_str!("../corpus/pt-BR.txt"),
    include_str!("../corpus/ja-JP.txt"),
];

impl Corpus {
    /// The corpus compiled into the library, parsed once per process and shared.
    pub(crate) fn builtin() -> Arc<Corpus> {
        static BUILTIN: OnceLock<Arc<Corpus>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let corpus = Corpus::parse(&BUILTIN_FILES.concat())
                    .unwrap_or_else(|e| panic!("the built-in corpus is invalid (a bug): {e}"));
                Arc::new(corpus)
            })
            .clone()
    }

    /// Parse corpus text; errors name the 1-based line.
    pub(crate) fn parse(text: &str) -> Result<Corpus, GoodbyeError> {
        let mut languages: Vec<Language> = Vec::new();
        let mut last_line = 0;
        for (index, raw) in text.lines().enumerate() {
            let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            last_line = line_no;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |what: &str| GoodbyeError::corpus_load(line_no, raw, what);
            if let Some(rest) = line.strip_prefix('[') {
                let code = rest
                    .strip_suffix(']')
                    .ok_or_else(|| fail("a section header must end with `]`"))?;
                let code = canonical_language_tag(code).ok_or_else(|| {
                    fail("expected a language tag such as `[en-GB]` (language-REGION)")
                })?;
                if let Some(previous) = languages.last() {
                    if previous.templates.is_empty() {
                        return Err(fail(&format!(
                            "section `{}` has no templates",
                            previous.code
                        )));
                    }
                }
                if languages.iter().any(|l| l.code == code) {
                    return Err(fail(&format!("section `{code}` appears twice")));
                }
                languages.push(Language {
                    code,
                    default_name: DefaultValue::new(FALLBACK_NAME).expect("fallback has text"),
                    default_location: DefaultValue::new(FALLBACK_LOCATION)
                        .expect("fallback has text"),
                    templates: Vec::new(),
                });
                continue;
            }
            let Some(section) = languages.last_mut() else {
                return Err(fail(
                    "a template or `@` line before the first `[language]` header",
                ));
            };
            if let Some(directive) = line.strip_prefix('@') {
                let (key, value) = directive
                    .split_once('=')
                    .ok_or_else(|| fail("expected `@name = ...` or `@location = ...`"))?;
                let value = value.trim();
                if value.is_empty() {
                    return Err(fail("a default value must not be empty"));
                }
                let slot = match key.trim() {
                    "name" => &mut section.default_name,
                    "location" => &mut section.default_location,
                    other => {
                        return Err(fail(&format!(
                            "unknown default `@{other}`: expected `@name` or `@location`"
                        )))
                    }
                };
                *slot = DefaultValue::new(value)
                    .ok_or_else(|| fail("a default value must have text besides emoji"))?;
                continue;
            }
            let id = format!("{}/{:03}", section.code, section.templates.len() + 1);
            let with_emoji = parse_segments(line).map_err(|e| match e {
                SegmentError::UnknownVariable(variable) => {
                    GoodbyeError::template_variable(&variable, &id)
                }
                SegmentError::Syntax(what) => fail(what),
            })?;
            let without_emoji = strip_segments(&with_emoji);
            if without_emoji.is_empty() {
                return Err(fail("a template must have text besides emoji"));
            }
            section.templates.push(Template {
                id,
                with_emoji,
                without_emoji,
            });
        }
        match languages.last() {
            None => Err(GoodbyeError::corpus_load(
                last_line.max(1),
                "",
                "the corpus has no `[language]` section",
            )),
            Some(l) if l.templates.is_empty() => Err(GoodbyeError::corpus_load(
                last_line.max(1),
                "",
                format!("section `{}` has no templates", l.code),
            )),
            Some(_) => Ok(Corpus { languages }),
        }
    }

    pub(crate) fn codes(&self) -> Vec<&str> {
        self.languages.iter().map(|l| l.code.as_str()).collect()
    }
}

/// `en-gb` / `EN_GB` -> `en-GB`; `None` unless it is language-REGION with a
/// 2-3 letter language and a 2-letter or 3-digit region.
pub(crate) fn canonical_language_tag(tag: &str) -> Option<String> {
    let (language, region) = tag.split_once(['-', '_'])?;
    let language_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_alphabetic());
    let region_ok = (region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()))
        || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()));
    (language_ok && region_ok).then(|| {
        format!(
            "{}-{}",
            language.to_ascii_lowercase(),
            region.to_ascii_uppercase()
        )
    })
}

enum SegmentError {
    UnknownVariable(String),
    Syntax(&'static str),
}

/// Split a template into text and `{variable}` segments; `{{` and `}}` are
/// literal braces.
fn parse_segments(line: &str) -> Result<Vec<Segment>, SegmentError> {
    let mut segments = Vec::new();
    let mut text = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => {
                return Err(SegmentError::Syntax(
                    "a `}` without its `{` (write `}}` for a literal brace)",
                ))
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{') | None => {
                            return Err(SegmentError::Syntax(
                                "a `{` without its `}` (write `{{` for a literal brace)",
                            ))
                        }
                        Some(c) => name.push(c),
                    }
                }
                let variable = Variable::parse(&name).ok_or(SegmentError::UnknownVariable(name))?;
                if !text.is_empty() {
                    segments.push(Segment::Text(std::mem::take(&mut text)));
                }
                segments.push(Segment::Var(variable));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        segments.push(Segment::Text(text));
    }
    Ok(segments)
}

/// The same segments with every emoji removed, as `emoji::strip` would remove
/// them from the whole rendered line (segment edges count as word edges).
fn strip_segments(segments: &[Segment]) -> Vec<Segment> {
    let last = segments.len().saturating_sub(1);
    segments
        .iter()
        .enumerate()
        .filter_map(|(i, segment)| match segment {
            Segment::Var(v) => Some(Segment::Var(*v)),
            Segment::Text(t) => {
                let stripped = emoji::strip_edges(t, i == 0, i == last);
                (!stripped.is_empty()).then(|| Segment::Text(stripped.into_owned()))
            }
        })
        .collect()
}

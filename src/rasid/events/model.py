"""The learned sentence model: hashed character n-grams + word features, logistic regression, numpy only.

``tools/train_event_model.py`` fits one binary model per PLOVER class (ASSAULT, PROTEST) on the dev half
of the openeventdata arabic_event_gsr sentences (MIT) and saves the non-zero weights to
``data/sentence_model.npz``. Prediction needs only numpy: features are hashed with crc32, so training
(scikit-learn) and prediction share ``features`` below and nothing else.
"""

from __future__ import annotations

import io
import math
import re
import zlib
from functools import lru_cache

import numpy as np

from rasid.options import Options
from rasid.resources import data_bytes, resource
from rasid.text.normalise import norm
from rasid.text.tokens import base_form

DIM = 1 << 18
NGRAMS = (3, 4, 5)
_WORD = re.compile(r"[0-9]+|[\u0600-\u06ff]+|[a-z]+")


@lru_cache(maxsize=200_000)
def _word_hashes(w: str) -> tuple[int, ...]:
    """The hashed features of one word: the word itself and its character n-grams."""
    out = [zlib.crc32(("w:" + w).encode()) % DIM]
    padded = f" {w} "
    for n in NGRAMS:
        for i in range(max(1, len(padded) - n + 1)):
            out.append(zlib.crc32(padded[i : i + n].encode()) % DIM)
    return tuple(out)


def features(text: str) -> dict[int, float]:
    """Hashed feature vector (index -> value), L2-normalised."""
    words = [base_form(w) for w in _WORD.findall(norm(text))]
    counts: dict[int, float] = {}
    for w in words:
        for h in _word_hashes(w):
            counts[h] = counts.get(h, 0.0) + 1.0
    for a, b in zip(words, words[1:]):
        h = zlib.crc32(("b:" + a + " " + b).encode()) % DIM
        counts[h] = counts.get(h, 0.0) + 1.0
    if not counts:
        return counts
    vals = {k: 1.0 + math.log(v) for k, v in counts.items()}
    z = math.sqrt(sum(v * v for v in vals.values()))
    return {k: v / z for k, v in vals.items()}


class SentenceModel:
    """One logistic-regression scorer per label over ``features``."""

    def __init__(self, weights: dict[str, tuple[np.ndarray, float]]) -> None:
        self.weights = weights  # label -> (dense weight vector, bias)

    @property
    def labels(self) -> list[str]:
        return sorted(self.weights)

    def score(self, text: str, label: str) -> float:
        w, b = self.weights[label]
        f = features(text)
        if not f:
            return 0.0
        idx = np.fromiter(f.keys(), dtype=np.int64, count=len(f))
        val = np.fromiter(f.values(), dtype=np.float64, count=len(f))
        z = float(w[idx] @ val) + b
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def from_npz(cls, raw: bytes) -> SentenceModel:
        arrs = np.load(io.BytesIO(raw))
        weights = {}
        for label in [k[:-4] for k in arrs.files if k.endswith("_idx")]:
            w = np.zeros(DIM, dtype=np.float32)
            w[arrs[label + "_idx"]] = arrs[label + "_val"].astype(np.float32)
            weights[label] = (w, float(arrs[label + "_bias"]))
        return cls(weights)

    def to_npz(self, path: str) -> None:
        out = {}
        for label, (w, b) in self.weights.items():
            nz = np.nonzero(np.abs(w) > 1e-4)[0].astype(np.int32)
            out[label + "_idx"] = nz
            out[label + "_val"] = w[nz].astype(np.float16)
            out[label + "_bias"] = np.array(b, dtype=np.float64)
        np.savez_compressed(path, **out)


@resource("events.sentence_model")
def load_sentence_model(options: Options) -> SentenceModel | None:
    if options.extra.get("events_model") is False:
        return None
    try:
        raw = data_bytes("rasid.events.data", "sentence_model.npz")
    except FileNotFoundError:
        return None
    return SentenceModel.from_npz(raw)

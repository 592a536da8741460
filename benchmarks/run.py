"""One command for the pipeline benchmark: ``python benchmarks/run.py``.

Times the whole rasid pipeline in one process over the shared corpus (articles/s,
peak memory), side by side in the same run with a dictionary event coder in the
style of PETRARCH (UniversalPetrarch's Arabic assault verbs matched in each
sentence; PETRARCH itself needs CoreNLP parses, which do not run here), and
scores both on the gold files. ``--write`` refreshes BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = [
    SHARED / "data" / "corpus" / "libya_articles.jsonl",
    SHARED / "data" / "corpus" / "other_conflicts_articles.jsonl",
]
GOLD = [SHARED / "gold" / "seeds.jsonl", *sorted((REPO / "devgold").glob("*.jsonl"))]
PETRARCH_VERBS = SHARED / "data" / "events" / "universalpetrarch_arabic" / "verbs_assualt_only.txt"


def load_corpus(limit: int | None) -> list[dict]:
    arts = []
    for f in CORPUS:
        arts += [json.loads(line) for line in f.open(encoding="utf-8") if line.strip()]
    return arts[:limit] if limit else arts


# --- the dictionary baseline -------------------------------------------------------------------
class DictionaryCoder:
    """PETRARCH-style: a sentence with an assault verb from the dictionary is an Armed clash event."""

    def __init__(self) -> None:
        from rasid.text.normalise import norm

        words = set()
        for line in PETRARCH_VERBS.open(encoding="utf-8"):
            line = line.split("#")[0].strip()
            if not line or line.startswith(("-", "---")):
                continue
            w = norm(line.split("+")[0].replace("_", " ").strip())
            if len(w) >= 3 and " " not in w:
                words.add(w)
        self.words = words

    def extract(self, text: str, published: str | None, article_id: str) -> list[dict]:
        from rasid.text.normalise import norm
        from rasid.text.sentences import split_sentences

        out = []
        for s, e in split_sentences(text):
            toks = set(norm(text[s:e]).split())
            stems = (
                toks | {t[1:] for t in toks if t[:1] in "وفبل"} | {t[2:] for t in toks if t.startswith("ال")}
            )
            if stems & self.words:
                out.append(
                    {
                        "event_id": f"{article_id}-d{len(out)}",
                        "event_type": "Battles",
                        "sub_event_type": "Armed clash",
                        "date_start": published,
                        "date_end": published,
                        "evidence": text[s:e],
                        "evidence_start": s,
                        "evidence_end": e,
                    }
                )
        return out


# --- one measured run (in a child process so peak memory is its own) ---------------------------------
def child(system: str, limit: int | None) -> dict:
    t_import = time.perf_counter()
    arts = load_corpus(limit)
    if system == "rasid":
        from rasid import Pipeline
        from rasid.doc import ArticleMeta
        from rasid.ingest.readers import parse_date

        pipe = Pipeline()
        pipe.make_doc(
            arts[0]["text"], ArticleMeta(published=parse_date(arts[0]["published"]))
        )  # load resources

        def run(a: dict) -> int:
            return len(
                pipe.extract(a["text"], ArticleMeta(a["id"], published=parse_date(a.get("published"))))
            )
    else:
        coder = DictionaryCoder()

        def run(a: dict) -> int:
            return len(coder.extract(a["text"], a.get("published"), a["id"]))

    setup = time.perf_counter() - t_import
    t0 = time.perf_counter()
    events = sum(run(a) for a in arts)
    secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "system": system,
        "articles": len(arts),
        "chars": sum(len(a["text"]) for a in arts),
        "events": events,
        "seconds": secs,
        "setup_seconds": setup,
        "articles_per_s": len(arts) / secs,
        "peak_mb": peak_mb,
    }


def gold_scores(system: str) -> dict:
    from rasid.evaluate.gold import read_gold
    from rasid.evaluate.run import predict
    from rasid.evaluate.scorer import Report, score
    from rasid.pipeline import Pipeline

    articles = []
    for path in GOLD:
        golds = read_gold(path)
        if system == "rasid":
            preds = predict(golds, Pipeline())
        else:
            coder = DictionaryCoder()
            preds = {g.id: coder.extract(g.text, g.published, g.id) for g in golds}
        articles += score(golds, preds).articles
    rep = Report(articles)
    return {
        "precision": rep.precision,
        "recall": rep.recall,
        "f1": rep.f1,
        "not_event_hits": rep.not_event_hits,
        "gold_articles": len(articles),
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N corpus articles")
    ap.add_argument("--write", action="store_true", help="write the table into BENCHMARKS.md")
    ap.add_argument("--child", choices=["rasid", "dictionary"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.limit)))
        return 0
    rows = []
    for system in ("rasid", "dictionary"):
        cmd = [sys.executable, __file__, "--child", system] + (
            ["--limit", str(args.limit)] if args.limit else []
        )
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        res = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout)
        res.update(gold_scores(system))
        rows.append(res)
    head = "| system | articles | events | articles/s (1 core) | peak memory MB | gold P | gold R | gold F1 | not-event hits |"
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        lines.append(
            f"| {r['system']} | {r['articles']} | {r['events']} | {r['articles_per_s']:.1f} | {r['peak_mb']:.0f} | "
            f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['not_event_hits']} |"
        )
    table = "\n".join(lines)
    info = f"Machine: {machine()}. Corpus: {rows[0]['articles']} articles, {rows[0]['chars']:,} characters. Gold: {rows[0]['gold_articles']} articles ({', '.join(p.name for p in GOLD)})."
    print(table)
    print(info)
    if args.write:
        path = REPO / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
        start, end = "<!-- pipeline:start -->", "<!-- pipeline:end -->"
        block = f"{start}\n{table}\n\n{info}\n{end}"
        if start in text:
            text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
        else:
            text += "\n## Whole pipeline (`python benchmarks/run.py --write`)\n\n" + block + "\n"
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

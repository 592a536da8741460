"""Bad input gets one clear line naming it; the batch goes on; re-runs are idempotent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasid.ingest.decode import InputProblem, check_article_text, decode_bytes
from rasid.ingest.readers import Article, Problem, read_articles
from rasid.store.sqlite import SQLiteStore

ARABIC = (
    "أعلنت وزارة الخارجية الايطالية، اليوم (الاثنين)، ان اربعة ايطاليين يعملون في مجال البناء خطفوا في ليبيا. "
    "وقالت الوزارة في بيان ان الايطاليين الاربعة كانوا عند خطفهم في محيط مجمع الشركة النفطية في منطقة مليتة غرب طرابلس."
)


def test_windows_1256_is_detected():
    text, enc = decode_bytes(ARABIC.encode("cp1256"))
    assert enc == "windows-1256" and text == ARABIC


def test_utf16_and_bom():
    assert decode_bytes(ARABIC.encode("utf-16"))[0] == ARABIC
    assert decode_bytes(b"\xef\xbb\xbf" + ARABIC.encode())[0] == ARABIC


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (bytes(range(256)) * 10, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_unreadable_bytes(data, reason):
    with pytest.raises(InputProblem, match=reason):
        decode_bytes(data)


def test_non_arabic_and_huge_text():
    with pytest.raises(InputProblem, match="not Arabic"):
        check_article_text(
            "The Libyan National Army said on Sunday it had struck the air college in Misrata. " * 3, 10_000
        )
    with pytest.raises(InputProblem, match="too long"):
        check_article_text(ARABIC * 1000, 10_000)


def _write_batch(tmp: Path) -> None:
    (tmp / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp / "cp1256.txt").write_bytes(ARABIC.encode("cp1256"))
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp / "english.txt").write_text(
        "Clashes erupted in Tripoli on Tuesday between rival militias. " * 5, encoding="utf-8"
    )
    (tmp / "broken.html").write_text(
        "<html><body><div><p>" + ARABIC + "<script>alert(1)</script><p><b>" * 50, encoding="utf-8"
    )
    (tmp / "hostile.html").write_text("<html>" + "<div>" * 20000 + "</html>", encoding="utf-8")
    lines = [
        json.dumps(
            {"id": "j1", "text": ARABIC, "published": "2015-07-21", "outlet": "Asharq Al-Awsat"},
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps({"id": "j2", "title": "no text"}),
        json.dumps(
            {"id": "j3", "text": ARABIC.replace("ليبيا", "مصر"), "published": "2015-07-22"},
            ensure_ascii=False,
        ),
    ]
    (tmp / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_batch_reports_each_bad_input_and_goes_on(tmp_path):
    _write_batch(tmp_path)
    items = list(read_articles([tmp_path, tmp_path / "missing.txt"]))
    arts = [i for i in items if isinstance(i, Article)]
    probs = {
        Path(p.source.split(":")[0]).name
        + (":" + p.source.split(":")[1] if ":" in p.source else ""): p.reason
        for p in items
        if isinstance(p, Problem)
    }
    assert {a.id for a in arts} >= {"good", "cp1256", "j1", "j3", "broken"}
    assert "empty" in probs["empty.txt"]
    assert "binary" in probs["binary.txt"]
    assert "not Arabic" in probs["english.txt"]
    assert "not valid JSON" in probs["batch.jsonl:2"]
    assert "no 'text'" in probs["batch.jsonl:3"]
    assert "no such file" in probs["missing.txt"]
    assert "hostile.html" in probs


def _run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "rasid.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_cli_extract_is_idempotent_and_replaces_changed_articles(tmp_path):
    _write_batch(tmp_path)
    db = tmp_path / "store.db"
    r1 = _run_cli("extract", str(tmp_path), "--db", str(db), "--published", "2015-07-21")
    assert r1.returncode == 1  # something failed
    err_lines = [ln for ln in r1.stderr.splitlines() if ln.startswith("rasid: skipped")]
    assert any("empty.txt: empty file" in ln for ln in err_lines)
    assert any("binary.txt: binary data" in ln for ln in err_lines)
    assert all(ln.count("\n") == 0 for ln in err_lines)
    with SQLiteStore(db) as st:
        first = st.counts()
        events1 = st.events()
    assert first["articles"] == 5
    r2 = _run_cli("extract", str(tmp_path), "--db", str(db), "--published", "2015-07-21")
    assert "5 unchanged" in r2.stderr
    with SQLiteStore(db) as st:
        assert st.counts() == first
        assert st.events() == events1
    # a changed article replaces its own events, nothing else moves
    (tmp_path / "good.txt").write_text(ARABIC + " وقتل ثلاثة مدنيين في قصف على بنغازي أمس.", encoding="utf-8")
    r3 = _run_cli("extract", str(tmp_path), "--db", str(db), "--published", "2015-07-21")
    assert "1 replaced" in r3.stderr and "4 unchanged" in r3.stderr
    with SQLiteStore(db) as st:
        assert st.counts()["articles"] == 5
        ids = [e["event_id"] for e in st.events()]
        assert len(ids) == len(set(ids))


def test_stored_articles_are_re_extracted_when_the_pipeline_changes(tmp_path, monkeypatch):
    import datetime as dt

    import rasid.ingest.batch as batch
    from rasid import __version__
    from rasid.options import Options

    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    db = tmp_path / "store.db"

    def run():
        with SQLiteStore(db) as st:
            return batch.run_batch(read_articles([tmp_path], published=dt.date(2015, 7, 21)), st, Options())

    assert run().new == 1
    assert run().unchanged == 1
    # the stored version carries a digest of the shipped code and data: after an upgrade (here: a different
    # digest) the article is extracted again instead of keeping what an older pipeline stored
    assert batch.PIPELINE_VERSION.startswith(__version__ + "+")
    monkeypatch.setattr(batch, "PIPELINE_VERSION", batch.PIPELINE_VERSION + "-changed")
    assert run().replaced == 1

"""A change must not lower the headline gold numbers recorded in baselines/eval.json."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO

TOLERANCE = 1e-6


def test_gold_numbers_do_not_regress():
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_baseline", REPO / "tools" / "update_baseline.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    base_path = REPO / "baselines" / "eval.json"
    if not base_path.exists():
        pytest.fail("baselines/eval.json is missing: run tools/update_baseline.py")
    baseline = json.loads(base_path.read_text(encoding="utf-8"))
    now = mod.headline()
    problems = []
    for name, base in baseline.items():
        if name not in now:
            continue
        cur = now[name]
        for key in ("precision", "recall", "f1"):
            if cur[key] < base[key] - TOLERANCE:
                problems.append(f"{name} {key}: {cur[key]:.4f} < baseline {base[key]:.4f}")
        if cur["not_event_hits"] > base["not_event_hits"]:
            problems.append(f"{name} not_event_hits: {cur['not_event_hits']} > baseline {base['not_event_hits']}")
        for attr, acc in base["attributes"].items():
            if cur["attributes"].get(attr, 0.0) < acc - 0.05:
                problems.append(f"{name} {attr}: {cur['attributes'].get(attr, 0.0):.3f} < baseline {acc:.3f} - 0.05")
    assert not problems, "gold numbers fell below baselines/eval.json:\n" + "\n".join(problems)

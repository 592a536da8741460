"""Validate the actor knowledge base (src/rasid/actors/data): exit 1 and list the problems if any.

.venv/bin/python tools/validate_actors.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from rasid.actors.kb import load_kb, validate  # noqa: E402


def main() -> int:
    kb = load_kb()
    problems = validate(kb)
    hand = sum(1 for a in kb.aliases if not a.generated)
    print(
        f"{len(kb.actors)} actors, {hand} aliases (+{len(kb.aliases) - hand} generated), {len(kb.persons)} people"
    )
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

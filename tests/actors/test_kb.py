"""The actor knowledge base is consistent: references resolve, values are valid, and no alias reads as two
actors in the same years and country unless a priority chooses."""

from __future__ import annotations

import copy

from rasid.actors.kb import FRAMINGS, AliasRow, load_kb, validate

KB = load_kb()


def test_sizes():
    countries = {a.country for a in KB.actors.values() if a.source != "generated"}
    for iso in ("LY", "YE", "SY", "IQ", "EG", "TN"):
        assert iso in countries, iso
    hand = [a for a in KB.aliases if not a.generated]
    assert len(hand) >= 400
    assert len(KB.persons) >= 40


def test_references_and_values():
    for a in KB.aliases:
        assert a.actor in KB.actors, a
        assert a.framing in FRAMINGS, a
        assert a.country is None or a.country in KB.countries, a
        if a.start is not None and a.end is not None:
            assert a.start <= a.end, a
    for p in KB.persons:
        assert p.actor in KB.actors, p
    for actor in KB.actors.values():
        assert actor.country == "*" or actor.country in KB.countries, actor
        assert actor.kind in {
            "state",
            "rebel",
            "militia",
            "identity",
            "civilians",
            "protesters",
            "rioters",
            "external",
            "political",
            "organisation",
        }, actor
        if actor.start is not None and actor.end is not None:
            assert actor.start <= actor.end, actor


def test_no_alias_on_two_actors_without_a_rule():
    """Two readings of one alias (same normalised key) that can hold in the same year and country must differ
    in priority, otherwise the stage could not choose between them."""
    assert validate(KB) == []


def test_validation_catches_a_conflict():
    bad = copy.copy(KB)
    bad.aliases = KB.aliases + [AliasRow("قوات الكرامة", "gna", "neutral", None, 2016, 2018, 0, "hand")]
    problems = validate(bad)
    assert any("gna" in p and "lna" in p for p in problems)
    bad.aliases = KB.aliases + [AliasRow("قوات الكرامة", "nobody", "sideways", None, None, None, 0, "hand")]
    assert len(validate(bad)) >= 2


def test_resolution_depends_on_country_and_year():
    rows = [p for k, p in KB.matcher.lookup("الجيش الوطني") if k == "alias"]
    assert KB.resolve(rows, "LY", 2019).actor == "lna"
    assert KB.resolve(rows, "YE", 2015).actor == "yemen_hadi"
    rows = [p for k, p in KB.matcher.lookup("الجيش الليبي") if k == "alias"]
    assert KB.resolve(rows, "LY", 2011).actor == "gaddafi"
    assert KB.resolve(rows, "LY", 2019).actor == "lna"
    rows = [p for k, p in KB.matcher.lookup("ميليشيات مصراتة") if k == "alias"]
    assert KB.resolve(rows, "LY", 2015).actor == "libya_dawn"
    assert KB.resolve(rows, "LY", 2019).actor == "gna"
    rows = [p for k, p in KB.matcher.lookup("حكومة الوفاق") if k == "alias"]
    assert KB.resolve(rows, "LY", 2012) is None  # before the GNA existed: no reading


def test_every_source_is_noted():
    for a in KB.aliases:
        assert a.source in {"hand", "UP", "gold", "generated"}, a
    for actor in KB.actors.values():
        assert actor.source in {"hand", "UP", "generated"}, actor

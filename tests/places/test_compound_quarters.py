"""A compound quarter (جنوب شرق ليبيا) is not the region of its second half (شرق ليبيا = Cyrenaica)."""

from __future__ import annotations

import rasid


def test_south_east_of_a_country_is_not_its_east():
    doc = rasid.analyse("قتل 40 شخصا في اشتباكات عنيفة بين مسلحين من قبيلتين في جنوب شرق ليبيا.", "2015-07-23")
    assert [p.name_en for p in doc.places] == ["Libya"]
    doc = rasid.analyse("اندلعت اشتباكات عنيفة في شرق ليبيا أمس.", "2015-07-23")
    assert [p.name_en for p in doc.places] == ["Cyrenaica (eastern Libya)"]


def test_the_base_a_strike_flew_from_is_not_where_it_hit():
    doc = rasid.analyse(
        "قصفت إحدى طائرات سلاح الجو من قاعدة طبرق الجوية مركبا قبالة سواحل مدينة درنة أمس.", "2015-08-08"
    )
    assert [e.location_name for e in doc.events] == ["Darnah"]

"""Quote.names and Quote.via carry the claimant list and the relaying outlet on the document model."""

from __future__ import annotations

import rasid


def test_relayed_quote_names_speaker_then_outlet():
    text = (
        "ونقلت صحيفة الشرق الأوسط عن مصادر عسكرية في الجيش قولها إن الخلافات بدأت تطفو على السطح. "
        "وقال اللواء أحمد المسماري إن الطائرات قصفت مواقع للمليشيات."
    )
    doc = rasid.analyse(text, "2019-08-23")
    relayed, direct = doc.quotes
    assert relayed.via == "صحيفة الشرق الأوسط"
    assert relayed.names[0] == "مصادر عسكرية في الجيش"
    assert direct.via is None
    assert direct.names[0] == "أحمد المسماري"  # the name without the rank title

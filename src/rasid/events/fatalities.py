"""Fatalities in ACLED's way: numbers tied to death words, the lowest reported figure, injuries not counted.

Numbers come from ``rasid.text.numbers.find_numbers`` (digits and words; vague quantities mapped to ACLED's
conventions: العشرات 12, عدة 3, المئات 100); when that module is missing, from digits and the small number
list in ``data/fatality_cues.tsv``. A number counts when a death word governs it (مقتل 5, أسفر عن مقتل
ثلاثة) or follows it (5 قتلى, 30 شخصا قتلوا) with no injury word between; "بين 5 و7" gives 5; a death word
before a singular person noun (مقتل شاب, قتل قائدها) gives 1. "عدد من القتلى" states no figure: null, and so
does a figure of the dead and the wounded together (عشرات القتلى والجرحى). A toll noun takes the figure it
reaches (ارتفعت حصيلة القتلى ... إلى 11).
"""

from __future__ import annotations

import bisect

from rasid.doc import Doc
from rasid.events.lexicon import token_hits
from rasid.resources import Resources
from rasid.text.normalise import norm

FILLERS = frozenset(
    norm(w) for w in "ما لا يقل عن نحو حوالي زهاء قرابة أكثر من اكثر أقل أزيد ما يزيد على عن الى إلى الأقل الأكثر".split()
)
GAP_AFTER = 4  # tokens from a death word to its count
GAP_BEFORE = 3  # tokens from a count to the death noun after it
PARTITIVE_SPAN = 4  # words skipped after a partitive cue (من تنظيم داعش, بينهم القيادي فلان)
TOLL_SPAN = 30  # tokens from a toll noun to the figure it reaches


def _numbers(doc: Doc, resources: Resources, si: int) -> dict[int, tuple[int, int, str]]:
    """token index -> (value, last token index, kind) for every number starting there in sentence ``si``."""
    cache = doc.user.setdefault("events.numbers", {})
    if si in cache:
        return cache[si]
    out: dict[int, tuple[int, int, str]] = {}
    toks = [t for t in doc.tokens if t.sentence == si]
    sent = doc.sentences[si] if si < len(doc.sentences) else None
    found = None
    if sent is not None:
        try:
            from rasid.text.numbers import find_numbers

            # numbers of this sentence only: a sub-document whose offsets shift by the sentence start
            found = [(s + sent.start, e + sent.start, v, k) for s, e, v, k in find_numbers(Doc(sent.text))]
        except ImportError:
            found = None
    if found is not None:
        starts = [t.start for t in toks]
        for s, e, value, kind in found:
            i = bisect.bisect_left(starts, s)
            if i >= len(toks) or toks[i].start >= e:
                if i > 0 and toks[i - 1].end > s:
                    i -= 1
                else:
                    continue
            j = i
            while j + 1 < len(toks) and toks[j + 1].start < e:
                j += 1
            if kind == "ordinal":
                continue
            if kind == "vague" and norm(doc.text[s:e]).replace("ا", "").startswith("عدد"):
                continue  # عدد من: no figure stated
            out[toks[i].index] = (int(value), toks[j].index, kind)
    else:
        cues = resources.get("events.fatality_cues")
        for t in toks:
            if t.norm.isdigit():
                out[t.index] = (int(t.norm), t.index, "digits")
        for kind in ("number", "vague"):
            if kind in cues:
                for i, ms in token_hits(doc, "fat." + kind, cues[kind]).items():
                    if toks and toks[0].index <= i <= toks[-1].index:
                        for m in ms:
                            out.setdefault(i, (int(m.payloads[0]), m.tok_end - 1, kind))
    # duals (جنديين, عنصران) and the small number list: where the numbers module saw nothing
    cues = resources.get("events.fatality_cues")
    if "number" in cues:
        for i, ms in token_hits(doc, "fat.number", cues["number"]).items():
            if toks and toks[0].index <= i <= toks[-1].index and i not in out:
                for m in ms:
                    out[i] = (int(m.payloads[0]), m.tok_end - 1, "dual")
    cache[si] = out
    return out


def _cue_tokens(doc: Doc, resources: Resources, kind: str) -> dict[int, int]:
    """token index -> end token (exclusive) of cue matches of ``kind``."""
    cues = resources.get("events.fatality_cues")
    if kind not in cues:
        return {}
    return {i: ms[0].tok_end for i, ms in token_hits(doc, "fat." + kind, cues[kind]).items()}


NO_LOSS_GAP = 4  # words from a negator to the noun of loss it denies


def _says_no_loss(doc: Doc, resources: Resources, lo: int, hi: int) -> bool:
    """"لم يخلف القصف أية إصابات", "عدم حدوث أي إصابات": the text says nobody was hurt in tokens [lo, hi)."""
    nouns = [k for k in _cue_tokens(doc, resources, "no_loss_noun") if lo <= k < hi]
    if not nouns:
        return False
    negs = _cue_tokens(doc, resources, "no_loss_neg")
    block = _cue_tokens(doc, resources, "no_loss_block")
    only = _cue_tokens(doc, resources, "no_loss_only")
    for k in nouns:
        neg = next((i for i in range(k - 1, max(lo, k - NO_LOSS_GAP) - 1, -1) if i in negs), None)
        if neg is not None and not any(neg < j < k for j in block) and not any(k < j <= k + 3 for j in only):
            return True
    return False


def fatalities_in(doc: Doc, resources: Resources, lo: int, hi: int, told_from: int | None = None) -> int | None:
    """ACLED fatalities stated in tokens [lo, hi) (a clause or sentence); None when none is stated. A statement
    that nobody was hurt counts from token ``told_from`` on (the happening's own word): it follows its happening
    (قصفت ... دون وقوع إصابات، كما قصفت ...: the second shelling's toll is not stated)."""
    if hi <= lo:
        return None
    before = _cue_tokens(doc, resources, "death_before")
    after = _cue_tokens(doc, resources, "death_after")
    toll = _cue_tokens(doc, resources, "toll")
    toll_to = _cue_tokens(doc, resources, "toll_to")
    one_victim = [
        k
        for k in _cue_tokens(doc, resources, "one_victim")
        if lo <= k < hi and not any(doc.tokens[j].norm.lstrip("و").startswith(("محاول", "لمحاول")) for j in range(max(lo, k - 2), k))
    ]
    if not any(lo <= k < hi for k in list(before) + list(after) + list(toll) + one_victim):
        lo_none = lo if told_from is None else max(lo, told_from)
        if any(lo_none <= k < hi for k in _cue_tokens(doc, resources, "none")) or _says_no_loss(doc, resources, lo_none, hi):
            return 0  # دون وقوع إصابات, لم يسفر عن خسائر بشرية: the text says nobody died
        return None  # no death word: no fatality figure (and no need to read the numbers)
    nums = dict(_numbers(doc, resources, doc.tokens[lo].sentence))
    if doc.tokens[hi - 1].sentence != doc.tokens[lo].sentence:
        nums.update(_numbers(doc, resources, doc.tokens[hi - 1].sentence))
    injury = _cue_tokens(doc, resources, "injury")
    singular = _cue_tokens(doc, resources, "singular")
    toks = doc.tokens
    cands: list[int] = []
    singles: list[int] = []

    def injury_between(a: int, b: int) -> bool:
        return any(a <= k < b for k in injury)

    def range_low(i: int) -> int:
        """The lower figure of 'بين X و Y' / 'X إلى Y' starting at number token i."""
        return nums[i][0]

    for i, end in before.items():
        if not lo <= i < hi:
            continue
        j = end
        gap = 0
        while j < hi and gap <= GAP_AFTER:
            if j in nums:
                if not injury_between(end, j):
                    cands.append(range_low(j))
                break
            if j in injury or j in before:
                break
            if j in singular and gap <= 1:
                # a singular victim (مقتل شاب) counts one unless a number follows it
                if not any(k in nums for k in range(j + 1, min(hi, j + 2))):
                    singles.append(1)
                break
            if toks[j].norm in FILLERS or toks[j].norm == "بين":
                j += 1
                continue
            gap += 1
            j += 1
    for i in singular:
        # أن شخصا قتل, جندي لقي مصرعه: a singular person noun right before a death word is one death
        if lo <= i < hi - 1 and (i + 1 in before or i + 1 in after) and not any(
            i - 2 <= k < i for k in nums
        ):
            singles.append(1)
    partitive = _cue_tokens(doc, resources, "partitive")
    range_open = _cue_tokens(doc, resources, "range_open")
    reached: dict[int, list[tuple[int, int]]] = {}  # death word -> (token, count) of the counts that reach it
    for i, (value, last, _kind) in nums.items():
        if not lo <= i < hi:
            continue
        k, gap, free = last + 1, 0, 0
        while k < hi and gap < GAP_BEFORE:
            if k in injury:
                break
            if k in after:
                nxt = after[k]
                if not (nxt < hi and nxt in injury and toks[nxt].prefix.startswith("و")):
                    reached.setdefault(k, []).append((i, value))  # not "عشرات القتلى والجرحى": dead and hurt together
                break
            if k in nums and toks[k].prefix.startswith("و"):
                # "25 مقاتلا من الفصائل وثمانية من مقاتلي داعش قتلوا": the next count of the same sentence
                # reaches the death word itself; the counts of the two sides add up
                k += 1
                continue
            if k in partitive and free == 0 and gap <= 1:
                free = PARTITIVE_SPAN  # 7 عناصر من تنظيم داعش قتلوا, ستة حوثيين بينهم القيادي فلان قتلوا
            elif free > 0:
                free -= 1
            elif toks[k].norm not in FILLERS:
                gap += 1
            k += 1
    for counts in reached.values():
        counts.sort()
        first = counts[0][0]
        sides = len(counts) > 1 and all(b - a > 1 for (a, _), (b, _) in zip(counts, counts[1:]))
        if sides and first - 1 not in range_open:
            cands.append(sum(v for _, v in counts))  # the counts of both sides joined by و
        else:
            cands.append(min(v for _, v in counts))  # one count, or a range ("بين 30 و35")
    for i, end in toll.items():
        # ارتفعت حصيلة قتلى المعارك ... إلى 11 شخصا: the figure the toll reaches
        if not lo <= i < hi or injury_between(i, end):
            continue
        for j in range(end, min(hi, end + TOLL_SPAN)):
            if j in nums and j > 0 and j - 1 in toll_to:
                if not injury_between(end, j) or any(end <= k < j for k in after):
                    cands.append(nums[j][0])
                break
    for k in after:
        if lo <= k < hi and k in nums and nums[k][2] == "dual" and not injury_between(k, k + 1):
            cands.append(nums[k][0])  # وكان قتيلان وعدة جرحى سقطوا: a dual noun of death counts itself
    if cands:
        return min(cands)
    # a death word with a dual pronoun (لقي مدرس وزوجته مصرعهما): two
    if any(lo <= k < hi and toks[k].norm.endswith("هما") for k in list(before) + list(after)):
        return 2
    return 1 if singles or one_victim else None

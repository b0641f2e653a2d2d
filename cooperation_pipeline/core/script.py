"""Traditional/simplified detection, OpenCC conversion, and pinyin-annotation removal.

Some reposting sites convert articles to traditional characters and annotate
every converted character with its pinyin: ``區(qū)``, ``關(guān)``. The annotation
must go before anything else looks at the text (it would otherwise survive the
t2s conversion, which leaves latin letters alone), and the same annotations tell
which character a lost ``?`` stood for (see ``build_pinyin_map``).

Detection: a document is ``traditional`` when a clear share of its CJK
characters are ones OpenCC t2s would change (5%, at least 3 of them); a
simplified text quoting a traditional name stays ``simplified``. The set of
"changing" characters is computed once at import by running OpenCC over the
CJK block, so a simplified document (the vast majority) is recognised with a
single regex search and never pays for a conversion; a document that has such
characters is converted once and the changed share is counted on the result.

Flags decided from these steps (by the caller): ``traditional_converted``,
``pinyin_artifacts``.
"""

from __future__ import annotations

import re

import opencc

try:  # numpy is a dependency; without it detection falls back to regex counting
    import numpy as _np
except ImportError:  # pragma: no cover
    _np = None

__all__ = [
    "SIMPLIFIED",
    "TRADITIONAL",
    "detect_script",
    "convert_if_traditional",
    "has_traditional_chars",
    "to_simplified",
    "remove_pinyin_annotations",
    "build_pinyin_map",
    "fold_lookalikes",
]

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"

_T2S = opencc.OpenCC("t2s")

_TRAD_SHARE = 0.05
_TRAD_MIN = 3


def _build_traditional_class() -> re.Pattern[str]:
    """Regex class of every BMP CJK character that t2s maps to something else."""
    chars = [chr(c) for c in range(0x4E00, 0xA000)] + [chr(c) for c in range(0x3400, 0x4DC0)]
    converted = _T2S.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen; keep the alignment honest anyway
        converted = [_T2S.convert(c) for c in chars]
    changing = [a for a, b in zip(chars, converted) if a != b]
    return re.compile("[" + "".join(changing) + "]")


_TRAD_CHAR_RE = _build_traditional_class()
_CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_LETTERS = "a-zü" + _TONED + "ê"
# One annotation: "(" + pinyin syllable(s) + ")" right after a CJK character.
# It must carry a tone mark; toneless latin in brackets ("支付宝(alipay)")
# is ordinary text. The pattern starts with the bracket (the CJK check is a
# lookbehind placed after it) so the regex engine can skip ahead quickly.
_PINYIN_ANNOT_RE = re.compile(
    r"[((](?<=[\u3400-\u9fff\uf900-\ufaff][((])"
    rf"(?=[a-züê ]*[{_TONED}])"  # a tone mark before the closing bracket (first toned letter: no backtracking)
    rf"[{_PINYIN_LETTERS}]{{1,24}}(?: [{_PINYIN_LETTERS}]{{1,24}}){{0,3}}"  # 區(qū), 省长(shěngzhǎng)
    r"[))]"
)
_PINYIN_CAPTURE_RE = re.compile(
    r"[((](?<=([\u3400-\u9fff\uf900-\ufaff])[((])"
    rf"((?=[{_PINYIN_LETTERS}]*[{_TONED}])[{_PINYIN_LETTERS}]{{1,7}})"
    r"[))]"
)

def _count_changed(text: str, converted: str) -> tuple[int, int]:
    """(characters t2s changed, CJK characters) for a text and its conversion."""
    if _np is not None and len(text) == len(converted):
        a = _np.frombuffer(text.encode("utf-32-le"), dtype=_np.uint32)
        b = _np.frombuffer(converted.encode("utf-32-le"), dtype=_np.uint32)
        # unsigned wrap-around: one comparison per range (0x3400-0x9FFF, 0xF900-0xFAFF)
        n_cjk = int(_np.count_nonzero((a - 0x3400) < 0x6C00) + _np.count_nonzero((a - 0xF900) < 0x200))
        return int(_np.count_nonzero(a != b)), n_cjk
    return len(_TRAD_CHAR_RE.findall(text)), sum(map(len, _CJK_RUN_RE.findall(text)))


def _script_of_conversion(text: str, converted: str) -> str:
    """``_script_of(*_count_changed(text, converted))``, skipping the CJK count
    when the number of changed characters alone decides."""
    if _np is not None and len(text) == len(converted):
        a = _np.frombuffer(text.encode("utf-32-le"), dtype=_np.uint32)
        b = _np.frombuffer(converted.encode("utf-32-le"), dtype=_np.uint32)
        n_changed = int(_np.count_nonzero(a != b))
        if n_changed < _TRAD_MIN:
            return SIMPLIFIED
        if n_changed >= _TRAD_SHARE * len(text):  # n_cjk <= len(text)
            return TRADITIONAL
        n_cjk = int(_np.count_nonzero((a - 0x3400) < 0x6C00) + _np.count_nonzero((a - 0xF900) < 0x200))
        return _script_of(n_changed, n_cjk)
    return _script_of(*_count_changed(text, converted))


def _script_of(n_changed: int, n_cjk: int) -> str:
    if n_changed >= _TRAD_MIN and n_changed >= _TRAD_SHARE * n_cjk:
        return TRADITIONAL
    return SIMPLIFIED


def detect_script(text: str) -> str:
    """Return "traditional" or "simplified" (share of CJK chars that t2s would change)."""
    return convert_if_traditional(text)[0]


def convert_if_traditional(text: str) -> tuple[str, str]:
    """(original script, simplified text) with a single OpenCC pass.

    Text without any character t2s would change is returned untouched (no
    conversion cost); otherwise it is converted, and it counts as traditional
    when at least 5% (and 3) of its CJK characters changed. A simplified text
    with a few traditional names is converted too but stays "simplified".
    """
    if not has_traditional_chars(text):
        return SIMPLIFIED, text
    converted = _T2S.convert(text)
    return _script_of_conversion(text, converted), converted


def has_traditional_chars(text: str) -> bool:
    """True when any character would be changed by t2s (cheap pre-check)."""
    return _TRAD_CHAR_RE.search(text) is not None


def to_simplified(text: str) -> str:
    """Convert to simplified Chinese with OpenCC t2s (phrase-aware, e.g. 乾隆 stays)."""
    return _T2S.convert(text)


def remove_pinyin_annotations(text: str) -> str:
    """Drop ``(pīnyīn)`` annotations that directly follow a CJK character.

    ``區(qū)域`` -> ``區域``; ``中国(China)`` and ``支付宝(alipay)`` are left alone
    because an annotation must be lowercase pinyin with a tone mark.
    """
    if "(" not in text and "(" not in text:
        return text
    return _PINYIN_ANNOT_RE.sub("", text)


def build_pinyin_map(text: str, syllables: set[str] | None = None) -> dict[str, str]:
    """Map each annotated pinyin syllable to the character it annotates in this document.

    Used to restore a character lost to ``?`` when its annotation survived
    (``日?qǐng)?bào)`` -> ``日報`` when ``報(bào)`` occurs elsewhere). A syllable is only
    mapped when one character accounts for at least two thirds of its uses, so
    homophones never produce a guess. ``syllables`` limits the work to the
    syllables actually needed (a literal search each instead of a full scan).
    """
    pairs: dict[tuple[str, str], int] = {}
    if syllables is None:
        for pair in _PINYIN_CAPTURE_RE.findall(text):
            pairs[pair] = pairs.get(pair, 0) + 1
    else:
        for syllable in syllables:
            for bracket in (f"({syllable})", f"({syllable})"):
                pos = text.find(bracket, 1)
                while pos > 0:
                    char = text[pos - 1]
                    if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
                        pairs[(char, syllable)] = pairs.get((char, syllable), 0) + 1
                    pos = text.find(bracket, pos + 1)
    best: dict[str, tuple[int, str]] = {}
    total: dict[str, int] = {}
    for (char, syllable), n in pairs.items():
        total[syllable] = total.get(syllable, 0) + n
        if n > best.get(syllable, (0, ""))[0]:
            best[syllable] = (n, char)
    out: dict[str, str] = {}
    for syllable, (n, char) in best.items():
        if n * 3 >= 2 * total[syllable]:
            out[syllable] = char
    return out


# Characters written for others they look like: 巿 (fú) for 市 in Taiwan's 台北巿长; the Japanese
# forms 郷 and 県 for 乡 and 县 in pages that quote Japanese (彰化県二水郷); the variant 瑯 of 琅
# (瑯勃拉邦).  No t2s table maps them.
_LOOKALIKES = {ord("巿"): "市", ord("郷"): "乡", ord("県"): "县", ord("瑯"): "琅"}
_LOOKALIKE_RE = re.compile("[巿郷県瑯]")


def fold_lookalikes(text: str) -> str:
    """``text`` with the look-alike characters above replaced by the ones they stand for."""
    return text.translate(_LOOKALIKES) if _LOOKALIKE_RE.search(text) else text


"""Turn the raw bytes of a scraped page into text, or reject them with a stable reason.

Scraped Chinese news arrives as UTF-8 (with or without BOM), UTF-16 (usually with
a BOM), GB18030/GBK/GB2312 or Big5. We never want to silently lose text, so:

* strict UTF-8 wins when it works (a valid multi-byte UTF-8 stream is very strong
  evidence);
* UTF-8 with a *few* bad bytes (a truncated sequence, a stray byte) is decoded
  with U+FFFD replacement and flagged ``invalid_bytes_replaced`` rather than
  rejected;
* otherwise the legacy Chinese codecs are tried and the one whose output looks
  most like Chinese (share of the ~600 most common characters, in either script)
  is chosen;
* input with NUL bytes, many control bytes or a known binary signature is
  ``binary_content``; empty or whitespace-only input is ``empty``; input that
  nothing decodes plausibly is ``undecodable``.

Flags produced here: ``invalid_bytes_replaced``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["RejectedInput", "Decoded", "decode_bytes", "chinese_plausibility"]


class RejectedInput(ValueError):
    """Raised for input that cannot become an article; ``.reason`` is a short stable code.

    Reasons produced here: ``empty``, ``binary_content``, ``undecodable``
    (the shell adds ``too_large``).
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class Decoded:
    """Decoded text plus the codec used and any decoding flags."""

    text: str
    encoding: str
    flags: tuple[str, ...] = ()


# The 600 most frequent simplified characters (by summed word frequency in the
# jieba dictionary) and their traditional forms (OpenCC s2t). Real Chinese text
# has roughly 60-80% of its CJK characters in this set; a wrong legacy codec
# produces near-uniformly random CJK characters and lands around 5-15%.
_COMMON_SIMPLIFIED = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部能市等业全里工公"
    "经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名"
    "手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知级量任江及应"
    "省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议"
    "更称程今决张导术府才保交放管结师便走达族反再题色五京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵"
    "传带空干农边据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑革该持始英克士尔让拉思根格"
    "造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语"
    "股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营足"
    "素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
)
_COMMON_TRADITIONAL_EXTRA = (
    "並亞佔來個們備傳價兒內兩別則創劃動務勢區卻參員問喫單嚴國圖團報場學宮實寶將專對導屬師帶幹幾廣張強後從復愛應戰採擊據數斷於時書會東條業極構"
    "樂標樣機權歷氣決沒況準滿漢濟無熱營爭爲爾現環產當發確種稱積節紀約紅級組結給統經維網線編縣總織羅羣義聯聲職聽臺與興舉華萬藥處號衆術裏裝見規視"
    "親覺觀計記設許試話該認語說調請論證識議護變讓責費資質車軍較輕轉辦農這連進遊運過達遠選還邊鄉鐵長門開間關陽隊際隨雖雙離難電響項領頭題類顯風飛"
    "餘馬體鬥魚麼黃點黨龍為"
)
_COMMON_RE = re.compile("[" + _COMMON_SIMPLIFIED + _COMMON_TRADITIONAL_EXTRA + "]")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters a correct decode of a news page essentially never contains: C0/C1
# controls other than whitespace, private-use code points, U+FFFD.
_JUNK_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")

# Bytes that are not text: C0 controls except \t \n \v \f \r and ESC, plus DEL.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF-",
    b"PK\x03\x04",  # zip / docx / xlsx
    b"\x1f\x8b",  # gzip
    b"BM",  # checked with a NUL test below (too short on its own)
    b"\x7fELF",
    b"RIFF",
    b"\x00\x00\x01\x00",  # ico
    b"OggS",
    b"ID3",
    b"\xd0\xcf\x11\xe0",  # OLE (doc/xls)
    b"7z\xbc\xaf",
    b"Rar!",
)
_BIG5_FAMILY: tuple[str, ...] = ("big5", "cp950", "big5hkscs")
_FFFD_UTF8 = "\ufffd".encode("utf-8")

_PLAUSIBLE_SHARE = 0.35  # min share of common chars among CJK chars for a legacy decode
_LENIENT_UTF8_RATIO = 10  # good non-ASCII chars per replaced byte for lenient UTF-8


def chinese_plausibility(text: str) -> float:
    """Score in [0, 1]: how much ``text`` looks like correctly decoded Chinese.

    Share of CJK characters that are among the most common ones, penalised by
    junk characters (controls, private use, U+FFFD). Text without CJK scores 0.
    """
    n_cjk = len(_CJK_RE.findall(text))
    if not n_cjk:
        return 0.0
    n_common = len(_COMMON_RE.findall(text))
    n_junk = len(_JUNK_RE.findall(text))
    return max(0.0, (n_common - 3 * n_junk) / n_cjk)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, a known file signature or many control bytes mean "not text"."""
    for sig in _BINARY_SIGNATURES:
        if data.startswith(sig) and (len(sig) >= 3 or b"\x00" in data[:64]):
            return True
    n = len(data)
    n_nul = data.count(b"\x00")
    if n_nul and n_nul * 1000 > n:  # more than 0.1% NUL bytes
        return True
    n_ctrl = n - len(data.translate(None, _CONTROL_BYTES))
    return n_ctrl * 100 > 3 * n  # more than 3% control bytes


def _bom_utf16_32(data: bytes) -> str | None:
    """Codec for a UTF-32/UTF-16 byte-order mark, else None (UTF-32 checked first)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _sniff_bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without BOM: NUL bytes present and one byte order gives plausible text.

    ASCII characters encode with a NUL byte, and so do CJK code points like
    U+4E00; random binary decoded as UTF-16 gives junk and rare characters.
    """
    if len(data) < 8 or len(data) % 2 or b"\x00" not in data:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _JUNK_RE.search(text):
            continue
        if chinese_plausibility(text) >= _PLAUSIBLE_SHARE:
            return Decoded(text=text, encoding=codec)
        if text.isascii() and all(ch.isprintable() or ch in "\t\n\r" for ch in text):
            return Decoded(text=text, encoding=codec)
    return None


def _finish(text: str, encoding: str, flags: tuple[str, ...] = ()) -> Decoded:
    if not text.strip():
        raise RejectedInput("empty", "only whitespace after decoding")
    return Decoded(text=text, encoding=encoding, flags=flags)


def decode_bytes(data: bytes) -> Decoded:
    """Decode scraped bytes to text; raise RejectedInput("empty"|"binary_content"|"undecodable")."""
    if not data or not data.strip():
        raise RejectedInput("empty", "no bytes or only ASCII whitespace")

    # 1. Byte-order marks decide the codec outright.
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - data.count(_FFFD_UTF8)
        return _finish(text, "utf-8-sig", ("invalid_bytes_replaced",) if bad > 0 else ())
    codec = _bom_utf16_32(data)
    if codec:
        text = data.decode(codec, errors="replace")
        if _JUNK_RE.search(text) and len(_JUNK_RE.findall(text)) * 20 > len(text):
            raise RejectedInput("binary_content", f"{codec} BOM followed by non-text")
        bad = text.count("\ufffd")
        return _finish(text, codec, ("invalid_bytes_replaced",) if bad else ())

    # 2. UTF-16 without BOM, before the NUL-based binary check rejects it.
    sniffed = _sniff_bomless_utf16(data)
    if sniffed:
        return _finish(sniffed.text, sniffed.encoding)

    # 3. Binary content.
    if _looks_binary(data):
        raise RejectedInput("binary_content", "NUL/control bytes or a binary file signature")

    # 4. Strict UTF-8.
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    # 5. UTF-8 with a few bad bytes.
    lenient = data.decode("utf-8", errors="replace")
    n_bad = lenient.count("\ufffd") - data.count(_FFFD_UTF8)
    n_good = len(lenient) - len(lenient.encode("ascii", errors="ignore")) - n_bad
    if n_good >= _LENIENT_UTF8_RATIO * n_bad:
        return _finish(lenient, "utf-8", ("invalid_bytes_replaced",))

    # 6. Legacy Chinese codecs, best plausibility wins. cp950/big5hkscs are
    #    supersets of big5 and only consulted when plain big5 fails.
    best: tuple[float, str, str] | None = None
    for group in (("gb18030",), _BIG5_FAMILY):
        for name in group:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            score = chinese_plausibility(text)
            if best is None or score > best[0]:
                best = (score, name, text)
            break
    if best and best[0] >= _PLAUSIBLE_SHARE:
        return _finish(best[2], best[1])

    # 7. Legacy codecs with a handful of bad bytes (truncated GBK at the end...).
    for name in ("gb18030", "big5"):
        text = data.decode(name, errors="replace")
        n_replaced = text.count("\ufffd")
        if n_replaced * 50 <= len(text) and chinese_plausibility(text.replace("\ufffd", "")) >= _PLAUSIBLE_SHARE:
            return _finish(text, name, ("invalid_bytes_replaced",))

    # 8. Mostly-UTF-8 as a last resort (short text with one broken sequence).
    if n_good and n_good >= n_bad:
        return _finish(lenient, "utf-8", ("invalid_bytes_replaced",))
    raise RejectedInput("undecodable", "no codec gives plausible text")

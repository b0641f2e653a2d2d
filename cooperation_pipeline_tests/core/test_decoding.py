"""decode_bytes: every encoding the scraper meets, damaged input, and rejects."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest

from cooperation_pipeline.core.decoding import Decoded, RejectedInput, chinese_plausibility, decode_bytes

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"


def seed_text(name: str) -> str:
    return (SEEDS / name).read_bytes().decode("utf-8")


SIMPLIFIED = seed_text("003_cb6204bed4bea321.txt")
# A traditional news fragment that Big5 can encode (from fixtures/web_fragments.json).
TRADITIONAL = next(
    c["raw"] for c in json.loads((FIXTURES / "web_fragments.json").read_text("utf-8"))["cases"]
    if c["id"] == "wenweipo_traditional_breadcrumb_date_line"
)


def test_utf8_seed_is_decoded_verbatim() -> None:
    d = decode_bytes(SIMPLIFIED.encode("utf-8"))
    assert d == Decoded(text=SIMPLIFIED, encoding="utf-8", flags=())


def test_utf8_with_bom() -> None:
    d = decode_bytes(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"))
    assert (d.encoding, d.flags) == ("utf-8-sig", ())
    assert d.text == SIMPLIFIED  # the BOM is not part of the text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec: str) -> None:
    d = decode_bytes(SIMPLIFIED.encode(codec))
    assert d.text == SIMPLIFIED
    assert d.encoding == ("utf-16" if codec == "utf-16" else codec)


def test_gbk_is_decoded_as_gb18030() -> None:
    d = decode_bytes(SIMPLIFIED.encode("gbk"))
    assert (d.text, d.encoding, d.flags) == (SIMPLIFIED, "gb18030", ())


def test_gb18030_only_characters() -> None:
    text = "长沙市与𠀀市签约,“一带一路”合作。" * 3  # U+20000 exists only in GB18030
    assert decode_bytes(text.encode("gb18030")).text == text


def test_big5_traditional() -> None:
    d = decode_bytes(TRADITIONAL.encode("big5"))
    assert (d.text, d.encoding) == (TRADITIONAL, "big5")


def test_short_legacy_strings() -> None:
    assert decode_bytes("北京市朝阳区".encode("gbk")).text == "北京市朝阳区"
    assert decode_bytes("中國國際友好城市".encode("big5")).text == "中國國際友好城市"


def test_gbk_traditional_characters_stay_gb18030() -> None:
    # GBK also encodes traditional characters; that must not be mistaken for Big5.
    text = "貴陽市與北京市海淀區建立友好區市關係,雙方簽署框架協議。"
    d = decode_bytes(text.encode("gbk"))
    assert (d.text, d.encoding) == (text, "gb18030")


def test_a_few_invalid_bytes_are_replaced_and_flagged() -> None:
    data = bytearray(SIMPLIFIED.encode("utf-8"))
    data[300:301] = b"\xff"
    data[3000:3000] = b"\xfe\xfe"
    d = decode_bytes(bytes(data))
    assert d.encoding == "utf-8"
    assert d.flags == ("invalid_bytes_replaced",)
    assert d.text.count("\ufffd") >= 2
    assert "昆明与北京市朝阳区建立友好市区关系" in d.text
    assert len(d.text) >= len(SIMPLIFIED) - 2


def test_truncated_utf8_sequence() -> None:
    data = "双方签署合作协议".encode("utf-8")[:-1]  # last character cut mid-sequence
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert d.flags == ("invalid_bytes_replaced",)
    assert d.text == "双方签署合作协\ufffd"


def test_existing_replacement_characters_are_not_flagged() -> None:
    d = decode_bytes("已损坏\ufffd的文字".encode("utf-8"))
    assert d.flags == ()


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8 + b"  \n", "\u3000\u3000\n".encode("utf-8"), " \n".encode("utf-16")])
def test_empty_or_whitespace_is_rejected(data: bytes) -> None:
    with pytest.raises(RejectedInput) as err:
        decode_bytes(data)
    assert err.value.reason == "empty"


def test_png_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + bytes(range(256))
    with pytest.raises(RejectedInput) as err:
        decode_bytes(png)
    assert err.value.reason == "binary_content"


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_binary(seed: int) -> None:
    rng = random.Random(seed)
    with pytest.raises(RejectedInput) as err:
        decode_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    assert err.value.reason == "binary_content"


def test_text_with_nul_bytes_is_binary() -> None:
    with pytest.raises(RejectedInput) as err:
        decode_bytes("北京\x00\x00上海".encode("utf-8") * 10 + b"\x00\x01\x02" * 20)
    assert err.value.reason == "binary_content"


def test_high_bytes_noise_is_undecodable() -> None:
    rng = random.Random(7)
    with pytest.raises(RejectedInput) as err:
        decode_bytes(bytes(rng.randrange(128, 256) for _ in range(2048)))
    assert err.value.reason == "undecodable"


def test_rejected_input_is_a_value_error() -> None:
    assert issubclass(RejectedInput, ValueError)
    assert RejectedInput("empty").reason == "empty"


def test_plausibility_separates_right_and_wrong_codec() -> None:
    gbk = SIMPLIFIED.encode("gbk")
    assert chinese_plausibility(SIMPLIFIED) > 0.6
    assert chinese_plausibility(TRADITIONAL) > 0.5
    wrong = gbk.decode("big5", errors="replace")
    assert chinese_plausibility(wrong) < 0.2
    assert chinese_plausibility("plain ascii") == 0.0

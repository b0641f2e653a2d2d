"""Script detection, t2s conversion, pinyin-annotation removal and the pinyin map."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cooperation_pipeline.core.script import (
    SIMPLIFIED,
    TRADITIONAL,
    build_pinyin_map,
    fold_lookalikes,
    convert_if_traditional,
    detect_script,
    has_traditional_chars,
    remove_pinyin_annotations,
    to_simplified,
)

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
TONED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def seed(name: str) -> str:
    return (SEEDS / name).read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("000_0ac9a4f3a77bb2c0.txt", SIMPLIFIED),
        ("001_3873d8454603a5b7.txt", SIMPLIFIED),
        ("002_771ac3889fb976f9.txt", TRADITIONAL),
        ("003_cb6204bed4bea321.txt", SIMPLIFIED),
        ("004_16566fa53fc83413.txt", SIMPLIFIED),
    ],
)
def test_detect_script_on_seeds(name: str, script: str) -> None:
    assert detect_script(seed(name)) == script


def test_traditional_fragment_without_pinyin() -> None:
    assert detect_script("中國國際友好城市(省州)增至2571對。香港文匯報訊,我國新增5對友好城市。") == TRADITIONAL


def test_simplified_text_quoting_a_traditional_name_stays_simplified() -> None:
    text = seed("004_16566fa53fc83413.txt") + "\n据台湾《旺報》报道。"
    assert has_traditional_chars(text)
    script, converted = convert_if_traditional(text)
    assert script == SIMPLIFIED
    assert "《旺报》" in converted  # converted anyway, but not counted as traditional


def test_simplified_text_is_returned_untouched() -> None:
    text = seed("000_0ac9a4f3a77bb2c0.txt")
    script, out = convert_if_traditional(text)
    assert script == SIMPLIFIED and out is text


def test_to_simplified() -> None:
    assert to_simplified("貴陽市與北京市海淀區建立友好區市關係") == "贵阳市与北京市海淀区建立友好区市关系"
    assert to_simplified("[錯誤報告] [推薦] [收藏] [打印] [關閉] [返回頂部]") == "[错误报告] [推荐] [收藏] [打印] [关闭] [返回顶部]"
    assert to_simplified("乾隆年間") == "乾隆年间"  # phrase-aware: 乾 is not turned into 干


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("貴陽市與北京市海淀區(qū)建立友好區(qū)市關(guān)系", "貴陽市與北京市海淀區建立友好區市關系"),
        ("發(fā)展潛力", "發展潛力"),
        ("發(fā)展", "發展"),  # full-width brackets
        ("中國(zhōng guó)", "中國"),  # multi-syllable annotation
        ("中国(China)与美国", "中国(China)与美国"),  # not pinyin
        ("支付宝(alipay)", "支付宝(alipay)"),  # toneless latin is ordinary text
        ("各區(市、縣)負責人", "各區(市、縣)負責人"),
        ("合作行动计划(2023-2025年)", "合作行动计划(2023-2025年)"),
        ("發 (fā)", "發 (fā)"),  # not directly after a character
    ],
)
def test_remove_pinyin_annotations(raw: str, clean: str) -> None:
    assert remove_pinyin_annotations(raw) == clean


def test_no_pinyin_survives_in_seed_002() -> None:
    text = remove_pinyin_annotations(seed("002_771ac3889fb976f9.txt"))
    # only the debris glued to lost characters remains (handled by remove_lost_char_runs)
    leftovers = re.findall(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", text)
    assert set(leftovers) == {"qǐng)", "bào)", "jié)", "qiáng)"}
    assert all(not TONED.search(m) for m in re.findall(r"\([^)]*\)", text))


def test_build_pinyin_map_from_seed_002() -> None:
    text = seed("002_771ac3889fb976f9.txt")
    full = build_pinyin_map(text)
    assert full["bào"] == "報"
    assert full["qiáng"] == "強"
    assert full["qū"] == "區"
    assert build_pinyin_map(text, {"bào", "qiáng", "zzz"}) == {"bào": "報", "qiáng": "強"}


def test_build_pinyin_map_refuses_homophone_guesses() -> None:
    assert build_pinyin_map("區(qū)域 區(qū)域 驅(qū)動") == {"qū": "區"}  # 2 of 3: clear majority
    assert build_pinyin_map("區(qū)域 驅(qū)動") == {}  # 1 of 2: no guess


def test_annotations_of_words_not_only_characters():
    from cooperation_pipeline.core.script import remove_pinyin_annotations

    assert remove_pinyin_annotations("省长(shěngzhǎng)许昆林会见") == "省长许昆林会见"
    assert remove_pinyin_annotations("签署协议书(xiéyìshū)为新起点") == "签署协议书为新起点"
    assert remove_pinyin_annotations("依据CEPA(Closer Economic)安排") == "依据CEPA(Closer Economic)安排"


def test_look_alike_characters_become_the_ones_they_stand_for():
    assert fold_lookalikes("台北巿长郝某斌;彰化県二水郷;瑯勃拉邦") == "台北市长郝某斌;彰化县二水乡;琅勃拉邦"
    text = "北京市与上海市签署协议"
    assert fold_lookalikes(text) is text  # nothing to fold: the text itself, not a copy


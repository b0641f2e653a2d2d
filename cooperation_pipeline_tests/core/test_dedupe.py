"""Near-duplicate detection: reposts with other chrome are found, other articles are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from cooperation_pipeline.core.cleaning import clean_document
from cooperation_pipeline.core.decoding import decode_bytes
from cooperation_pipeline.core.dedupe import (
    NUM_PERM,
    NearDuplicateIndex,
    estimate_similarity,
    minhash_signature,
    shingles,
)

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def raw(name: str) -> str:
    return decode_bytes((SEEDS / name).read_bytes()).text


def body(name: str) -> str:
    return clean_document(raw(name)).text


def repost_of_004() -> str:
    """Seed 004's article as another site would serve it: other breadcrumb, byline,
    no photos, other credits and footer, a related-links list."""
    paragraphs = [line for line in raw("004_16566fa53fc83413.txt").split("\n") if len(line) > 60 and "。" in line]
    paragraphs[-1] = paragraphs[-1].replace("(刘军孟晓冬)", "(记者 刘军 孟晓冬)")
    return "\n".join(
        [
            "您的位置:首页 > 新闻中心 > 河北要闻",
            "北京市西城区与秦皇岛市签署战略合作协议",
            "发布时间:2017年08月28日 09:12 来源:河北新闻网 作者:刘军 孟晓冬 字号:大 中 小",
            *paragraphs,
            "(责任编辑:张三)",
            "分享到:",
            "相关阅读",
            "秦皇岛召开全市经济工作会议",
            "河北省推动京津冀协同发展",
            "唐山与北京市东城区签署合作协议",
            "Copyright © 2017 河北新闻网 版权所有",
        ]
    )


def test_signature_is_deterministic_and_sized() -> None:
    text = body("004_16566fa53fc83413.txt")
    a, b = minhash_signature(text), minhash_signature(text)
    assert a == b
    assert len(a) == NUM_PERM
    assert all(isinstance(v, int) for v in a)
    assert minhash_signature("两地签署合作协议。") != a


def test_signature_ignores_whitespace_and_line_breaks() -> None:
    assert minhash_signature("两地签署 战略合作\n协议,共同发展。") == minhash_signature("两地签署战略合作协议,共同发展。")


def test_shingles() -> None:
    assert shingles("北京 朝阳区合作") == {"北京朝阳区", "京朝阳区合", "朝阳区合作"}
    assert shingles("合作") == {"合作"}
    assert shingles("  ") == set()


def test_same_article_with_different_chrome_is_found() -> None:
    index = NearDuplicateIndex(threshold=0.8)
    for name in ("000_0ac9a4f3a77bb2c0.txt", "003_cb6204bed4bea321.txt", "004_16566fa53fc83413.txt"):
        index.add(name[:3], minhash_signature(body(name)))
    repost = clean_document(repost_of_004())
    assert repost.text != body("004_16566fa53fc83413.txt")  # different pages ...
    assert index.query(minhash_signature(repost.text)) == ["004"]  # ... same article


def test_two_articles_about_the_same_pair_of_cities_are_not_duplicates() -> None:
    # Seed 003 carries two different reports on the 昆明-朝阳 agreement (main + 相关新闻).
    text = body("003_cb6204bed4bea321.txt")
    cut = text.index("昆明朝阳将开展深层次多领域交流合作")
    first, second = text[:cut], text[cut:]
    index = NearDuplicateIndex()
    index.add("main", minhash_signature(first))
    assert index.query(minhash_signature(second)) == []
    assert estimate_similarity(minhash_signature(first), minhash_signature(second)) < 0.2


def test_different_seeds_are_not_duplicates() -> None:
    names = sorted(p.name for p in SEEDS.iterdir())
    index = NearDuplicateIndex()
    for name in names:
        signature = minhash_signature(body(name))
        assert index.query(signature) == []
        index.add(name, signature)
    assert len(index) == len(names)


def test_adding_an_id_again_replaces_it() -> None:
    index = NearDuplicateIndex()
    sig_004 = minhash_signature(body("004_16566fa53fc83413.txt"))
    sig_003 = minhash_signature(body("003_cb6204bed4bea321.txt"))
    index.add("x", sig_004)
    index.add("x", sig_003)
    assert len(index) == 1 and "x" in index
    assert index.query(sig_004) == []
    assert index.query(sig_003) == ["x"]


def test_threshold_is_respected() -> None:
    text = body("001_3873d8454603a5b7.txt")
    paragraphs = text.split("\n")
    half = "\n".join(paragraphs[: len(paragraphs) // 2])
    strict, loose = NearDuplicateIndex(threshold=0.9), NearDuplicateIndex(threshold=0.3)
    for index in (strict, loose):
        index.add("full", minhash_signature(text))
    assert strict.query(minhash_signature(half)) == []
    assert loose.query(minhash_signature(half)) == ["full"]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=1.5)
    with pytest.raises(ValueError):
        NearDuplicateIndex().add("x", [1, 2, 3])


def test_band_parameters_are_the_classic_lsh_optimum() -> None:
    from cooperation_pipeline.core.dedupe import optimal_bands

    # The values datasketch's MinHashLSH picks for 128 permutations with equal weights.
    assert [optimal_bands(t) for t in (0.3, 0.5, 0.8, 0.9)] == [(37, 3), (25, 5), (9, 13), (5, 25)]

"""The cooperation-domain taxonomy."""
from __future__ import annotations

from cooperation_pipeline.core.domains import KEYS, LABELS, TAXONOMY, classify, label


def test_taxonomy_is_well_formed():
    assert len(KEYS) == len(set(KEYS)) == len(TAXONOMY)
    for d in TAXONOMY:
        assert d.label and d.keywords, d.key
        assert LABELS[d.key] == label(d.key)
    for key in ("education", "health", "culture_tourism", "science_technology", "industry",
                "commerce_investment", "finance", "talent_exchange", "ecology", "transport",
                "public_security", "urban_management", "social_governance", "public_services",
                "sports", "agriculture", "poverty_alleviation", "market_integration",
                "government_affairs"):
        assert key in KEYS


def test_cooperation_area_list():
    got = classify("双方将在科技、教育、卫生、招商、金融、旅游、生态、人才等方面谋求交流合作")
    assert got == ["talent_exchange", "education", "health", "culture_tourism",
                   "science_technology", "commerce_investment", "finance", "ecology"]


def test_police_cooperation_agreement():
    assert classify("《长江中游四省省会城市警务合作框架协议》,旨在进一步加强警务合作") == ["public_security"]


def test_cadre_exchange_and_public_services():
    got = classify("两地每年选派部分优秀干部进行挂职交流;推进政务服务“跨省通办”和养老服务合作")
    assert "talent_exchange" in got and "public_services" in got


def test_longest_keyword_wins():
    # 社会治理 is social governance; 医疗保障 is a public service, not hospitals
    assert classify("加强社会治理") == ["social_governance"]
    assert classify("医疗保障") == ["public_services"]


def test_no_domain_in_plain_text():
    assert classify("两地领导进行了座谈") == []

"""Arbitrary input never raises in the core: decoding, cleaning and extraction take anything."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cooperation_pipeline.core.cleaning import clean_document
from cooperation_pipeline.core.decoding import RejectedInput, decode_bytes
from cooperation_pipeline.core.extraction import extract
from cooperation_pipeline_tests.conftest import SEEDS

# Text that looks like the domain: fragments of real articles mixed with arbitrary characters.
FRAGMENTS = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines() if line]
WORDS = ["签署", "协议", "友好城市", "代表团", "市委书记", "区长", "《", "》", "年", "月", "日", "至", "昨日",
         "与", "、", "北京市", "朝阳区", "(qū)", "????", "</p>", "&nbsp;", "来源:", "记者", "\n", "。", "2024"]
domain_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(WORDS), st.text(max_size=30)), max_size=40,
).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_decoding_takes_any_bytes(data):
    try:
        decoded = decode_bytes(data)
    except RejectedInput as rejected:
        assert rejected.reason in {"empty", "binary_content", "undecodable"}
    else:
        assert isinstance(decoded.text, str)


@FAST
@given(st.one_of(domain_text, st.text(max_size=500)))
def test_cleaning_takes_any_text(text):
    cleaned = clean_document(text)
    assert isinstance(cleaned.text, str) and cleaned.quality_flags == sorted(set(cleaned.quality_flags))


@FAST
@given(domain_text, st.one_of(st.none(), st.dates(min_value=date(1980, 1, 1), max_value=date(2030, 12, 31))))
def test_extraction_takes_any_text(text, published):
    result = extract(clean_document(text).text, title=text[:20] or None, publish_date=published)
    for event in result.events:
        assert len(event.parties) >= 2 and event.event_type in {
            "agreement_signing", "friendship_established", "joint_meeting", "delegation_visit"}

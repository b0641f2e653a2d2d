from datetime import date

from cooperation_pipeline.core.merging import dates_agree, format_partial_date, merge_mentions, parse_partial_date


def _m(doc, date_, parties=("甲市", "乙市"), kind="agreement_signing", **kw):
    return {"doc_id": doc, "event_type": kind, "parties": list(parties), "date": date_, **kw}


def test_partial_dates_round_trip():
    for value in ["2015", "2015-05", "2015-05-11", "--05-11", None]:
        assert format_partial_date(parse_partial_date(value)) == value


def test_dates_agree_only_where_both_are_known():
    assert dates_agree(parse_partial_date("--05-11"), parse_partial_date("2015-05-11"))
    assert dates_agree(parse_partial_date("2015"), parse_partial_date("2015-05-11"))
    assert not dates_agree(parse_partial_date("2015-05-10"), parse_partial_date("2015-05-11"))


def test_mentions_of_one_event_in_two_documents_merge_to_the_more_precise_date():
    events = merge_mentions([_m("d1", "--05-11", agreements=["甲"]), _m("d2", "2015-05-11", agreements=["乙"])])
    assert len(events) == 1
    event = events[0]
    assert event["date"] == "2015-05-11" and event["event_date"] == date(2015, 5, 11)
    assert event["mention_count"] == 2 and event["doc_ids"] == ["d1", "d2"]
    assert event["agreements"] == sorted(["甲", "乙"])


def test_different_dates_types_or_parties_stay_apart():
    events = merge_mentions([
        _m("d1", "2015-05-11"), _m("d2", "2016-05-11"),
        _m("d3", "2015-05-11", kind="joint_meeting"),
        _m("d4", "2015-05-11", parties=("甲市", "丙市")),
    ])
    assert len(events) == 4
    assert len({e["event_id"] for e in events}) == 4


def test_an_undated_mention_joins_only_an_unambiguous_event():
    assert len(merge_mentions([_m("d1", "2015"), _m("d2", None)])) == 1
    assert len(merge_mentions([_m("d1", "2015"), _m("d2", "2017"), _m("d3", None)])) == 3


def test_party_order_does_not_matter():
    events = merge_mentions([_m("d1", "2015", parties=("乙市", "甲市")), _m("d2", "2015", parties=("甲市", "乙市"))])
    assert len(events) == 1 and events[0]["parties"] == sorted(["甲市", "乙市"])


def test_two_mentions_from_one_document_stay_two_events():
    events = merge_mentions([_m("d1", "2024-07-28", agreements=["甲"]), _m("d1", "2024-07-28", agreements=["乙"]),
                             _m("d2", "2024-07-28", agreements=["甲"])])
    assert sorted(e["mention_count"] for e in events) == [1, 2]
    assert len({e["event_id"] for e in events}) == 2


def test_a_year_and_a_day_that_year_lacks_combine_to_the_month():
    from cooperation_pipeline.core.merging import combine_dates

    assert combine_dates((2023, None, None), (None, 2, 29)) == (2023, 2, None)
    assert combine_dates((2024, None, None), (None, 2, 29)) == (2024, 2, 29)


def test_a_mention_with_an_impossible_date_merges_without_an_event_date():
    from cooperation_pipeline.core.merging import merge_mentions

    mention = {"mention_id": "m1", "doc_id": "d1", "event_type": "agreement_signing", "parties": ["甲", "乙"],
               "date": "2023-02-29", "agreements": [], "domains": [], "evidence": "…", "background": False}
    (event,) = merge_mentions([mention])
    assert event["event_date"] is None

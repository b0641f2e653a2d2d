"""Sentences keep their offsets into the document: evidence is cut from them."""
from __future__ import annotations

from cooperation_pipeline.core.sentences import split_sentences


def test_sentences_keep_offsets():
    doc = "标题\n第一句。第二句;第三句\n"
    ss = split_sentences(doc, title_len=3)
    assert [s.text for s in ss] == ["标题", "第一句。", "第二句;", "第三句"]
    assert ss[0].is_title and not ss[1].is_title
    assert all(doc[s.start:s.end] == s.text for s in ss)

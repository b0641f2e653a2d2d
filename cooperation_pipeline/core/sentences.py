"""Sentences with their offsets: the unit events are found in and the evidence they cite."""
from __future__ import annotations

import re
from dataclasses import dataclass

@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int
    is_title: bool = False
    subject: str | None = None  # a clause split off a sentence: the sentence's signer (see _signing_clauses)
    # …and the span of the sentence's opening before its first signing clause (去年,), which it shares
    opening: tuple[int, int] | None = None


_SPLIT_RE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+|$)")


def split_sentences(doc: str, title_len: int = 0) -> list[Sentence]:
    """Sentences with their offsets in ``doc``; each line is a paragraph."""
    out: list[Sentence] = []
    pos = 0
    for para_idx, line in enumerate(doc.split("\n")):
        for m in _SPLIT_RE.finditer(line):
            if m.start() == m.end():
                continue
            raw = m.group(0)
            if raw.strip():
                start = pos + m.start()
                out.append(Sentence(start, start + len(raw), raw, para_idx,
                                    is_title=title_len > 0 and start < title_len))
        pos += len(line) + 1
    return out

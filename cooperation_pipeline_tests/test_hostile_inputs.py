"""Hostile inbox files through the whole pipeline: every file accounted for, decodable ones yield events."""

import random
import shutil

import opencc
import pytest

from cooperation_pipeline.cli import main
from cooperation_pipeline_tests.conftest import REPO, SEEDS, coop_run_in

ARTICLES = REPO / "cooperation_pipeline_tests" / "articles"


def _seed(name_prefix: str) -> str:
    return next(SEEDS.glob(f"{name_prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inbox = root / "inbox"
    (inbox / "sub dir").mkdir(parents=True)
    rng = random.Random(7)
    simplified_004 = _seed("004")
    files = {
        "utf8_bom.txt": b"\xef\xbb\xbf" + _seed("003").encode("utf-8"),
        "utf16.txt": _seed("000").encode("utf-16"),
        "gbk.txt": simplified_004.encode("gbk"),
        "big5.txt": opencc.OpenCC("s2t").convert(_seed("001")).encode("big5", errors="ignore"),
        "truncated_utf8.txt": _seed("002").encode("utf-8") + "签署".encode("utf-8")[:-1],
        "empty.txt": b"",
        "blank.txt": b"  \n\t\r\n ",
        "random.bin": bytes(rng.getrandbits(8) for _ in range(4096)),
        "picture.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(2048)),
        "sub dir/名字 with 'quotes' & spaces.txt": (ARTICLES / "100_henan-beijing-framework.txt").read_bytes(),
        "huge.txt": simplified_004.encode("utf-8") * 4000,  # ~30 MB, above the 20 MiB default limit
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    shutil.copy(SEEDS / next(SEEDS.glob("004_*.txt")).name, inbox / "same_bytes_as_gbk_article_in_utf8.txt")
    coop_run_in(root, inbox)
    import duckdb

    con = duckdb.connect(str(root / "warehouse" / "cooperation.duckdb"), read_only=True)
    yield con, files, root
    con.close()


def _documents(con):
    return {r[0]: r[1:] for r in con.execute(
        "SELECT source_path, status, reject_reason, encoding, doc_id FROM documents").fetchall()}


def test_every_file_is_accounted_for_with_precise_reasons(hostile):
    con, files, _ = hostile
    docs = _documents(con)
    assert set(docs) == set(files) | {"same_bytes_as_gbk_article_in_utf8.txt"}
    rejected = {path: reason for path, (status, reason, _, _) in docs.items() if status == "rejected"}
    assert rejected == {"empty.txt": "empty", "blank.txt": "empty", "random.bin": "binary_content",
                        "picture.png": "binary_content", "huge.txt": "too_large"}
    assert all(docs[p][0] == "processed" for p in docs if p not in rejected)


def test_each_encoding_is_detected_and_decoded(hostile):
    con, _, _ = hostile
    docs = _documents(con)
    assert docs["gbk.txt"][2] in ("gb18030", "gbk")
    assert docs["big5.txt"][2] == "big5"
    assert docs["utf16.txt"][2].startswith("utf-16")
    assert docs["utf8_bom.txt"][2] == "utf-8-sig"


def test_decodable_files_yield_events(hostile):
    con, _, _ = hostile
    rows = con.execute("""
        SELECT d.source_path, count(m.mention_id) FROM documents d
        LEFT JOIN event_mentions m USING (doc_id) WHERE d.status = 'processed' GROUP BY 1""").fetchall()
    without = [path for path, n in rows if n == 0]
    assert not without, without


def test_a_few_invalid_bytes_are_processed_with_a_flag(hostile):
    con, _, _ = hostile
    flags = con.execute("""SELECT c.quality_flags FROM cleaned_documents c JOIN documents d USING (doc_id)
                           WHERE d.source_path = 'truncated_utf8.txt'""").fetchone()[0]
    assert "invalid_bytes_replaced" in flags


def test_the_same_article_in_two_encodings_is_a_near_duplicate_and_counted_once(hostile):
    con, _, _ = hostile
    docs = _documents(con)
    gbk, utf8 = docs["gbk.txt"][3], docs["same_bytes_as_gbk_article_in_utf8.txt"][3]
    assert gbk != utf8  # different bytes, different documents ...
    duplicates = dict(con.execute("SELECT doc_id, duplicate_of FROM cleaned_documents").fetchall())
    assert {duplicates[gbk], duplicates[utf8]} - {None} <= {gbk, utf8} and (duplicates[gbk] or duplicates[utf8])
    in_events = con.execute("SELECT count(*) FROM events WHERE list_contains(doc_ids, ?) AND list_contains(doc_ids, ?)",
                            [gbk, utf8]).fetchone()[0]
    assert in_events == 0  # ... whose events are not double-counted


def test_status_shows_the_rejections(hostile, capsys, monkeypatch):
    _, _, root = hostile
    monkeypatch.setenv("COOP_INBOX", str(root / "inbox"))
    monkeypatch.setenv("COOP_WAREHOUSE", str(root / "warehouse"))
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "binary_content" in out and "too_large" in out

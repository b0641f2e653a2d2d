from datetime import datetime, timezone

from cooperation_pipeline.inbox import InboxFile, chunk, new_batch_id, new_files, scan_inbox


def test_scan_finds_subfolders_and_odd_names_but_skips_hidden_files(tmp_path):
    (tmp_path / "sub dir").mkdir()
    (tmp_path / "sub dir" / "新闻 'quoted'.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".partial.txt").write_text("being written")
    paths = [f.path for f in scan_inbox(tmp_path)]
    assert paths == ["a.txt", "sub dir/新闻 'quoted'.txt"]


def test_scan_of_a_missing_inbox_is_empty(tmp_path):
    assert scan_inbox(tmp_path / "nope") == []


def test_new_files_are_unseen_path_size_mtime_triples():
    a, b = InboxFile("a.txt", 3, 10), InboxFile("b.txt", 4, 11)
    changed_a = InboxFile("a.txt", 5, 12)
    assert new_files([a, b], {("a.txt", 3, 10)}) == [b]
    assert new_files([changed_a, b], {("a.txt", 3, 10), ("b.txt", 4, 11)}) == [changed_a]


def test_chunk_bounds_batches():
    files = [InboxFile(str(i), 1, 1) for i in range(7)]
    assert [len(c) for c in chunk(files, 3)] == [3, 3, 1]


def test_batch_ids_sort_by_time_and_differ_by_content():
    files = [InboxFile("a.txt", 1, 1)]
    early = new_batch_id(files, datetime(2026, 1, 1, 8, 0, tzinfo=timezone.utc))
    late = new_batch_id(files, datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc))
    other = new_batch_id([InboxFile("b.txt", 1, 1)], datetime(2026, 1, 1, 8, 0, tzinfo=timezone.utc))
    assert early.startswith("20260101T080000Z-") and early < late and early != other

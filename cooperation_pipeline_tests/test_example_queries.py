"""The README's "Example questions", parsed out of README.md and run against real warehouses.

Expectations come from the hand annotations (gold/seeds.json, gold/articles.json), not from what the
queries return: the seeds' warehouse for most questions; for the two the seeds cannot answer (foreign
friendship cities, rejected files) a second warehouse of the seeds plus two annotated articles with
foreign partners, an empty file and a binary file.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter

import duckdb
import pytest

from cooperation_pipeline.core.domains import classify
from cooperation_pipeline_tests.conftest import GOLD, REPO, SEEDS, coop_run_in

ARTICLES = REPO / "cooperation_pipeline_tests" / "articles"
FOREIGN_ARTICLES = ("107_yuncheng-uiwang-friendship.txt", "111_hefei-wonju-20th-anniversary.txt")
SIGNINGS = {"agreement_signing", "friendship_established"}


def example_questions() -> dict[str, str]:
    """{heading: sql} of every ```sql block under a ### heading in README's "Example questions"."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Example questions\n(.*?)(?=^## )", readme, re.S | re.M)
    assert section, "README.md has no '## Example questions' section"
    found = re.findall(r"^### (.+?)\n+```sql\n(.*?)```", section.group(1), re.S | re.M)
    return {title.strip(): sql.strip() for title, sql in found}


QUESTIONS = example_questions()


def run(con, title: str) -> list[dict]:
    cursor = con.execute(QUESTIONS[title])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def gold(name: str) -> list[dict]:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))["documents"]


SEED_GOLD = gold("seeds.json")
GOLD_EVENTS = [e for d in SEED_GOLD for e in d["events"]]


def _year(date):
    return int(date[:4]) if date and re.match(r"^\d{4}", date) else None


@pytest.fixture(scope="module")
def extended_db(tmp_path_factory):
    """`coop run` on the seeds plus two articles with foreign partners, an empty and a binary file."""
    root = tmp_path_factory.mktemp("extended")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox)
    for name in FOREIGN_ARTICLES:
        shutil.copy(ARTICLES / name, inbox / name)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "scan.txt").write_bytes(bytes(range(256)) * 12)
    coop_run_in(root, inbox)
    con = duckdb.connect(str(root / "warehouse" / "cooperation.duckdb"), read_only=True)
    yield con
    con.close()


def test_readme_has_a_dozen_questions_each_tested():
    assert len(QUESTIONS) >= 12, sorted(QUESTIONS)
    tested = {name[len("test_"):] for name in globals() if name.startswith("test_")}
    untested = [t for t in QUESTIONS if slug(t) not in tested]
    assert not untested, f"README questions without a test: {untested}"


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")


def test_every_question_runs_on_the_seeds(seed_db):
    for title, sql in QUESTIONS.items():
        seed_db.execute(sql).fetchall()  # raises on a typo or a renamed column


def test_the_most_connected_regions(seed_db):
    rows = run(seed_db, "The most connected regions")
    events = Counter(p for e in GOLD_EVENTS for p in e["parties"])
    busiest = {r for r, n in events.items() if n == max(events.values())}
    assert busiest == {"北京市朝阳区", "湖南省长沙市"}
    assert {r["name"] for r in rows[: len(busiest)]} == busiest
    assert rows[0]["event_count"] >= max(events.values())
    partners: dict[str, set] = {}
    for e in GOLD_EVENTS:
        for p in e["parties"]:
            partners.setdefault(p, set()).update(set(e["parties"]) - {p})
    by_name = {r["name"]: r for r in rows}
    for region in busiest:
        assert by_name[region]["partner_count"] == len(partners[region]), region


def test_who_cooperates_with_whom_in_health(seed_db):
    rows = run(seed_db, "Who cooperates with whom in health")
    got = {(r["region_a"], r["region_b"]) for r in rows}
    expected = {tuple(sorted(e["parties"])) for e in GOLD_EVENTS if len(e["parties"]) == 2
                and "health" in {k for label in e.get("domains", []) for k in classify(label)}}
    # 朝阳-长沙 (医疗健康), 海淀-贵阳 (卫生), 昆明-朝阳 (卫生), 西城-秦皇岛 (医疗, 康养)
    assert len(expected) == 4
    # Domain extraction is measured elsewhere; the query must surface what was extracted, which today
    # misses 昆明-朝阳 (卫生 sits in a sentence the extractor does not read as the agreement's content).
    assert len(expected & got) >= 3, expected - got
    pairs = {(r[0], r[1]) for r in seed_db.execute(
        "SELECT region_a, region_b FROM region_pairs WHERE list_contains(domains, 'health')").fetchall()}
    assert got == pairs


def test_cooperation_per_year(seed_db):
    rows = {r["year"]: r for r in run(seed_db, "Cooperation per year")}
    gold_events = Counter(_year(e["date"]) for e in GOLD_EVENTS if _year(e["date"]))
    gold_signings = Counter(_year(e["date"]) for e in GOLD_EVENTS if _year(e["date"]) and e["type"] in SIGNINGS)
    assert set(rows) == set(gold_events) == {2013, 2015, 2017, 2024}
    for year, n in gold_events.items():
        assert rows[year]["events"] >= n, year
        assert rows[year]["signings"] == gold_signings[year], year


def test_the_agreements_of_one_city(seed_db):
    rows = run(seed_db, "The agreements of one city")
    expected = {a for e in GOLD_EVENTS if "湖南省长沙市" in e["parties"] for a in e["agreements"]}
    assert {r["name"] for r in rows} == expected
    assert all("湖南省长沙市" in r["parties"] for r in rows)


def test_officials_who_appear_for_two_regions(seed_db):
    rows = run(seed_db, "Officials who appear for two regions")
    regions: dict[str, set] = {}
    for d in SEED_GOLD:
        for o in d["officials"]:
            regions.setdefault(o["name"], set()).add(o["region"])
    expected = {name: sorted(r) for name, r in regions.items() if len(r) > 1}
    assert expected == {"吴桂英": ["北京市朝阳区", "湖南省长沙市"]}
    assert {r["name"]: r["regions"] for r in rows} == expected


def test_friendship_cities_abroad(seed_db, extended_db):
    assert run(seed_db, "Friendship cities abroad") == []  # the seeds are all domestic
    rows = run(extended_db, "Friendship cities abroad")
    annotated = [d for d in gold("articles.json") if d["file"] in FOREIGN_ARTICLES]
    expected = set()
    for d in annotated:
        for e in d["events"]:
            if e["type"] == "friendship_established":
                home = [p for p in e["parties"] if not p.startswith("韩国")]
                abroad = [p for p in e["parties"] if p.startswith("韩国")]
                expected.add((home[0], abroad[0]))
    assert expected == {("山西省运城市", "韩国义王市"), ("安徽省合肥市", "韩国原州市")}
    assert {(r["chinese_region"], r["foreign_region"]) for r in rows} == expected


def test_the_events_of_one_region_over_time(seed_db):
    rows = run(seed_db, "The events of one region over time")
    expected = [e for e in GOLD_EVENTS if "北京市朝阳区" in e["parties"]]
    assert len(rows) == len(expected) == 6
    assert Counter(r["event_type"] for r in rows) == Counter(e["type"] for e in expected)
    # Year-known events first, in order; then month-day only; then undated.
    dated = [r["date"] for r in rows if _year(r["date"])]
    assert dated == sorted(dated) and rows[0]["date"] == "2015"
    assert rows[-1]["date"] is None


def test_events_with_more_than_two_parties(seed_db):
    rows = run(seed_db, "Events with more than two parties")
    expected = [e for e in GOLD_EVENTS if len(e["parties"]) > 2]
    assert len(rows) == len(expected) == 3
    assert Counter(r["event_type"] for r in rows) == Counter(e["type"] for e in expected)
    assert all(sorted(r["parties"]) == sorted(expected[0]["parties"]) for r in rows)
    assert {a for r in rows for a in r["agreements"]} == {a for e in expected for a in e["agreements"]}


def test_documents_with_a_quality_flag(seed_db):
    rows = run(seed_db, "Documents with a quality flag")
    expected = {d["file"] for d in SEED_GOLD if any("HTML" in note for note in d["quality_notes"])}
    assert expected == {"002_771ac3889fb976f9.txt"}
    assert {r["source_path"] for r in rows} == expected


def test_rejected_files_and_why(seed_db, extended_db):
    assert run(seed_db, "Rejected files and why") == []  # every seed is an article
    rows = run(extended_db, "Rejected files and why")
    assert [(r["source_path"], r["reject_reason"], r["byte_size"]) for r in rows] == [
        ("scan.txt", "binary_content", 256 * 12), ("empty.txt", "empty", 0)]


def test_the_officials_of_one_region(seed_db):
    rows = run(seed_db, "The officials of one region")
    expected = {o["name"] for d in SEED_GOLD for o in d["officials"] if o["region"] == "河北省秦皇岛市"}
    assert len(expected) == 6
    assert {r["name"] for r in rows} == expected
    leads = {o["name"] for d in SEED_GOLD for o in d["officials"]
             if o["region"] == "河北省秦皇岛市" and o["role"] == "lead"}
    assert {r["name"] for r in rows if "lead" in (r["roles"] or [])} == leads


def test_articles_first_published_in_traditional_script(seed_db):
    rows = run(seed_db, "Articles first published in traditional script")
    expected = {d["file"] for d in SEED_GOLD if d["script"] == "traditional"}
    assert {r["source_path"] for r in rows} == expected == {"002_771ac3889fb976f9.txt"}
    assert str(rows[0]["publish_date"]) == next(d["publish_date"] for d in SEED_GOLD if d["script"] == "traditional")


def test_the_most_common_cooperation_domains(seed_db):
    rows = {r["domain"]: r for r in run(seed_db, "The most common cooperation domains")}
    gold_counts = Counter(k for e in GOLD_EVENTS for k in {k for label in e.get("domains", [])
                                                          for k in classify(label)})
    # Every domain the annotators gave to three or more events is found in at least that many.
    common = {k: n for k, n in gold_counts.items() if n >= 3}
    assert {"education", "health", "science_technology"} <= set(common)
    for key, n in common.items():
        assert rows[key]["events"] >= n, key
    ranked = list(rows)
    assert ranked == sorted(ranked, key=lambda k: (-rows[k]["events"], k))


# --- `coop sql` output formats -------------------------------------------------------------------
SQL = "SELECT name, event_count, first_date, first_date IS NULL AS undated FROM regions ORDER BY event_count DESC, name"
DATES = "SELECT doc_id, publish_date, ingested_at, quality_flags FROM cleaned_documents JOIN documents USING (doc_id)"


def coop_sql(capsys, *args) -> tuple[int, str, str]:
    from cooperation_pipeline.cli import main

    capsys.readouterr()
    code = main(["sql", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_coop_sql_still_prints_an_aligned_table(seed_env, capsys):
    code, out, _ = coop_sql(capsys, SQL)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split(" │ ")[0].strip() == "name" and "─┼─" in lines[1]
    assert lines[-1] == "(11 rows)"
    assert len({line.index("│") for line in lines[2:-1] if "│" in line}) >= 1


def test_coop_sql_csv_and_json(seed_env, seed_db, capsys):
    import csv
    import io

    expected = seed_db.execute(SQL).fetchall()
    code, out, _ = coop_sql(capsys, SQL, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["name", "event_count", "first_date", "undated"]
    assert [r[0] for r in rows[1:]] == [e[0] for e in expected]
    assert "北京市朝阳区" in {r[0] for r in rows[1:3]}

    code, out, _ = coop_sql(capsys, DATES, "--format", "json")
    records = json.loads(out)
    assert isinstance(records, list) and len(records) == 5
    assert set(records[0]) == {"doc_id", "publish_date", "ingested_at", "quality_flags"}
    dated = [r for r in records if r["publish_date"]]
    assert {r["publish_date"] for r in dated} == {d["publish_date"] for d in SEED_GOLD if d["publish_date"]}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["publish_date"]) for r in dated)
    assert all(re.match(r"\d{4}-\d{2}-\d{2}T", r["ingested_at"]) for r in records)
    assert all(isinstance(r["quality_flags"], list) for r in records)


def test_coop_sql_writes_files_atomically(seed_env, seed_db, capsys, tmp_path):
    import pyarrow.parquet as pq

    target = tmp_path / "out" / "regions.parquet"
    code, out, err = coop_sql(capsys, SQL, "--format", "parquet", "--output", str(target))
    assert code == 0 and out == "" and "11 rows written" in err
    table = pq.read_table(target)
    assert table.column_names == ["name", "event_count", "first_date", "undated"]
    assert table.to_pylist()[0]["name"] in {"北京市朝阳区", "湖南省长沙市"}
    assert not list(target.parent.glob(".*.tmp"))

    for fmt in ("json", "csv", "table"):
        path = tmp_path / f"regions.{fmt}"
        assert coop_sql(capsys, SQL, "--format", fmt, "-o", str(path))[0] == 0
        assert "北京市朝阳区" in path.read_text(encoding="utf-8")
    assert len(json.loads((tmp_path / "regions.json").read_text(encoding="utf-8"))) == 11


def test_coop_sql_parquet_needs_an_output(seed_env, capsys):
    code, out, err = coop_sql(capsys, SQL, "--format", "parquet")
    assert code == 2 and "--output" in err and out == ""

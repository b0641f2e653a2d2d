

import dataclasses

from cooperation_pipeline.cli import display_width, format_table, main


def test_tables_stay_aligned_with_chinese_text():
    lines = format_table(["region_a", "n"], [("北京市朝阳区", 3), ("ab", 12)]).splitlines()
    assert len({display_width(line.split("│")[0]) for line in lines if "│" in line}) == 1


def test_sql_prints_the_seed_pairs(seed_env, capsys):
    assert main(["sql", "SELECT region_a, region_b FROM region_pairs ORDER BY 1, 2"]) == 0
    out = capsys.readouterr().out
    assert "北京市朝阳区" in out and "湖南省长沙市" in out and "rows)" in out


def test_sql_errors_are_one_clear_line(seed_env, capsys):
    assert main(["sql", "SELECT * FROM no_such_table"]) == 2
    assert "no_such_table" in capsys.readouterr().err


def test_status_counts_the_inbox(seed_env, capsys):
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "processed" in out and " 5" in out


def test_a_second_run_with_nothing_new_does_nothing(seed_env, capsys):
    assert main(["run"]) == 0
    assert "nothing new" in capsys.readouterr().out


def test_sql_before_any_run_says_to_run_first(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COOP_WAREHOUSE", str(tmp_path / "empty"))
    assert main(["sql", "SELECT 1"]) == 2
    assert "coop run" in capsys.readouterr().err


def test_the_summary_of_a_run_whose_all_batch_tables_failed_says_what_is_missing(tmp_path, capsys):
    """A first run that fails before the entity tables leaves views for only some tables."""
    from cooperation_pipeline.cli import print_summary
    from cooperation_pipeline.settings import load_settings
    from cooperation_pipeline.warehouse import SCHEMAS, Warehouse

    warehouse = Warehouse(tmp_path / "warehouse")
    warehouse.write("documents", SCHEMAS["documents"].empty_table(), batch_id="b1")
    warehouse.publish_views()
    print_summary(dataclasses.replace(load_settings(), warehouse=tmp_path / "warehouse"))
    out = capsys.readouterr().out
    assert "documents:" in out and "tables: not available yet" in out


def test_the_coop_command_flushes_its_output_and_keeps_the_exit_code(seed_env):
    """`coop` ends with os._exit (no interpreter teardown): buffered output must still arrive."""
    import subprocess
    import sys
    from pathlib import Path

    coop = str(Path(sys.executable).parent / "coop")
    query = "SELECT region_a, region_b FROM region_pairs ORDER BY 1, 2"
    done = subprocess.run([coop, "sql", query, "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "region_a,region_b" and "北京市朝阳区" in done.stdout
    failed = subprocess.run([coop, "sql", "SELECT * FROM no_such_table"], capture_output=True, text=True, timeout=120)
    assert failed.returncode == 2 and "no_such_table" in failed.stderr

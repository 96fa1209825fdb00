#!/usr/bin/env python3
"""Writes the innovations of a JIPPNas SQLite database as a CSV in the exchange format (source JIPPNAS columns).

Used by bench/import/run.sh to turn `synthetic N` rows (1-5 KB of Indonesian text each) into the file the import
benchmark reads: python3 export-csv.py DB.sqlite OUT.csv [SOURCE]
"""
import csv
import sqlite3
import sys

NARRATIVE = ["summary", "problem", "aims", "novelty", "implementation", "impact", "adaptability", "resources", "sustainability"]


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    database, out = sys.argv[1], sys.argv[2]
    source = sys.argv[3] if len(sys.argv) > 3 else "KIPP"
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = db.execute(
        "SELECT i.id, i.name, i.acronym, i.unit_name, i.province_code, i.regency_code, i.year_started, s.code, "
        + ", ".join("i." + f for f in NARRATIVE)
        + " FROM innovations i LEFT JOIN sectors s ON s.id = i.sector_id ORDER BY i.id"
    )
    count = 0
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "source_id", "name", "acronym", "agency", "province", "regency_city", "year", "sector", *NARRATIVE])
        for row in rows:
            identifier, name, acronym, unit, province, regency, year, sector, *narrative = row
            writer.writerow([source, f"BENCH-{identifier}", name[:300], acronym, unit, province, regency, year, sector,
                             *[(text or "")[:20000] for text in narrative]])
            count += 1
    print(f"{count} rows written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes the innovations of a JIPPNas SQLite database as a CSV in the exchange format (source JIPPNAS columns).

Used by bench/import/run.sh to turn `synthetic N` rows (1-5 KB of Indonesian text each) into the files the import
benchmark reads:

    python3 export-csv.py DB.sqlite OUT.csv [SOURCE] [--skip M] [--limit N] [--synthetic-only]

SOURCE (default KIPP) goes into the `source` column, `BENCH-{id}` into `source_id`. --skip and --limit take a slice
of the innovations in id order, so one synthetic database gives several files of different rows (run.sh writes
the first N rows to one file and the next N to another). --synthetic-only leaves out the innovations that are not
synthetic (the six first records every new database is given, a few hundred bytes each). Prints `N rows written to OUT` on standard error and one
machine line on standard output: EXPORT rows=… bytes=… avg_row_bytes=… min_row_bytes=… max_row_bytes=…
(a row's bytes: its CSV line, UTF-8).
"""
import argparse
import csv
import io
import os
import sqlite3
import sys

# Provenance.Synthetic in src/Jippnas.Web/Domain/Innovation.cs.
SYNTHETIC = 9
NARRATIVE = ["summary", "problem", "aims", "novelty", "implementation", "impact", "adaptability", "resources", "sustainability"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], usage="export-csv.py DB.sqlite OUT.csv [SOURCE] [--skip M] [--limit N] [--synthetic-only]")
    parser.add_argument("database")
    parser.add_argument("out")
    parser.add_argument("source", nargs="?", default="KIPP")
    parser.add_argument("--skip", type=int, default=0, help="innovations to leave out first (in id order)")
    parser.add_argument("--limit", type=int, default=-1, help="innovations to write at most (default all)")
    parser.add_argument("--synthetic-only", action="store_true", help="only innovations the synthetic command added")
    args = parser.parse_intermixed_args()
    if args.skip < 0:
        parser.error("--skip must not be negative")

    db = sqlite3.connect(f"file:{args.database}?mode=ro", uri=True)
    rows = db.execute(
        "SELECT i.id, i.name, i.acronym, i.unit_name, i.province_code, i.regency_code, i.year_started, s.code, "
        + ", ".join("i." + f for f in NARRATIVE)
        + " FROM innovations i LEFT JOIN sectors s ON s.id = i.sector_id"
        + (f" WHERE i.provenance = {SYNTHETIC}" if args.synthetic_only else "")
        + " ORDER BY i.id LIMIT ? OFFSET ?",
        (args.limit, args.skip),
    )
    count, total, smallest, largest = 0, 0, None, 0
    line = io.StringIO()
    writer = csv.writer(line)
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        handle.write(_line(writer, line, ["source", "source_id", "name", "acronym", "agency", "province", "regency_city", "year", "sector", *NARRATIVE]))
        for row in rows:
            identifier, name, acronym, unit, province, regency, year, sector, *narrative = row
            text = _line(writer, line, [args.source, f"BENCH-{identifier}", name[:300], acronym, unit, province, regency, year, sector,
                                        *[(text or "")[:20000] for text in narrative]])
            handle.write(text)
            size = len(text.encode("utf-8"))
            total += size
            smallest = size if smallest is None else min(smallest, size)
            largest = max(largest, size)
            count += 1
    print(f"{count} rows written to {args.out}", file=sys.stderr)
    print(f"EXPORT rows={count} bytes={os.path.getsize(args.out)} avg_row_bytes={total // max(count, 1)} "
          f"min_row_bytes={smallest or 0} max_row_bytes={largest}")
    return 0


def _line(writer, buffer: io.StringIO, cells) -> str:
    buffer.seek(0)
    buffer.truncate()
    writer.writerow(cells)
    return buffer.getvalue()


if __name__ == "__main__":
    sys.exit(main())

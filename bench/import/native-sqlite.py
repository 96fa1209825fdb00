#!/usr/bin/env python3
"""SQLite's own bulk load of an exchange-format CSV, what bench/import/run.sh compares the product's import with.

    python3 native-sqlite.py DB CSV [--loader cli|python]

Into a new database DB (WAL, as the portal's): the CSV's rows into a plain table of text columns in one
transaction, then an external-content FTS5 table (unicode61) over the name, the acronym and the nine narrative
columns, filled by FTS5's 'rebuild'. Two timed steps, printed as one machine line on standard output:

    NATIVE engine=SQLite loader=… rows=… load_seconds=… index_seconds=… seconds=… rate=… size_mb=…

--loader cli (the default when the sqlite3 shell is installed) loads with the shell's `.import --csv`;
--loader python with Python's csv reader and one executemany. Either way the FTS5 build runs in SQLite itself.
"""
import argparse
import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import time

COLUMNS = ["source", "source_id", "name", "acronym", "agency", "province", "regency_city", "year", "sector",
           "summary", "problem", "aims", "novelty", "implementation", "impact", "adaptability", "resources", "sustainability"]
INDEXED = ["name", "acronym", "summary", "problem", "aims", "novelty", "implementation", "impact", "adaptability", "resources", "sustainability"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], usage="native-sqlite.py DB CSV [--loader cli|python]")
    parser.add_argument("database")
    parser.add_argument("csv")
    parser.add_argument("--loader", choices=["cli", "python"], default="cli" if shutil.which("sqlite3") else "python")
    args = parser.parse_args()
    if args.loader == "cli" and not shutil.which("sqlite3"):
        parser.error("--loader cli needs the sqlite3 shell (apt-get install sqlite3)")

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.database + suffix):
            os.remove(args.database + suffix)
    db = sqlite3.connect(args.database, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(f"CREATE TABLE bench_rows ({', '.join(c + ' TEXT' for c in COLUMNS)})")
    db.close()

    started = time.perf_counter()
    if args.loader == "cli":
        # The shell wraps .import in one transaction; --skip 1 leaves out the header row.
        subprocess.run(["sqlite3", "-bail", args.database, f".import --csv --skip 1 '{args.csv}' bench_rows"], check=True)
        db = sqlite3.connect(args.database, isolation_level=None)
    else:
        db = sqlite3.connect(args.database, isolation_level=None)
        csv.field_size_limit(2_000_000)
        with open(args.csv, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            next(reader)
            db.execute("BEGIN")
            db.executemany(f"INSERT INTO bench_rows VALUES ({', '.join('?' * len(COLUMNS))})", reader)
            db.execute("COMMIT")
    load = time.perf_counter() - started
    rows = db.execute("SELECT count(*) FROM bench_rows").fetchone()[0]

    db.execute(f"CREATE VIRTUAL TABLE bench_fts USING fts5({', '.join(INDEXED)}, content = 'bench_rows', tokenize = 'unicode61')")
    started = time.perf_counter()
    db.execute("INSERT INTO bench_fts (bench_fts) VALUES ('rebuild')")
    index = time.perf_counter() - started
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    size = sum(os.path.getsize(args.database + s) for s in ("", "-wal") if os.path.exists(args.database + s)) / 1048576
    seconds = load + index
    print(f"NATIVE engine=SQLite loader={args.loader} rows={rows} load_seconds={load:.2f} index_seconds={index:.2f} "
          f"seconds={seconds:.2f} rate={rows / max(seconds, 0.001):.0f} size_mb={size:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

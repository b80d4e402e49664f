#!/usr/bin/env python3
"""Writes a synthetic GeoNames dump (19 tab-separated columns, like allCountries.txt) for
scale tests of `eventmap gazetteer build`: plausible made-up names built from syllables
(some with diacritics, apostrophes and hyphens), 0-4 alternate names per row, random
coordinates, feature classes/codes, countries, admin1 codes and populations.

    scripts/make_synthetic_geonames.py --rows 12000000 -o /tmp/synth.txt

Deterministic for a given --seed. Fast: names come from a precomputed pool and rows are
written in large joined chunks.
"""
import argparse
import random
import sys

SYLLABLES = [
    "ka", "ro", "vi", "ne", "sha", "tor", "mel", "ba", "dan", "ul", "ost", "gra", "lin", "mar",
    "pe", "zo", "che", "rin", "vol", "ha", "sel", "bur", "ny", "ti", "kov", "sk", "ar", "el",
    "mo", "lu", "di", "ya", "ber", "gor", "nov", "san", "ta", "que", "ville", "ham", "ton",
    "ö", "é", "ü", "ä", "ł", "ñ", "ş", "ř",
]
SUFFIXES = ["", "", "", "", " Yar", "-on-Sea", " Springs", " City", "ivka", "'ka", "sk", "grad", "pur", "abad"]
COUNTRIES = ["UA", "RU", "US", "GB", "DE", "FR", "CN", "IN", "BR", "NG", "SY", "IQ", "IL", "PS", "YE",
             "SD", "ET", "ML", "AF", "PK", "TR", "IR", "MX", "CO", "ID", "PH", "JP", "KR", "CA", "AU"]
FEATURES = [("P", "PPL")] * 12 + [("P", "PPLA3"), ("P", "PPLX"), ("H", "STM"), ("H", "LK"), ("T", "MT"),
                                  ("T", "HLL"), ("S", "SCH"), ("L", "PRK"), ("A", "ADM3"), ("V", "FRST")]
TIMEZONES = ["Europe/Kyiv", "America/New_York", "Asia/Kolkata", "Africa/Lagos", "Asia/Shanghai", "UTC"]


def make_name(rng: random.Random) -> str:
    n = rng.choice((2, 2, 3, 3, 3, 4))
    s = "".join(rng.choice(SYLLABLES) for _ in range(n)) + rng.choice(SUFFIXES)
    return s[:1].upper() + s[1:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--pool", type=int, default=0, help="distinct names (default: rows/3, at most 4,000,000)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    pool_size = args.pool or max(1000, min(4_000_000, args.rows // 3))
    pool = [make_name(rng) for _ in range(pool_size)]
    # ASCII forms as GeoNames gives them; the builder folds diacritics itself.
    ascii_pool = [p.encode("ascii", "ignore").decode() or "x" for p in pool]

    rand = rng.random
    randrange = rng.randrange
    choice = rng.choice
    chunk = []
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for i in range(args.rows):
            k = randrange(pool_size)
            n_alt = randrange(5)
            alts = ",".join(pool[randrange(pool_size)] for _ in range(n_alt))
            fclass, fcode = choice(FEATURES)
            pop = int(10 ** (rand() * 6)) if fclass == "P" else 0
            chunk.append(
                f"{i + 1}\t{pool[k]}\t{ascii_pool[k]}\t{alts}\t{rand() * 170 - 85:.5f}\t{rand() * 360 - 180:.5f}\t"
                f"{fclass}\t{fcode}\t{choice(COUNTRIES)}\t\t{randrange(1, 40):02d}\t\t\t\t{pop}\t\t{randrange(2000)}\t"
                f"{choice(TIMEZONES)}\t2024-01-01"
            )
            if len(chunk) >= 200_000:
                out.write("\n".join(chunk))
                out.write("\n")
                chunk.clear()
        if chunk:
            out.write("\n".join(chunk))
            out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

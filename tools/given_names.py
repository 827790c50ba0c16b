#!/usr/bin/env python3
"""Adds the first names of datafaker's locales to src/main/resources/dev/noema/extract/lang/given-names-extended.txt.

  mvn -q dependency:get -Dartifact=net.datafaker:datafaker:2.7.0 -Dtransitive=false
  python3 tools/given_names.py ~/.m2/repository/net/datafaker/datafaker/2.7.0/datafaker-2.7.0.jar

datafaker (Apache-2.0) lists real first names per locale (en: the US census lists). Only the languages Noema reads
are taken. A name is left out when it is already listed, shorter than three letters, one of the 5,000 most common
words of its own language, of English or of German, which capitalises every noun ("Summer", "Can", "Art"), one of
the 3,000 most common words of any language Noema has a list for ("Luna", "Vida", "Meta"), or a name in
lang/names.tsv ("Paris", "Virginia"): such a word too often starts something that is no person ("Paris Agreement",
"Luna Park"). Deeper than 3,000, the lists made from film subtitles rank the characters' names among their common
words ("warren" is Spanish word 3,235 there). The names are appended
under their own heading, sorted; running the tool again adds nothing. Standard library only.
"""
import pathlib
import re
import sys
import unicodedata
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANG = ROOT / "src/main/resources/dev/noema/extract/lang"
GIVEN = LANG / "given-names-extended.txt"
CURATED = LANG / "given-names.txt"
NAMES = LANG / "names.tsv"
COMMON = ROOT / "src/main/resources/dev/noema/text/lang"
LOCALES = {"en/name.yml": "en", "en.yml": "en", "de.yml": "de", "fr.yml": "fr", "es.yml": "es", "it.yml": "it",
           "ru.yml": "ru"}
HEADING = "# datafaker 2.7.0"
KEYS = ("first_name:", "male_first_name:", "female_first_name:")


def key(word):
    folded = unicodedata.normalize("NFKD", word.casefold()).replace("ё", "е")
    return "".join(c for c in folded if not unicodedata.combining(c))


def first_names(text):
    """The names under the first-name keys of one locale file: an inline [a, b] list or a '- a' block."""
    names, block = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(KEYS):
            value = stripped.split(":", 1)[1].strip()
            block = value == ""
            if value.startswith("["):
                names += [n.strip().strip("'\"") for n in value.strip("[]").split(",")]
        elif block and stripped.startswith("- "):
            names.append(stripped[2:].strip().strip("'\""))
        elif block and stripped:
            block = False
    return [n for n in names if n and "#" not in n and "{" not in n]


def main(jar):
    common, anywhere = {}, set()
    for f in COMMON.glob("*/common-words.txt"):
        words = [w for w in f.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
        common[f.parent.name] = {key(w) for w in words[:5000]}
        anywhere |= {key(w) for w in words[:3000]}
    places = {key(line.split("\t")[0]) for line in NAMES.read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    text = GIVEN.read_text(encoding="utf-8")
    known = {key(w) for f in (GIVEN, CURATED) for line in f.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") for w in line.split()}
    found = set()
    with zipfile.ZipFile(jar) as z:
        for locale, language in LOCALES.items():
            ordinary = common.get(language, set()) | common["en"] | common["de"] | anywhere
            for name in first_names(z.read(locale).decode("utf-8")):
                for word in name.split():  # "José Luis" gives both
                    k = key(word)
                    if (re.fullmatch(r"[\w'-]{3,}", word) and k not in known and k not in ordinary
                            and k not in places):
                        found.add(word)
                        known.add(k)
    if not found:
        print("nothing to add")
        return
    lines, line = [], ""
    for name in sorted(found, key=key):
        if len(line) + len(name) + 1 > 118:
            lines.append(line)
            line = ""
        line = f"{line} {name}".strip()
    lines.append(line)
    if HEADING not in text:
        lines.insert(0, HEADING)
    GIVEN.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"added {len(found)} names")


if __name__ == "__main__":
    main(sys.argv[1])

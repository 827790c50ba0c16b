#!/usr/bin/env python3
"""Reader judgement of the centres: does a reader keep what the gold file does not list?

The corpus gold lists what an annotator expected of each conversation, and says it is not exhaustive
(import/corpus/README.md). `noema eval` counts a centre outside it as noise. This tool asks readers
instead, blind to where each name came from: every centre of the given evaluations and every gold
entity, shuffled together, judged against the conversation's own text.

  sheets  writes one sheet per conversation (its visible turns, then the names to judge); with
          --verdicts, only the names that folder has no verdict for (a change made new centres)
  score   reads the readers' verdicts and prints, per evaluation, the centres readers keep beside
          the ones the gold lists, and how many gold entities readers keep (their strictness); a
          centre with no verdict counts as noise and is listed. Two folders: their agreement too

  tools/reader_judgement.py sheets --data KB --gold import/corpus/gold --eval devoff=off.json \
      --eval devmod=mod.json --out DIR
  tools/reader_judgement.py score --gold import/corpus/gold --eval devoff=off.json \
      --eval devmod=mod.json --verdicts import/corpus/readers/A --verdicts import/corpus/readers/B

An evaluation is `noema eval --gold GOLD --format json` of a knowledge base. A verdict file is
DIR/<gold file stem>.verdicts.json: {"<name as listed>": {"verdict": "keep" | "noise", "why": "..."}}.
Each reader is a fresh helper given two sheets and nothing else (the brief in the README, "Reader
judgement"); readers of new names write them to a new file that is merged into their folder's.
"""
import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

import yaml  # PyYAML

HERE = Path(__file__).resolve().parent.parent

TURNS = """
PREFIX noema: <https://w3id.org/noema/ontology#>
SELECT ?id ?index ?role ?text WHERE {
  ?c noema:conversationId ?id ; noema:hasTurn ?turn .
  ?turn noema:turnIndex ?index ; noema:text ?text .
  OPTIONAL { ?turn noema:spokenBy/noema:participantRole ?role }
} ORDER BY ?id ?index
"""

INSTRUCTIONS = """You are annotating a conversation for a knowledge graph. Read the whole conversation
first. Then, for each name below, decide whether it belongs on the list of entities that matter in
this conversation: the concepts, people, organisations, places, works, products and methods that a
careful annotator would record, so that someone could later ask a knowledge graph about what was
discussed.

- keep: it names something this conversation actually discusses or relies on (not necessarily one
  of the main topics), and a careful annotator would plausibly list it.
- noise: a generic word that names nothing in particular here ("flavor", "information"), a
  fragment of a longer name that the conversation uses instead, a phrase that is not a name
  (a sentence piece, a section label, filler), something only mentioned in passing that nobody
  would look up, or a name that does not occur in the conversation at all.

Judge each name on its own, as written, against this conversation only. A name may be in another
language than the conversation (a translation); judge the thing it names. Several names may name
the same thing; judge each. Do not guess where the names come from; some are good and some are not.

Answer with a JSON object only, one entry per name, exactly as listed:
{"<name>": {"verdict": "keep" or "noise", "why": "<a few words>"}, ...}
"""


def load_evals(specs):
    evals = {}
    for spec in specs:
        tag, path = spec.split("=", 1)
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        evals[tag] = {c["file"]: c for c in data["gold"]["conversations"]}
    return evals


def gold_files(gold_dir):
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.yaml"))}


def names_to_judge(file, gold, evals):
    names = {e["label"] for e in gold.get("entities", [])}
    for conversations in evals.values():
        conversation = conversations.get(file)
        if conversation:
            names.update(c["label"] for c in conversation["centres"])
    ordered = sorted(names)
    random.Random(file).shuffle(ordered)  # the same order on every run, unrelated to the source
    return ordered


def turns_by_conversation(data):
    out = subprocess.run(
        [str(HERE / "noema"), "query", "--data", data, "--format", "json", "--sparql", TURNS],
        check=True, capture_output=True, text=True).stdout
    rows = json.loads(out)
    rows = rows["results"]["bindings"] if isinstance(rows, dict) else rows
    turns = {}
    for row in rows:
        value = (lambda k: row[k]["value"] if isinstance(row.get(k), dict) else row.get(k))
        turns.setdefault(value("id"), []).append((int(value("index")), value("role") or "?", value("text")))
    return turns


def sheets(args):
    evals = load_evals(args.eval)
    turns = turns_by_conversation(args.data)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for file, gold in gold_files(args.gold).items():
        ids = {c["conversationId"] for conversations in evals.values() for c in conversations.values()
               if c["file"] == file}
        if len(ids) != 1 or next(iter(ids)) not in turns:
            sys.exit(f"{file}: not found in {args.data}")
        text = [f"### Turn {i} ({role})\n\n{body}\n" for i, role, body in sorted(turns[next(iter(ids))])]
        names = names_to_judge(file, gold, evals)
        if args.verdicts:
            done = Path(args.verdicts) / (Path(file).stem + ".verdicts.json")
            judged = json.loads(done.read_text(encoding="utf-8")) if done.exists() else {}
            names = [n for n in names if n not in judged]
            if not names:
                continue
        sheet = (INSTRUCTIONS + "\n## The conversation\n\n" + "\n".join(text)
                 + "\n## The names to judge\n\n" + "\n".join(f"- {n}" for n in names) + "\n")
        (out / (Path(file).stem + ".sheet.md")).write_text(sheet, encoding="utf-8")
        print(f"{file}: {len(names)} names, {len(turns[next(iter(ids))])} turns")


def read_verdicts(directory, golds):
    """Per gold file, each judged name: True for keep, False for noise."""
    verdicts = {}
    for file in golds:
        path = Path(directory) / (Path(file).stem + ".verdicts.json")
        if not path.exists():
            sys.exit(f"{path}: missing")
        judged = json.loads(path.read_text(encoding="utf-8"))
        for name, v in judged.items():
            if not isinstance(v, dict) or v.get("verdict") not in ("keep", "noise"):
                sys.exit(f"{path}: {name!r}: the verdict must be \"keep\" or \"noise\"")
        verdicts[file] = {n: v["verdict"] == "keep" for n, v in judged.items()}
    return verdicts


def score(args):
    evals = load_evals(args.eval)
    golds = gold_files(args.gold)
    readers = {d: read_verdicts(d, golds) for d in args.verdicts}
    print(f"{'evaluation':<10} {'readers':<24} {'gold top-10':>12} {'reader top-10':>14} {'either':>7}"
          f"   gold entities readers keep")
    for tag, conversations in evals.items():
        for directory, verdicts in readers.items():
            gold_hits = reader_hits = either = centres = kept_gold = gold_total = 0
            unjudged = []
            for file, gold in golds.items():
                for c in conversations[file]["centres"]:
                    if c["label"] not in verdicts[file]:
                        unjudged.append(f"{Path(file).stem}: {c['label']}")
                    keep = verdicts[file].get(c["label"], False)
                    centres += 1
                    gold_hits += c["gold"] is not None
                    reader_hits += keep
                    either += keep or c["gold"] is not None
                for e in gold.get("entities", []):
                    gold_total += 1
                    if e["label"] not in verdicts[file]:
                        unjudged.append(f"{Path(file).stem}: {e['label']} (gold)")
                    kept_gold += verdicts[file].get(e["label"], False)
            print(f"{tag:<10} {Path(directory).name:<24} {gold_hits:>4}/{centres} {gold_hits / centres:.2f}"
                  f" {reader_hits:>6}/{centres} {reader_hits / centres:.2f} {either / centres:>7.2f}"
                  f"   {kept_gold}/{gold_total}")
            if unjudged:
                print(f"  {len(unjudged)} names have no verdict (counted as noise): " + "; ".join(unjudged))
    if len(readers) == 2:
        # Over every name both folders judged (centres of past runs and gold entities too).
        first, second = readers.values()
        pairs = [(first[f][n], second[f][n]) for f in golds for n in first[f] if n in second[f]]
        if not pairs:
            print("the two folders judged no name in common")
            return
        agree = sum(a == b for a, b in pairs) / len(pairs)
        p_a = sum(a for a, _ in pairs) / len(pairs)
        p_b = sum(b for _, b in pairs) / len(pairs)
        chance = p_a * p_b + (1 - p_a) * (1 - p_b)
        kappa = (agree - chance) / (1 - chance) if chance < 1 else 1.0
        print(f"the two folders agree on {agree:.2f} of the {len(pairs)} names both judged"
              f" (Cohen's kappa {kappa:.2f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sheets")
    s.add_argument("--data", required=True)
    s.add_argument("--gold", required=True)
    s.add_argument("--eval", action="append", required=True, metavar="TAG=FILE")
    s.add_argument("--out", required=True)
    s.add_argument("--verdicts", metavar="DIR", help="leave out the names this folder has verdicts for")
    c = sub.add_parser("score")
    c.add_argument("--gold", required=True)
    c.add_argument("--eval", action="append", required=True, metavar="TAG=FILE")
    c.add_argument("--verdicts", action="append", required=True, metavar="DIR",
                   help="a folder of one reader's verdicts; give two to see how far they agree")
    args = parser.parse_args()
    (sheets if args.command == "sheets" else score)(args)


if __name__ == "__main__":
    main()

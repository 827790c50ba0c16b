#!/usr/bin/env python3
"""Turns the model-in-the-loop lab's answered requests into recorded replies for the tests.

The lab (../shared/tools/llm-lab) keeps each request in DIR/pending/KEY.json and the reply written for it in
DIR/answers/KEY.json. The tests replay replies by the turns a request covers (src/test/resources/replies/README.md),
so this script computes that key from each request's turn blocks, exactly as RecordedReplies.keyOf does, and writes
one file per conversation. Which conversation a request belongs to is found by the text of its first turn in the
source files given as NAME=PATH (a conversation's export file or folder), or by the lab keys of its requests
(NAME=keys:KEY1,KEY2) when the stored text differs from the file's (a mojibake file is repaired on import).

  python3 tools/lab_replies.py --lab /tmp/lab --out src/test/resources/replies/corpus \
      --answered-by "a helper playing the model" short-ribs=import/corpus/chatgpt/... ...
"""
import argparse
import json
import pathlib
import re
import sys

BLOCK = re.compile(r"<<<TURN index=(\d+)[^\n]*?(?: part=(\d+/\d+))?>>>\n(.*?)\n<<<END [0-9a-f]+>>>", re.S)
START_CHARS = 60


def start(text):
    # As Java's \s in RecordedReplies.start: ASCII whitespace only, not the no-break space of French text.
    t = re.sub(r"[ \t\n\x0b\f\r]+", " ", text).strip(" \t\n\x0b\f\r")
    return t[:START_CHARS].rstrip(" ")


def key_of(user):
    first = last = starts = None
    for m in BLOCK.finditer(user):
        turn = m.group(1) + ("" if m.group(2) is None else ":" + m.group(2))
        if first is None:
            first, starts = turn, start(m.group(3))
        last = turn
    if first is None:
        return None
    return (first if first == last else first + "-" + last), starts


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def searchable(path):
    """The text of a source, whitespace collapsed; JSON files as the concatenation of their strings."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    parts = []
    for f in files:
        raw = f.read_text(encoding="utf-8", errors="replace")
        try:
            parts.extend(strings(json.loads(raw)))
        except ValueError:
            parts.append(raw)
    return re.sub(r"[ \t\n\x0b\f\r]+", " ", "\n".join(parts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lab", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--answered-by", required=True)
    ap.add_argument("sources", nargs="+", help="NAME=PATH")
    args = ap.parse_args()
    sources = {}
    for s in args.sources:
        name, _, path = s.partition("=")
        if path.startswith("keys:"):
            # A source whose text the requests do not show as stored (mojibake repaired on import): its
            # requests are named by their lab keys instead.
            sources[name] = (path, set(path[len("keys:"):].split(",")))
        else:
            sources[name] = (path, searchable(pathlib.Path(path)))
    replies = {name: [] for name in sources}
    for pending in sorted((args.lab / "pending").glob("*.json")):
        answer = args.lab / "answers" / pending.name
        if not answer.exists():
            print(f"{pending}: no answer yet, left out", file=sys.stderr)
            continue
        request = json.loads(pending.read_text(encoding="utf-8"))["request"]
        users = [m for m in request.get("messages", []) if m.get("role") == "user"]
        content = users[0]["content"] if users else ""
        if isinstance(content, list):
            content = "".join(part.get("text", "") for part in content)
        key = key_of(content)
        if key is None:
            print(f"{pending}: no turn blocks, left out", file=sys.stderr)
            continue
        probe = key[1][:40]
        owners = [n for n, (_, text) in sources.items() if (pending.stem in text if isinstance(text, set) else probe in text)]
        if len(owners) != 1:
            print(f"{pending}: first turn '{probe}' found in {owners or 'no source'}, left out", file=sys.stderr)
            continue
        text = answer.read_text(encoding="utf-8")
        try:
            reply = json.loads(text)
        except ValueError:
            reply = text
        replies[owners[0]].append({"turns": key[0], "starts_with": key[1], "reply": reply})
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rs in replies.items():
        if not rs:
            print(f"{name}: no replies", file=sys.stderr)
            continue
        rs.sort(key=lambda r: [int(x) for x in re.findall(r"\d+", r["turns"])[:1]])
        doc = {"conversation": name, "source": sources[name][0], "answered_by": args.answered_by, "replies": rs}
        (args.out / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: {len(rs)} replies")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks the held-out gold files (gold/*.yaml) against the held-out exports (exports/).

Turn rule (all formats): turns are the visible user/assistant messages of the ACTIVE branch, in order, 0-based.
  * ChatGPT conversations.json: walk parent links from current_node up to the root, reverse; keep messages
    with author.role in {user, assistant}, content.content_type == "text", recipient == "all",
    metadata.is_visually_hidden_from_conversation not true, and non-empty text. (The null root, the hidden
    system and user_editable_context messages, assistant "code" tool calls and "tool" outputs are not turns;
    siblings off the current_node path are ignored.)
  * Claude conversations.json: chat_messages in order (sender human/assistant), text field.
  * Open WebUI chat-export.json: walk parentId links from chat.history.currentId (must equal chat.messages).
  * Nexus note (.md): one turn per ">[!nexus_user]" / ">[!nexus_agent]" callout; the text is the callout's
    lines with the "> " (or ">") prefix removed; the "<!-- UID: ... -->" line ends the callout.
  * Transcript .txt: each block starting with "User:" or "Assistant:" at the start of a line.

Checks: JSON parses; ChatGPT/Open WebUI structure (one null root, child/parent links, hidden system message,
a regenerated branch off the active path, a tool call); turns alternate user/assistant; turn_count; entity
types and predicates from the allowed sets; every entity label or alias occurs in the active-branch text;
topics and relation ends are entity labels; every relation/perspective quote occurs verbatim in its turn;
question turns are in range and answered by an assistant turn; not_entities occur in the export and are not
entity labels; strings that must be off the active branch (regenerated answers, hidden messages, tool code)
occur in the export but not in any turn; each cross_language pair has one side in this conversation and the
other side in another conversation of this set or of the development corpus.

Usage: python3 check_gold.py            check everything, exit 1 on any error
       python3 check_gold.py --dump NAME print the reconstructed turns of gold/NAME.yaml
"""
import glob, json, os, re, sys
import yaml

ROOT = os.path.dirname(os.path.abspath(__file__))
DEV = os.environ.get("NOEMA_DEV_CORPUS", "/work/shared/corpus")

TYPES = {"Person", "Organization", "Place", "Product", "Event", "Work", "Concept", "Method", "Claim",
         "Hypothesis", "Perspective", "Analogy", "CognitiveModule", "ModuleConsensus"}
PREDICATES = {"partOf", "kindOf", "instanceOf", "exampleOf", "causes", "enables", "prevents", "contrastsWith",
              "usesMethod", "uses", "proposedBy", "createdBy", "locatedIn", "memberOf", "about", "relatedTo",
              "analogousTo"}
# strings that exist only off the active branch, in hidden messages or in tool calls: must not be imported
NOT_ACTIVE = {
    "chatgpt-k8s": ["Podman", "kubectl delete pod"],
    "chatgpt-etf": ["Leipzig", "Grundschullehrerin", "kaufkraft = endwert"],
    "openwebui-media-maraton": ["Galloway", "4 minutos corriendo"],
}


# ------------------------------------------------------------------------------------------ formats
def chatgpt_turns(conv):
    m = conv["mapping"]
    path, cur = [], conv["current_node"]
    while cur is not None:
        path.append(m[cur])
        cur = m[cur]["parent"]
    path.reverse()
    turns = []
    for node in path:
        msg = node["message"]
        if not msg:
            continue
        c = msg["content"]
        if msg["author"]["role"] not in ("user", "assistant") or c.get("content_type") != "text":
            continue
        if msg.get("recipient", "all") != "all" or (msg.get("metadata") or {}).get("is_visually_hidden_from_conversation"):
            continue
        text = "".join(p for p in c.get("parts", []) if isinstance(p, str))
        if text.strip():
            turns.append((msg["author"]["role"], text))
    return turns, path


def claude_turns(conv):
    return [("user" if m["sender"] == "human" else "assistant", m["text"]) for m in conv["chat_messages"]]


def openwebui_turns(chat):
    msgs = chat["chat"]["history"]["messages"]
    path, cur = [], chat["chat"]["history"]["currentId"]
    while cur:
        path.append(msgs[cur])
        cur = msgs[cur]["parentId"]
    path.reverse()
    return [(x["role"], x["content"]) for x in path if x["role"] in ("user", "assistant")], path


HEADER = re.compile(r"^>\[!nexus_(user|agent)\] \*\*[^*]+\*\* - .+$")


def nexus_title(text):
    m = re.search(r"(?m)^# Title: (.+)$", text)
    return m.group(1).strip() if m else None


def nexus_turns(text):
    turns, cur = [], None
    for line in text.split("\n"):
        h = HEADER.match(line)
        if h:
            cur = ["user" if h.group(1) == "user" else "assistant", []]
            turns.append(cur)
        elif cur is not None and line.startswith(">"):
            cur[1].append(line[2:] if line.startswith("> ") else line[1:])
        elif cur is not None:
            cur = None      # UID comment or blank line ends the callout
    return [(r, "\n".join(lines).strip()) for r, lines in turns]


def transcript_turns(text):
    turns = []
    for block in re.split(r"(?m)^(?=(?:User|Assistant):)", text):
        mm = re.match(r"(User|Assistant):[ \t]*", block)
        if mm:
            turns.append((mm.group(1).lower(), block[mm.end():].strip()))
    return turns


# ------------------------------------------------------------------------------------------- loading
def load_source(root, src, title, errors, name):
    """Returns (turns, raw text of the whole conversation as exported)."""
    path = os.path.join(root, src)
    if src.endswith("chatgpt/conversations.json"):
        convs = [c for c in json.load(open(path, encoding="utf-8")) if c["title"] == title]
        if len(convs) != 1:
            errors.append(f"{name}: ChatGPT conversation {title!r} not found exactly once")
            return [], ""
        return chatgpt_turns(convs[0])[0], json.dumps(convs[0], ensure_ascii=False)
    if src.endswith("claude/conversations.json"):
        convs = [c for c in json.load(open(path, encoding="utf-8")) if c["name"] == title]
        if len(convs) != 1:
            errors.append(f"{name}: Claude conversation {title!r} not found exactly once")
            return [], ""
        return claude_turns(convs[0]), json.dumps(convs[0], ensure_ascii=False)
    if src.endswith("openwebui/chat-export.json"):
        chats = [c for c in json.load(open(path, encoding="utf-8")) if c["title"] == title]
        if len(chats) != 1:
            errors.append(f"{name}: Open WebUI chat {title!r} not found exactly once")
            return [], ""
        turns, p = openwebui_turns(chats[0])
        if [x["id"] for x in chats[0]["chat"]["messages"]] != [x["id"] for x in p]:
            errors.append(f"{name}: chat.messages differs from the currentId path")
        return turns, json.dumps(chats[0], ensure_ascii=False)
    if src.endswith(".md"):
        text = open(path, encoding="utf-8").read()
        if nexus_title(text) != title:
            errors.append(f"{name}: Nexus title {nexus_title(text)!r} != {title!r}")
        return nexus_turns(text), text
    text = open(path, encoding="utf-8").read()
    return transcript_turns(text), text


def corpus_texts(root, gold_dir):
    """Active-branch text of every conversation that has a gold file, keyed by (corpus, gold name)."""
    out = {}
    for g in sorted(glob.glob(os.path.join(gold_dir, "*.yaml"))):
        gold = yaml.safe_load(open(g, encoding="utf-8"))
        src = gold.get("source")
        if not src:   # some dev gold files name no source: find it by format
            src = {"claude": "exports/claude/conversations.json",
                   "nexus": "exports/nexus/" + (os.listdir(os.path.join(root, "exports/nexus")) or [""])[0]}.get(
                os.path.basename(g).split("-")[0])
        try:
            turns, _ = load_source(root, src, gold["conversation"], [], g)
        except Exception:
            continue
        out[(root, os.path.basename(g)[:-5])] = "\n".join(t for _, t in turns).lower()
    return out


def structural_checks(errors):
    for f in glob.glob(os.path.join(ROOT, "exports", "**", "*.json"), recursive=True):
        try:
            json.load(open(f, encoding="utf-8"))
        except Exception as e:
            errors.append(f"{os.path.relpath(f, ROOT)} does not parse: {e}")
            return
    cg = json.load(open(os.path.join(ROOT, "exports/chatgpt/conversations.json"), encoding="utf-8"))
    regen = tool = 0
    for conv in cg:
        for k in ("title", "create_time", "update_time", "mapping", "current_node", "conversation_id", "id",
                  "default_model_slug"):
            if k not in conv:
                errors.append(f"{conv.get('title')}: missing {k}")
        m = conv["mapping"]
        roots = [n for n in m.values() if n["parent"] is None]
        if len(roots) != 1 or roots[0]["message"] is not None:
            errors.append(f"{conv['title']}: needs exactly one root node with null message")
        for nid, n in m.items():
            if n["id"] != nid or (n["message"] and n["message"]["id"] != nid):
                errors.append(f"{conv['title']}: node id mismatch {nid}")
            for ch in n["children"]:
                if m[ch]["parent"] != nid:
                    errors.append(f"{conv['title']}: child {ch} does not point back to {nid}")
        if not any(n["message"] and n["message"]["author"]["role"] == "system"
                   and n["message"]["metadata"].get("is_visually_hidden_from_conversation") for n in m.values()):
            errors.append(f"{conv['title']}: no hidden system message")
        turns, path = chatgpt_turns(conv)
        on_path = {n["id"] for n in path}
        for n in m.values():
            if len(n["children"]) > 1 and any(c not in on_path for c in n["children"]):
                regen += 1
            if n["message"] and n["message"]["author"]["role"] == "tool":
                tool += 1
    if regen < 1:
        errors.append("ChatGPT export: no regenerated branch off the current_node path")
    if tool < 1:
        errors.append("ChatGPT export: no tool message")
    ow = json.load(open(os.path.join(ROOT, "exports/openwebui/chat-export.json"), encoding="utf-8"))
    for chat in ow:
        msgs = chat["chat"]["history"]["messages"]
        for mid, msg in msgs.items():
            if msg["parentId"] and mid not in msgs[msg["parentId"]]["childrenIds"]:
                errors.append(f"{chat['title']}: {mid} not among its parent's childrenIds")
        if not any(len(x["childrenIds"]) > 1 for x in msgs.values()):
            errors.append(f"{chat['title']}: no regenerated answer")


# -------------------------------------------------------------------------------------------- main
def main():
    errors, report = [], []
    gold_dir = os.path.join(ROOT, "gold")
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        gold = yaml.safe_load(open(os.path.join(gold_dir, sys.argv[2] + ".yaml"), encoding="utf-8"))
        turns, _ = load_source(ROOT, gold["source"], gold["conversation"], errors, sys.argv[2])
        for i, (r, t) in enumerate(turns):
            print(f"===== [{i}] {r}\n{t}\n")
        return
    structural_checks(errors)
    others = corpus_texts(ROOT, gold_dir)
    others.update(corpus_texts(DEV, os.path.join(DEV, "gold")) if os.path.isdir(DEV) else {})
    golds = sorted(glob.glob(os.path.join(gold_dir, "*.yaml")))
    languages, formats = set(), set()
    for g in golds:
        name = os.path.basename(g)[:-5]
        gold = yaml.safe_load(open(g, encoding="utf-8"))
        turns, raw = load_source(ROOT, gold["source"], gold["conversation"], errors, name)
        n = len(turns)
        languages.add(gold["language"])
        formats.add(gold["source"].split("/")[1])
        active = "\n".join(t for _, t in turns)
        active_l = active.lower()
        roles = [r for r, _ in turns]
        if roles != ["user", "assistant"] * (n // 2) or n % 2:
            errors.append(f"{name}: turns do not alternate user/assistant: {roles}")
        if not 6 <= n <= 12:
            errors.append(f"{name}: {n} turns, want 6-12")
        if gold.get("turn_count") != n:
            errors.append(f"{name}: turn_count {gold.get('turn_count')} != reconstructed {n}")
        if not 3 <= len(gold["topics"]) <= 6:
            errors.append(f"{name}: {len(gold['topics'])} topics, want 3-6")
        if not 10 <= len(gold["entities"]) <= 20:
            errors.append(f"{name}: {len(gold['entities'])} entities, want 10-20")
        if not 5 <= len(gold["relations"]) <= 10:
            errors.append(f"{name}: {len(gold['relations'])} relations, want 5-10")
        if len(gold["not_entities"]) < 5:
            errors.append(f"{name}: want at least 5 not_entities")
        if not 2 <= len(gold["questions"]) <= 4:
            errors.append(f"{name}: {len(gold['questions'])} questions, want 2-4")
        labels = {e["label"] for e in gold["entities"]}
        if len(labels) != len(gold["entities"]):
            errors.append(f"{name}: duplicate entity labels")
        forms_all = set()
        for e in gold["entities"]:
            forms = [e["label"]] + e.get("aliases", [])
            forms_all.update(f.lower() for f in forms)
            if not any(f.lower() in active_l for f in forms):
                errors.append(f"{name}: entity {e['label']!r} not found in active-branch text")
            bad = set(e["types"]) - TYPES
            if bad or not e["types"]:
                errors.append(f"{name}: entity {e['label']!r} has bad types {bad or e['types']}")
        for t in gold["topics"]:
            if t not in labels:
                errors.append(f"{name}: topic {t!r} is not an entity label")
        for r in gold["relations"]:
            if r["predicate"] not in PREDICATES:
                errors.append(f"{name}: bad predicate {r['predicate']}")
            for side in ("subject", "object"):
                if r[side] not in labels:
                    errors.append(f"{name}: relation {side} {r[side]!r} is not an entity label")
        for kind in ("relations", "perspectives"):
            for r in gold.get(kind) or []:
                ti = r["turn"]
                if not 0 <= ti < n or r["quote"] not in turns[ti][1]:
                    where = [i for i, (_, t) in enumerate(turns) if r["quote"] in t]
                    errors.append(f"{name}: {kind} quote not in turn {ti} (found in {where}): {r['quote'][:70]!r}")
        for q in gold["questions"]:
            if not 0 <= q["turn"] < n:
                errors.append(f"{name}: question turn {q['turn']} out of range")
            elif turns[q["turn"]][0] != "assistant":
                errors.append(f"{name}: question answered by a user turn {q['turn']}")
        for s in gold["not_entities"]:
            if s.lower() not in raw.lower():
                errors.append(f"{name}: not_entity {s!r} does not occur anywhere in the export")
            if s.lower() in {l.lower() for l in labels}:
                errors.append(f"{name}: not_entity {s!r} is also an entity label")
        for s in NOT_ACTIVE.get(name, []):
            if s.lower() in active_l or s.lower() not in raw.lower():
                errors.append(f"{name}: {s!r} should occur in the export but not on the active branch")
        for pair in gold.get("cross_language") or []:
            a, b = pair
            here = [x for x in (a, b) if x.lower() in active_l]
            if not here:
                errors.append(f"{name}: cross_language pair {pair} has no side in this conversation")
                continue
            other = b if here[0] == a else a
            found = [k[1] for k, txt in others.items() if k != (ROOT, name) and other.lower() in txt]
            if not found:
                errors.append(f"{name}: cross_language {other!r} not found in any other conversation")
        report.append(f"{name:26s} {gold['language']}  {n:2d} turns  {len(gold['entities']):2d} entities  "
                      f"{len(gold['relations']):2d} relations  {len(gold.get('perspectives') or []):2d} perspectives  "
                      f"{len(gold.get('cross_language') or []):2d} cross-language")
    if len(golds) != 8:
        errors.append(f"{len(golds)} gold files, want 8")
    if len(languages) < 4 or "ru" not in languages:
        errors.append(f"languages {sorted(languages)}: want at least 4, including ru")
    print("\n".join(report))
    if errors:
        print("\nERRORS:\n  " + "\n  ".join(errors))
        sys.exit(1)
    print(f"\nOK: {len(golds)} gold files, languages {sorted(languages)}, formats {sorted(formats)}; JSON parses; "
          "all quotes found verbatim in their turns; turn indices in range")


if __name__ == "__main__":
    main()

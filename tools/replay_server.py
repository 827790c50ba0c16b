#!/usr/bin/env python3
"""Serves recorded replies (src/test/resources/replies/ format) as an OpenAI-compatible endpoint, for the CLI.

The tests replay recordings through their own stub; this lets `noema import`/`extract`/`eval` do the same from the
command line, e.g. to score a corpus with a model's recorded replies:

  python3 tools/replay_server.py --port 18097 src/test/resources/replies/corpus &
  OPENAI_API_KEY=sk-replay ./noema import --data /tmp/kb import/corpus/exports \
      --llm openai:gpt-4o-mini --llm-base-url http://127.0.0.1:18097/v1

A request is matched by the turns it covers, as RecordedReplies does (lab_replies.key_of); one with no recording gets
503, like the lab. Standard library only.
"""
import argparse
import http.server
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from lab_replies import key_of, start  # noqa: E402


def load(folders):
    replies = {}
    for folder in folders:
        for f in sorted(pathlib.Path(folder).glob("*.json")):
            for r in json.loads(f.read_text(encoding="utf-8"))["replies"]:
                reply = r["reply"]
                text = reply if isinstance(reply, str) else json.dumps(reply, ensure_ascii=False)
                replies.setdefault((r["turns"], start(r["starts_with"])), []).append(text)
    return replies


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=18097)
    ap.add_argument("folders", nargs="+")
    args = ap.parse_args()
    replies = load(args.folders)
    served = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            user = next((m.get("content") for m in body.get("messages", []) if m.get("role") == "user"), "")
            if isinstance(user, list):
                user = "".join(p.get("text", "") for p in user)
            key = key_of(user or "")
            if key not in replies:
                self.answer(503, {"error": {"message": f"no recorded reply for {key}", "type": "server_error"}})
                return
            i = served.get(key, 0)
            served[key] = i + 1
            text = replies[key][min(i, len(replies[key]) - 1)]
            self.answer(200, {"id": "replay", "object": "chat.completion", "model": body.get("model", ""),
                              "choices": [{"index": 0, "finish_reason": "stop",
                                           "message": {"role": "assistant", "content": text}}],
                              "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}})

        def answer(self, status, payload):
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()

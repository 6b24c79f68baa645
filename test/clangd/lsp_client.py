#!/usr/bin/env python3
"""A minimal LSP client that drives clangd the way an editor does.

Starts the server, initializes it, opens each file in turn, waits for the
diagnostics clangd publishes for it, prints them, closes the file, and shuts
the server down:

  lsp_client.py --clangd build/bin/nplusone-clangd dir/orders.cpp dir/clean.cpp

Output, one block per file, positions as LSP sends them (0-based line and
character):

  diagnostics for orders.cpp: 1
  orders.cpp:10:2-10:7: warning [nplusone-query-in-loop] (clang-tidy): ...
    related orders.cpp:5:2-5:20: ...
    fix: ...

--style editor prints them as an editor's problem list shows them instead,
positions 1-based, each note and quick fix indented under its warning (the
form docs/editors.md shows):

  orders.cpp:11:3: Query runs once per row ...  clang-tidy(nplusone-query-in-loop)
    orders.cpp:6:3: 'Users' is the result of the query here
    quick fix: batch it: ...

Fails (exit 1) on a timeout, a protocol error or a server that does not exit
cleanly, with the end of the server's log on stderr.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import quote, unquote, urlparse

SEVERITY = {1: "error", 2: "warning", 3: "info", 4: "hint"}


class LspError(Exception):
    pass


def uri_of(path):
    return "file://" + quote(os.path.abspath(path))


def path_of(uri):
    return unquote(urlparse(uri).path)


class Server:
    """JSON-RPC over the server's stdin/stdout with Content-Length framing."""

    def __init__(self, argv, log, env):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log,
                                     env=env)
        self.incoming = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.incoming.put(None)  # The server closed stdout.
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                self.incoming.put(LspError("message without Content-Length"))
                return
            self.incoming.put(json.loads(out.read(length)))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params, deadline):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m,
                          deadline, method)
        if "error" in reply:
            raise LspError("%s failed: %s" % (method, reply["error"]))
        return reply.get("result")

    def wait(self, wanted, deadline, what):
        """Returns the first incoming message for which wanted() holds,
        answering the server's own requests on the way."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LspError("timed out waiting for " + what)
            try:
                message = self.incoming.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise LspError("server exited while waiting for " + what)
            if isinstance(message, Exception):
                raise message
            if "method" in message and "id" in message:
                # A request from the server (e.g. progress): accept it.
                self.send({"id": message["id"], "result": None})
                continue
            if wanted(message):
                return message


def describe(diag, base):
    rng = diag["range"]
    text = "%s:%d:%d-%d:%d: %s [%s] (%s): %s" % (
        base, rng["start"]["line"], rng["start"]["character"],
        rng["end"]["line"], rng["end"]["character"],
        SEVERITY.get(diag.get("severity"), "?"), diag.get("code", ""),
        diag.get("source", ""), diag["message"].replace("\n", " | "))
    lines = [text]
    for info in diag.get("relatedInformation", []):
        loc = info["location"]
        r = loc["range"]
        lines.append("  related %s:%d:%d-%d:%d: %s" % (
            os.path.basename(path_of(loc["uri"])), r["start"]["line"],
            r["start"]["character"], r["end"]["line"], r["end"]["character"],
            info["message"]))
    for action in diag.get("codeActions", []):
        lines.append("  fix: " + action["title"])
    return lines


def describe_for_editor(diag, base):
    """One diagnostic as an editor's problem list shows it: 1-based
    positions, the source and check after the message, notes below."""
    start = diag["range"]["start"]
    lines = ["%s:%d:%d: %s  %s(%s)" % (
        base, start["line"] + 1, start["character"] + 1,
        diag["message"].replace("\n", " | "), diag.get("source", ""),
        diag.get("code", ""))]
    for info in diag.get("relatedInformation", []):
        loc = info["location"]
        at = loc["range"]["start"]
        lines.append("  %s:%d:%d: %s" % (
            os.path.basename(path_of(loc["uri"])), at["line"] + 1,
            at["character"] + 1, info["message"]))
    for action in diag.get("codeActions", []):
        lines.append("  quick fix: " + action["title"])
    return lines


def run(args, log):
    root = os.path.dirname(os.path.abspath(args.files[0]))
    env = dict(os.environ)
    # Keep the user's own clangd config (~/.config/clangd) out of the test.
    env["XDG_CONFIG_HOME"] = os.path.join(root, ".xdg-config")
    server = Server([args.clangd, "--log=verbose", "--background-index=false"]
                    + args.clangd_arg, log, env)
    deadline = lambda: time.monotonic() + args.timeout
    server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": uri_of(root),
        # Notes as related locations, fixes inline (a clangd extension).
        "capabilities": {"textDocument": {"publishDiagnostics": {
            "relatedInformation": True, "codeActionsInline": True}}},
    }, deadline())
    server.notify("initialized", {})

    for path in args.files:
        uri = uri_of(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        published = server.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri, deadline(),
            "the diagnostics of " + path)
        diags = published["params"]["diagnostics"]
        base = os.path.basename(path)
        editor = args.style == "editor"
        if not editor:
            print("diagnostics for %s: %d" % (base, len(diags)))
        for diag in sorted(diags, key=lambda d: (d["range"]["start"]["line"],
                                                 d["range"]["start"]["character"])):
            shown = describe_for_editor if editor else describe
            print("\n".join(shown(diag, base)))
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    server.request("shutdown", None, deadline())
    server.notify("exit", None)
    try:
        code = server.proc.wait(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        raise LspError("server did not exit after 'exit'")
    if code != 0:
        raise LspError("server exited with status %d" % code)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--clangd-arg", action="append", default=[],
                        help="an extra argument for the server")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds to wait for each answer")
    parser.add_argument("--style", choices=["lsp", "editor"], default="lsp",
                        help="LSP's own ranges, or an editor's problem list")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    with tempfile.TemporaryFile() as log:
        try:
            run(args, log)
        except (LspError, OSError) as e:
            sys.stdout.flush()
            log.seek(0)
            tail = log.read().decode("utf-8", "replace").splitlines()[-40:]
            sys.stderr.write("lsp_client: %s\n--- end of the server's log ---\n"
                             "%s\n" % (e, "\n".join(tail)))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

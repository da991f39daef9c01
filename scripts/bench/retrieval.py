#!/usr/bin/env python3
"""Retrieval benchmark steps against a running orchestrator (scripts/bench-retrieval.sh starts one).

  retrieval.py index NAME DIR            register DIR, follow the progress, print cold throughput
  retrieval.py first NAME DIR QUESTIONS [VECTOR_SECONDS]
                                         register DIR; time until the text pass is done and until the first
                                         question finds its file, lexical recall@5 then; follow the vector pass for
                                         VECTOR_SECONDS (0: until every chunk has its vector), print its rate and ETA
  retrieval.py push NAME [ROUNDS]        change one file, land it through a pull request and the merge gate, time
                                         from the merge until the index is at the new head
  retrieval.py quality NAME QUESTIONS    recall@5 and MRR of hybrid, vector, text and a git grep baseline
  retrieval.py latency NAME [ROUNDS]     search API latency over the question set (query embedding included)

Env: BENCH_URL (http://127.0.0.1:9400), BENCH_TOKEN (an API token), BENCH_FORGE_TOKEN (the forge admin token),
BENCH_WORK (scratch directory).
"""
import json
import os
import random
import re
import statistics
import string
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

URL = os.environ.get("BENCH_URL", "http://127.0.0.1:9400")
TOKEN = os.environ["BENCH_TOKEN"]
WORK = os.environ.get("BENCH_WORK", "/tmp/bench-retrieval")


def api(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(URL + path, data=data, method=method, headers={
        "Authorization": "Bearer " + TOKEN, "Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def repository(name):
    status, repos = api("GET", "/api/repositories")
    for repo in repos:
        if repo["name"] == name:
            return repo
    sys.exit("no repository " + name)


def wait_idle(repo_id, commit=None, report=True, poll=2.0):
    last = 0
    while True:
        state = index_state(repo_id)
        if report and time.time() - last > 30:
            last = time.time()
            print("  " + describe(state), flush=True)
        if state["status"] == "IDLE" and (commit is None or state["indexed_commit"] == commit):
            return state
        time.sleep(poll)


def index_state(repo_id):
    _, state = api("GET", "/api/repositories/%d/index" % repo_id)
    if state["status"] == "FAILED":
        sys.exit("indexing failed: %s" % state["last_error"])
    return state


def describe(state):
    p = state.get("progress") or {}
    return "%s %s: %s/%s files, text %.1f%%, %s chunks written, vectors %.1f%% (%s without), %s chunks/s, ETA %s s" % (
        state["status"], p.get("phase") or "-", p.get("files_done"), p.get("files_total"), p.get("percent") or 0,
        p.get("chunks_written"), p.get("vectors_percent") or 0, state.get("chunks_without_vector"),
        p.get("chunks_per_second"), p.get("eta_seconds"))


def index(name, directory):
    started = time.time()
    status, repo = api("POST", "/api/repositories", {"name": name, "test_command": "true",
                                                      "source": {"type": "path", "path": directory}})
    if status != 201:
        sys.exit("registration failed: %s %s" % (status, repo))
    state = wait_idle(repo["id"])
    p = state["progress"]
    seconds = time.time() - started
    print("INDEX %s: %d files indexed, %d skipped, %d chunks in %.0f s (registration to IDLE); run: %s chunks/s"
          % (name, state["indexed_files"], state["skipped_files"], state["chunks"], seconds, p["chunks_per_second"]))
    print("  skipped: %s" % [(s["path"], s["reason"]) for s in state["skipped"][:10]])


def first(name, directory, questions_path, vector_seconds="600"):
    """The "about 3,000 files" case without waiting hours for every vector: from the registration, the time until
    the text pass is done (every file searchable by its words) and until the set's first question finds its file in
    the top 5; the lexical recall@5 of the whole set at the end of the text pass; then the vector pass followed for
    VECTOR_SECONDS, with its rate and ETA. Stopping to wait leaves the run going: the orchestrator resumes the
    vector pass where it is at its next start on the same database (bench-retrieval.sh recreates it per run)."""
    rows = questions(questions_path)
    started = time.time()
    status, repo = api("POST", "/api/repositories", {"name": name, "test_command": "true",
                                                      "source": {"type": "path", "path": directory}})
    if status != 201:
        sys.exit("registration failed: %s %s" % (status, repo))
    rid = repo["id"]
    question, answers = rows[0]
    text_at = found_at = None
    last = 0
    while True:
        state = index_state(rid)
        p = state.get("progress") or {}
        elapsed = time.time() - started
        if found_at is None and state["chunks"] > 0:
            rank = rank_of(top_paths(rid, "hybrid", question), answers)
            if rank:
                found_at = elapsed
                print("FIRST ANSWER %s: %r found %s at rank %d after %.0f s (%d chunks written, %s without vector)" % (
                    name, question, answers[0], rank, found_at, state["chunks"], state["chunks_without_vector"]),
                      flush=True)
        if text_at is None and (p.get("phase") == "vectors" or state["status"] == "IDLE"):
            text_at = elapsed
            print("TEXT PASS %s: %d files indexed, %d skipped, %d chunks written in %.0f s (registration to text "
                  "done), %.0f chunks/s" % (name, state["indexed_files"], state["skipped_files"], state["chunks"],
                                            text_at, state["chunks"] / max(text_at, 0.001)), flush=True)
            recall(rid, rows, "hybrid", "at the end of the text pass (%s of %s chunks without vector)" % (
                state["chunks_without_vector"], state["chunks"]), name)
        if state["status"] == "IDLE" and text_at is not None:
            print("VECTORS %s: all %d chunks embedded, %.0f s from registration, %s chunks/s" % (
                name, state["chunks"], elapsed, p.get("chunks_per_second")))
            if found_at is None:
                print("FIRST ANSWER %s: %r not in the top 5 with every vector either" % (name, question))
            return
        if text_at is not None and float(vector_seconds) > 0 and elapsed - text_at >= float(vector_seconds):
            print("VECTORS %s: stopped waiting %.0f s into the vector pass: %d of %d chunks embedded (%.1f%%), "
                  "%s chunks/s, ETA %s s for the %d left" % (
                      name, elapsed - text_at, state["chunks"] - state["chunks_without_vector"], state["chunks"],
                      p.get("vectors_percent") or 0, p.get("chunks_per_second"), p.get("eta_seconds"),
                      state["chunks_without_vector"]))
            recall(rid, rows, "hybrid", "when it stopped waiting (%.1f%% of the chunks embedded)" % (
                p.get("vectors_percent") or 0), name)
            if found_at is None:
                print("FIRST ANSWER %s: %r not found in the top 5 yet" % (name, question))
            return
        if time.time() - last > 30:
            last = time.time()
            print("  %.0f s: %s" % (elapsed, describe(state)), flush=True)
        time.sleep(1)


def top_paths(repo_id, mode, question):
    """The first five distinct files of a search's results."""
    _, found = api("GET", "/api/repositories/%d/search?k=20&mode=%s&q=%s" % (repo_id, mode, urllib.parse.quote(question)))
    paths = []
    for r in found["results"]:
        if r["path"] not in paths:
            paths.append(r["path"])
    return paths[:5]


def rank_of(paths, answers):
    return next((i + 1 for i, p in enumerate(paths) if p in answers), 0)


def recall(repo_id, rows, mode, when, name):
    hits, rr = 0, 0.0
    for question, answers in rows:
        rank = rank_of(top_paths(repo_id, mode, question), answers)
        hits += rank > 0
        rr += 1.0 / rank if rank else 0
    print("QUALITY %s %s %s: recall@5 %.3f, MRR %.3f over %d questions" % (
        name, mode, when, hits / len(rows), rr / len(rows), len(rows)), flush=True)


def forge_api(method, path, body):
    """The embedded forge's GitHub-like API with the forge admin token (operators: any branch but the default one)."""
    request = urllib.request.Request(URL + path, data=json.dumps(body).encode(), method=method, headers={
        "Authorization": "Bearer " + os.environ["BENCH_FORGE_TOKEN"], "Content-Type": "application/json",
        "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"null")


def checked(reply, what):
    status, body = reply
    if status >= 300:
        sys.exit("%s answered HTTP %d: %s" % (what, status, body))
    return body


def push(name, rounds=5):
    """One changed file reaching the default branch the supported way (no token pushes the default branch:
    docs/adr/forge-trust.md): the change is pushed to a branch with the forge admin token, a pull request is opened,
    its CI status and review are reported through the forge API, the benchmark's person approves and merges it
    through the merge gate, and the time from the merge to the index at the new head is taken."""
    repo = repository(name)
    clone = os.path.join(WORK, "clone-" + name)
    url = repo["clone_url"].replace("://", "://x-access-token:%s@" % os.environ["BENCH_FORGE_TOKEN"])
    if not os.path.isdir(clone):
        subprocess.run(["git", "clone", "-q", url, clone], check=True)
    sources = sorted(os.path.join(d, f) for d, _, fs in os.walk(clone) for f in fs if f.endswith(".java") and ".git" not in d)
    java = sources[len(sources) // 2]
    base = repo["default_branch"]
    forge = "/api/forge/repos/" + repo["full_name"]
    git = ["git", "-C", clone, "-c", "user.name=bench", "-c", "user.email=bench@local"]
    timings = []
    for i in range(int(rounds)):
        subprocess.run(git + ["fetch", "-q", "origin", base], check=True)
        subprocess.run(git + ["reset", "-q", "--hard", "FETCH_HEAD"], check=True)
        # one lower-case word found nowhere else (a camelCase marker would be split into common words)
        marker = "zqbench" + "".join(random.choice(string.ascii_lowercase) for _ in range(12))
        with open(java, "a") as f:
            f.write("\n// %s: a change pushed by the retrieval benchmark\n" % marker)
        subprocess.run(git + ["commit", "-qam", marker], check=True)
        started = time.time()
        subprocess.run(git + ["push", "-q", "origin", "HEAD:refs/heads/bench/" + marker], check=True)
        pull = forge_api("POST", forge + "/pulls", {"head": "bench/" + marker, "base": base, "title": marker})
        forge_api("POST", forge + "/commits/%s/statuses" % pull["head_sha"],
                  {"context": "bench/ci", "state": "success", "description": "benchmark"})
        forge_api("POST", forge + "/pulls/%d/reviews" % pull["number"], {"summary": "benchmark change", "comments": []})
        checked(api("POST", "/api/pull-requests/%d/approve" % pull["id"], {}), "approve")
        merging = time.time()
        checked(api("POST", "/api/pull-requests/%d/merge" % pull["id"], {}), "merge")
        merged = time.time()
        head = subprocess.run(git + ["ls-remote", "origin", "refs/heads/" + base], check=True, capture_output=True,
                              text=True).stdout.split()[0]
        while index_state(repo["id"])["indexed_commit"] != head:
            time.sleep(0.02)
        searchable = time.time()
        state = wait_idle(repo["id"], head, report=False, poll=0.02)
        indexed = time.time()
        _, found = api("GET", "/api/repositories/%d/search?k=1&mode=text&q=%s" % (repo["id"], marker))
        assert found["results"] and found["results"][0]["path"] == os.path.relpath(java, clone), found
        timings.append((merging - started, merged - merging, indexed - merged, indexed - merging))
        print("  round %d: branch push + PR + CI status + review %.2f s, merge %.2f s, merged -> indexed %.3f s, "
              "merge request -> indexed %.2f s (%s chunks written, %s embedded; searchable by its words %.3f s after "
              "the merge)" % (i + 1, *timings[-1], state["progress"]["chunks_written"],
                              state["progress"]["chunks_embedded"], searchable - merged), flush=True)
    print("PUSH %s (%s): median merged->indexed %.3f s, median merge request->indexed %.2f s over %d rounds" % (
        name, os.path.relpath(java, clone), statistics.median(t[2] for t in timings),
        statistics.median(t[3] for t in timings), len(timings)))


def questions(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            question, answers = line.rstrip("\n").split("\t")
            rows.append((question, answers.split("|")))
    return rows


STOP = set("a an and are as at be by for from how in into is it of on or that the to when with what which".split())


def grep_rank(checkout, question):
    """Files ranked by how many of the question's words they contain (whole words, case-insensitive), then by
    how many matching lines: a plain `git grep` of the question's words."""
    words = [w for w in re.findall(r"[A-Za-z0-9_]+", question.lower()) if w not in STOP and len(w) > 1]
    per_file = {}
    for word in words:
        out = subprocess.run(["git", "-C", checkout, "grep", "-c", "-i", "-w", "-e", word], capture_output=True, text=True).stdout
        for line in out.splitlines():
            path, count = line.rsplit(":", 1)
            distinct, lines = per_file.get(path, (0, 0))
            per_file[path] = (distinct + 1, lines + int(count))
    return [p for p, _ in sorted(per_file.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))]


def quality(name, path):
    repo = repository(name)
    rows = questions(path)
    checkout = os.path.join(WORK, "quality-" + name)
    if not os.path.isdir(checkout):
        url = repo["clone_url"].replace("://", "://x-access-token:%s@" % os.environ["BENCH_FORGE_TOKEN"])
        subprocess.run(["git", "clone", "-q", "--depth", "1", url, checkout], check=True)
    results = {}
    for mode in ("hybrid", "vector", "text", "grep"):
        hits, rr = 0, 0.0
        for question, answers in rows:
            if mode == "grep":
                paths = grep_rank(checkout, question)[:5]
            else:
                paths = top_paths(repo["id"], mode, question)
            rank = rank_of(paths, answers)
            hits += rank > 0
            rr += 1.0 / rank if rank else 0
            if mode == "hybrid" and rank != 1:
                print("  hybrid rank %d for %r: %s" % (rank, question, paths[:3]))
        results[mode] = (hits / len(rows), rr / len(rows))
        print("QUALITY %s %s: recall@5 %.3f, MRR %.3f over %d questions" % (name, mode, *results[mode], len(rows)), flush=True)


def latency(name, path, rounds=3):
    repo = repository(name)
    rows = questions(path)
    took, wall = [], []
    for _ in range(int(rounds)):
        for question, _ in rows:
            started = time.time()
            _, found = api("GET", "/api/repositories/%d/search?k=10&q=%s" % (repo["id"], urllib.parse.quote(question)))
            wall.append((time.time() - started) * 1000)
            took.append(found["took_ms"])
    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]
    print("API LATENCY %s: took_ms p50 %d p95 %d; HTTP round trip p50 %.0f ms p95 %.0f ms over %d searches" % (
        name, pct(took, 50), pct(took, 95), pct(wall, 50), pct(wall, 95), len(took)))


if __name__ == "__main__":
    step, args = sys.argv[1], sys.argv[2:]
    {"index": index, "first": first, "push": push, "quality": quality, "latency": latency}[step](*args)

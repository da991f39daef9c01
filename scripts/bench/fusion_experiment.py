#!/usr/bin/env python3
"""Fusion experiment (docs/benchmarks.md, "Fusion"): the vector ranking of each question from the search API
(mode=vector, k=50) and full-text rankings of several candidate-set variants straight from SQL, fused offline by
reciprocal rank with several text weights and RRF constants. Questions are split in two halves: even rows to choose
on, odd rows held out. Each cell is MRR@5/recall@5.

  fusion_experiment.py collect REPO_NAME QUESTIONS.tsv OUT.json   (against a running orchestrator and its database)
  fusion_experiment.py score OUT.json chunk|file                   (chunk: fixture questions; file: JDK questions)

Env: BENCH_URL, BENCH_TOKEN, BENCH_DB (the orchestrator's database, read with psql as postgres).
"""
import json, os, re, subprocess, sys, urllib.parse, urllib.request
URL = os.environ.get("BENCH_URL", "http://127.0.0.1:9400"); TOKEN = os.environ["BENCH_TOKEN"]; DB = os.environ.get("BENCH_DB", "agentteam_bench_rag")

def api(path):
    r = urllib.request.Request(URL + path, headers={"Authorization": "Bearer " + TOKEN, "Accept": "application/json"})
    return json.loads(urllib.request.urlopen(r, timeout=300).read())

def sql(q):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-AtF", "\t", "-c", q], capture_output=True, text=True, check=True).stdout
    return [l.split("\t") for l in out.splitlines() if l]

VARIANTS = {
 "or": "select source, start_line, symbol from embeddings, to_tsquery('english', $q${any}$q$) q where repository_id={repo} and terms @@ q order by ts_rank_cd(terms, q, 1) desc, id limit 60",
 "tiered": """select source, start_line, symbol from (
   (select id, source, start_line, symbol, 0 tier, ts_rank_cd(terms, a, 1) rk from embeddings, to_tsquery('english', $q${all}$q$) a where repository_id={repo} and terms @@ a limit {scan})
   union all
   (select id, source, start_line, symbol, 1 tier, ts_rank_cd(terms, q, 1) rk from embeddings, to_tsquery('english', $q${anyA}$q$) q where repository_id={repo} and terms @@ q limit {scan})
 ) t order by tier, rk desc, id limit 60""",
 "tiered3": """select source, start_line, symbol from (
   (select id, source, start_line, symbol, 0 tier, ts_rank_cd(terms, a, 1) rk from embeddings, to_tsquery('english', $q${all}$q$) a where repository_id={repo} and terms @@ a limit {scan})
   union all
   (select id, source, start_line, symbol, 1 tier, ts_rank_cd(terms, q, 1) rk from embeddings, to_tsquery('english', $q${anyA}$q$) q where repository_id={repo} and terms @@ q limit {scan})
   union all
   (select id, source, start_line, symbol, 2 tier, ts_rank_cd(terms, q, 1) rk from embeddings, to_tsquery('english', $q${any}$q$) q where repository_id={repo} and terms @@ q limit {scan})
 ) t order by tier, rk desc, id limit 60""",
 "all": "select source, start_line, symbol from embeddings, to_tsquery('english', $q${all}$q$) q where repository_id={repo} and terms @@ q order by ts_rank_cd(terms, q, 1) desc, id limit 60",
}

def dedup(rows):
    seen, out = set(), []
    for r in rows:
        key = (r[0], int(r[1]))
        if key not in seen: seen.add(key); out.append((r[0], int(r[1]), r[2] or ""))
    return out

def collect():
    repo_name, qfile, out = sys.argv[2], sys.argv[3], sys.argv[4]
    repos = api("/api/repositories"); repo = [r for r in repos if r["name"] == repo_name][0]["id"]
    qs = [l.rstrip("\n").split("\t") for l in open(qfile) if l.strip() and not l.startswith("#")]
    data = []
    for q in qs:
        v = api("/api/repositories/%d/search?k=50&mode=vector&q=%s" % (repo, urllib.parse.quote(q[0])))["results"]
        vec = [(r["path"], r["start_line"], r["symbol"] or "") for r in v]
        t = terms_query2(q[0])
        any_ = " | ".join("'%s'" % x for x in t); all_ = " & ".join("'%s'" % x for x in t); anyA = " | ".join("'%s':A" % x for x in t)
        texts = {}
        for name, tmpl in VARIANTS.items():
            texts[name] = dedup(sql(tmpl.format(any=any_ or "''", all=all_ or "''", anyA=anyA or "''", repo=repo, scan=int(os.environ.get("SCAN", "500"))))) if t else []
        data.append((q, vec, texts))
    json.dump(data, open(out, "w"))

def terms_query2(question):
    """Terms.words of the orchestrator, in Python."""
    import re
    WORD = re.compile(r"[A-Za-z0-9_$]+"); PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
    terms = []
    for m in WORD.finditer(question):
        w = m.group().lower()
        if len(w) > 1 and re.fullmatch("[a-z0-9]+", w) and w not in terms: terms.append(w)
        for piece in re.split(r"[_$]+", m.group()):
            for p in PART.findall(piece):
                p = p.lower()
                if len(p) > 1 and p not in terms: terms.append(p)
    return terms[:32]


def hit(q, r):
    if level == "file": return r[0] in q[1].split("|")
    return r[0] == q[1] and (q[2] == "-" or any(s in r[2].split(", ") for s in q[2].split("|")))
def rr(q, ranking):
    paths = []
    for r in ranking:
        if level == "file":
            if r[0] in paths: continue
            paths.append(r[0])
            if len(paths) > 5: break
        if level == "chunk" and ranking.index(r) >= 5: break
        if hit(q, r): return 1.0 / (len(paths) if level == "file" else ranking.index(r) + 1)
    return 0.0
def fuse(vec, text, w, k):
    s = {}
    for i, r in enumerate(vec): s[(r[0], r[1])] = [s.get((r[0], r[1]), [0, r])[0] + 1.0 / (k + i + 1), r]
    for i, r in enumerate(text): s[(r[0], r[1])] = [s.get((r[0], r[1]), [0, r])[0] + w / (k + i + 1), r]
    return [v[1] for v in sorted(s.values(), key=lambda x: (-x[0], x[1][0], x[1][1]))]
def mrr(idx, f):
    sel = [d for i, d in enumerate(data) if idx is None or i % 2 == idx]
    return sum(rr(q, f(v, t)) for q, v, t in sel) / len(sel), sum(rr(q, f(v, t)) > 0 for q, v, t in sel) / len(sel)

def report(path, level_arg):
    global data, level
    data = json.load(open(path)); level = level_arg
    for half, name in ((0, "tune(even)"), (1, "held-out(odd)"), (None, "all")):
        print("==", name)
        print("  vector %.3f/%.3f" % mrr(half, lambda v, t: v))
        for var in data[0][2]:
            print("  text-%s %.3f/%.3f" % ((var,) + mrr(half, lambda v, t: t[var])))
        for var in data[0][2]:
            for k in (60, 20, 5):
                print("   hybrid %-8s k=%-3d " % (var, k) + " ".join("w%.2f %.3f/%.3f" % ((w,) + mrr(half, lambda v, t: fuse(v, t[var], w, k))) for w in (0.25, 0.5, 1.0)))


if __name__ == "__main__":
    if sys.argv[1] == "collect":
        collect()
    else:
        report(sys.argv[2], sys.argv[3])

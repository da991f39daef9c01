"""Helpers of scripts/eval.sh (standard library only).

    eval_report.py progress  < report.json    one progress line of a running evaluation
    eval_report.py compare A.json B.json       per-task differences of two reports, as Markdown
                                               (eval.sh --compare fetches a run id's report first)
"""
import json
import sys


def progress(report):
    running = [r["id"] for r in report["results"] if r["status"] == "RUNNING"]
    last = [r for r in report["results"] if r["status"] == "DONE"]
    line = "run %s %s: %d/%d done, %d solved, cost $%s" % (
        report["id"], report["status"], report["done"], report["tasks"], report["solved"], report["cost_usd"])
    if running:
        line += "; running: " + ", ".join(running)
    if last:
        line += "; finished: " + ", ".join("%s=%s" % (r["id"], r["reason"]) for r in last)
    return line


def describe(report):
    return "run %s (%s, %s, model %s, prompt %s%s)" % (
        report["id"], report["suite"], report["mode"], report.get("model") or "?", report.get("prompt_version") or "?",
        ", " + report["label"] if report.get("label") else "")


def number(value):
    return float(value) if value is not None else 0.0


def compare(a, b):
    out = ["# Comparison", "", "- A: " + describe(a), "- B: " + describe(b), "",
           "| | A | B |", "|---|---|---|"]
    for key in ("solved", "solve_rate", "tokens_in", "tokens_out", "cost_usd", "tokens_per_solved", "cost_per_solved_usd",
                "median_seconds"):
        out.append("| %s | %s | %s |" % (key, a.get(key), b.get(key)))
    out += ["", "| task | A | B | change | Δ tokens | Δ cost $ | Δ seconds |", "|---|---|---|---|---|---|---|"]
    by_a = {r["id"]: r for r in a["results"]}
    by_b = {r["id"]: r for r in b["results"]}
    for task in sorted(set(by_a) | set(by_b)):
        ra, rb = by_a.get(task), by_b.get(task)
        if ra is None or rb is None:
            out.append("| %s | %s | %s | only in %s | | | |" % (
                task, ra and ra["reason"] or "–", rb and rb["reason"] or "–", "A" if rb is None else "B"))
            continue
        change = "same"
        if ra["solved"] != rb["solved"]:
            change = "**fixed**" if rb["solved"] else "**broken**"
        elif ra["reason"] != rb["reason"]:
            change = "reason changed"
        tokens = (rb["tokens_in"] + rb["tokens_out"]) - (ra["tokens_in"] + ra["tokens_out"])
        cost = number(rb["cost_usd"]) - number(ra["cost_usd"])
        seconds = number(rb["seconds"]) - number(ra["seconds"])
        out.append("| %s | %s | %s | %s | %+d | %+.6f | %+.1f |" % (task, ra["reason"], rb["reason"], change, tokens, cost, seconds))
    return "\n".join(out)


def main():
    if sys.argv[1] == "progress":
        print(progress(json.load(sys.stdin)))
    elif sys.argv[1] == "compare":
        with open(sys.argv[2]) as fa, open(sys.argv[3]) as fb:
            print(compare(json.load(fa), json.load(fb)))
    else:
        sys.exit("usage: eval_report.py progress | compare A.json B.json")


if __name__ == "__main__":
    main()

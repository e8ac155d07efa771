#!/usr/bin/python3
"""Writes the first N articles of a news JSONL(.zst) file (../shared/data/news) as the inputs of
tools/bench/compare.sh: a plain JSONL copy (OUT/NAME.jsonl) and one .txt file per article
(OUT/txt/NAME/NNN/ID.txt, at most 1,000 files a folder). A .txt file holds the title on its first
line, a blank line, then the lead (baomoi "sapo", vietnews "abstract") and the text: the same text
vankien indexes from the JSONL record. Prints "docs=N bytes=B" where B is the UTF-8 bytes of all
.txt files (the "raw text" of the MB/s figures). Standard library only (Debian python3).

usage: news_to_txt.py FILE.jsonl[.zst] OUT NAME [--slice N]
"""
import argparse
import io
import json
import os
import re
import subprocess
import sys


def open_lines(path):
    if path.endswith(".zst"):
        proc = subprocess.Popen(["zstd", "-dc", path], stdout=subprocess.PIPE)
        return proc, io.TextIOWrapper(proc.stdout, encoding="utf-8", newline="\n")
    return None, open(path, encoding="utf-8", newline="\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("out")
    ap.add_argument("name")
    ap.add_argument("--slice", type=int, default=0, help="only the first N articles (0 = all)")
    args = ap.parse_args()

    txt_root = os.path.join(args.out, "txt", args.name)
    os.makedirs(txt_root, exist_ok=True)
    proc, lines = open_lines(args.file)
    docs = total = 0
    with open(os.path.join(args.out, args.name + ".jsonl"), "w", encoding="utf-8", newline="\n") as jsonl:
        for line in lines:
            if not line.strip():
                continue
            if args.slice and docs >= args.slice:
                break
            jsonl.write(line if line.endswith("\n") else line + "\n")
            rec = json.loads(line)
            title = " ".join(str(rec.get("title", "")).split())  # one line
            lead = str(rec.get("sapo", rec.get("abstract", ""))).strip()
            text = str(rec.get("text", "")).strip()
            body = "\n\n".join(part for part in (lead, text) if part)
            content = (title + "\n\n" + body + "\n").encode("utf-8")
            name = re.sub(r"[^A-Za-z0-9_.-]", "_", str(rec.get("id", docs))) or str(docs)
            folder = os.path.join(txt_root, "%03d" % (docs // 1000))
            if docs % 1000 == 0:
                os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name + ".txt"), "wb") as f:
                f.write(content)
            docs += 1
            total += len(content)
    if proc is not None:
        proc.stdout.close()  # a --slice run stops early: zstd then ends on SIGPIPE
        proc.wait()
    print("docs=%d bytes=%d" % (docs, total))
    return 0 if docs > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

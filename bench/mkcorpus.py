#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Makes a benchmark corpus: documents drawn (with a fixed seed) from the
given source texts, the paragraphs after the first of each plain text
shuffled so documents differ, one file each. Used by bench/run, bench/report
and tests/cli/report.sh.
Usage: mkcorpus.py OUTDIR COUNT SRC...      (COUNT documents)
       mkcorpus.py OUTDIR --mb MB SRC...    (until OUTDIR holds MB megabytes)
Prints the number of documents and bytes written."""
import os
import random
import sys


def main():
    out, args = sys.argv[1], sys.argv[2:]
    if args[0] == "--mb":
        docs, mb, srcs = None, float(args[1]), args[2:]
    else:
        docs, mb, srcs = int(args[0]), None, args[1:]
    texts = [(os.path.splitext(s)[1], open(s, "rb").read()) for s in srcs]
    rnd = random.Random(20261126)
    os.makedirs(out, exist_ok=True)
    total, i = 0, 0
    while (total < mb * 1e6) if mb is not None else (i < docs):
        ext, body = rnd.choice(texts)
        if ext == ".txt":
            paras = body.split(b"\n\n")
            head, rest = paras[:1], paras[1:]
            rnd.shuffle(rest)
            body = b"\n\n".join(head + rest)
        with open(os.path.join(out, "d%06d%s" % (i, ext)), "wb") as f:
            f.write(body)
        total += len(body)
        i += 1
    print(i, total)


if __name__ == "__main__":
    main()

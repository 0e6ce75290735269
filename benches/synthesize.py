#!/usr/bin/env python3
"""Writes N synthetic articles as crawler JSON lines, built from the real paragraphs and titles
of ../shared/corpus, for scale benchmarks: python3 benches/synthesize.py N OUT_DIR."""
import json, os, random, re, sys, html

root = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261123)
paras, titles = [], []
with open(os.path.join(root, "cctv-xwlb-talent.jsonl"), encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        titles.append(d["title"].replace("[视频]", ""))
        for p in re.findall(r"<p[^>]*>(.*?)</p>", d["content"], flags=re.S | re.I):
            t = html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
            if len(t) > 30:
                paras.append(t)
regs = os.path.join(root, "local-regulations")
for prov in os.listdir(regs):
    for name in os.listdir(os.path.join(regs, prov)):
        with open(os.path.join(regs, prov, name), encoding="utf-8") as f:
            lines = [l.strip() for l in f if l.strip()]
        if lines and lines[0].startswith("# "):
            titles.append(lines[0][2:])
        paras.extend(l for l in lines[1:] if len(l) > 30 and not l.startswith(("#", "<!--")))
os.makedirs(out, exist_ok=True)
per_file = 10_000
for start in range(0, n, per_file):
    with open(os.path.join(out, f"synthetic-{start // per_file:04d}.jsonl"), "w", encoding="utf-8") as f:
        for i in range(start, min(n, start + per_file)):
            body = rng.sample(paras, rng.randint(3, 9))
            date = f"{rng.randint(2012, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 09:00:00"
            title = f"{rng.choice(titles)}（{i}）"
            content = "".join(f"<p>{html.escape(p)}</p>" for p in body)
            f.write(json.dumps({"title": title, "pub_date": date, "source": "合成语料", "content": content}, ensure_ascii=False) + "\n")

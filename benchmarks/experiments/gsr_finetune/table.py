"""Print the markdown tables of RESULTS.md from res_assault.json / res_protest.json."""
import json
R = {l: json.load(open(f"/work/exp_ft/res_{l}.json")) for l in ("assault", "protest")}
names = {"e5_lr": "frozen e5 + LR (rasid protocol: 4 folds + amb, inner 3-fold OOF threshold)",
         "e5_lr_slice": "frozen e5 + LR, same 80/20 inner slice as fine-tuning",
         "ft": "fine-tuned e5, epoch picked on held-out AP",
         "ft_last": "fine-tuned e5, last epoch (3)"}
print("| label | model | P | R | F1 | tp / fp / fn |\n| --- | --- | --- | --- | --- | --- |")
for l, r in R.items():
    for k, v in r.get("pooled", {}).items():
        print(f"| {l.upper()} | {names[k]} | {v['P']:.3f} | {v['R']:.3f} | **{v['F1']:.3f}** | {v['tp']} / {v['fp']} / {v['fn']} |")
print()
print("| label | fold | e5 LR F1 | e5 LR (slice) F1 | fine-tuned F1 | FT last-epoch F1 | best epoch | threshold | held-out AP per epoch | train s per epoch |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for l, r in R.items():
    for f in r["folds"]:
        print(f"| {l.upper()} | {f['fold']} | {f['e5_lr_F1']:.3f} | {f['e5_lr_slice_F1']:.3f} | {f['ft_F1']:.3f} | {f['ft_last_F1']:.3f} | {f['best_epoch']} | {f['threshold']} | "
              + " / ".join(f"{e['ho_AP']:.2f}" for e in f["epochs"]) + " | " + " / ".join(f"{e['train_s']:.0f}" for e in f["epochs"]) + " |")
print()
for l, r in R.items():
    print(l, "check", r["check"], "epoch_s_mean", r.get("epoch_s_mean"), "total_s", r.get("total_s"), "peak", r.get("peak_rss_MB"), "speed", r.get("speed"))

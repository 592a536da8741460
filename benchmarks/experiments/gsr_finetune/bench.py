import csv, time, numpy as np, torch
torch.set_num_threads(1)
from e5torch import E5File, Encoder, mean_pool, pad
f=E5File(); enc=Encoder(f)
rows=list(csv.DictReader(open("/work/shared/data/events/arabic_event_gsr/assault_gsr_dev.csv",encoding="utf-8")))
ids=[f.encode(r["text"]) for r in rows[:400]]
print("mean len", np.mean([len(s) for s in ids]), "p90", np.percentile([len(s) for s in ids],90), "trunc", np.mean([len(f.encode(r['text'],max_len=10000))>128 for r in rows[:400]]))
ids=sorted(ids,key=len)[150:166]  # 16 median-length
x,m=pad(ids,f.pad); print("batch tokens", x.shape)
head=torch.nn.Linear(384,1)
for lo in (0,6):
    enc.train()
    ps=[p for ly in enc.layers[lo:] for p in ly.parameters()]+list(head.parameters())
    opt=torch.optim.AdamW(ps,lr=1e-5)
    with torch.no_grad(): h0=enc.run_layers(enc.embed(x,m),m,0,lo)
    for it in range(3):
        t=time.time()
        h=enc.run_layers(h0,m,lo); loss=head(mean_pool(h,m)).mean(); loss.backward(); opt.step(); opt.zero_grad()
        print("lo",lo,"step s",round(time.time()-t,2))

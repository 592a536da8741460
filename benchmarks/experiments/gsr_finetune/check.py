import csv, time, numpy as np, torch
torch.set_num_threads(1)
from e5torch import E5File, Encoder, mean_pool, pad
t=time.time(); f=E5File(); print("parse", round(time.time()-t,1), "H",f.H,"NL",f.NL,"NH",f.NH,"FF",f.FF,"VOC",f.VOC,"MAXP",f.MAXP,"eps",f.eps, "pieces", len(f.pieces), "norm", len(f.norm))
t=time.time(); enc=Encoder(f).eval(); print("build", round(time.time()-t,1))
rows=list(csv.DictReader(open("/work/shared/data/events/arabic_event_gsr/assault_gsr_dev.csv",encoding="utf-8")))
E=np.load("emb_assault_q.npy")
idx=list(range(0,1600,100))
t=time.time(); ids=[f.encode(rows[i]["text"], max_len=512) for i in idx]; print("tok/sent ms", round((time.time()-t)/len(idx)*1000,1), "lens", [len(s) for s in ids])
with torch.no_grad():
    x,m=pad(ids,f.pad); t=time.time(); h=mean_pool(enc(x,m),m); print("fwd s", round(time.time()-t,2))
h=torch.nn.functional.normalize(h,dim=-1).numpy()
cos=(h*E[idx]).sum(1); print("cos", cos.round(4), "min", cos.min())

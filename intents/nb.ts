// Multinomial naive Bayes on the same sparse features: trains by counting (a few ms), so it is also
// cheap to refit on a split for calibration. Used next to the logistic regression.
import type { SparseVec } from './model';

export class NaiveBayes {
  readonly w: Float64Array;
  readonly b: Float64Array;

  constructor(readonly nFeatures: number, readonly nClasses: number) {
    this.w = new Float64Array(nFeatures * nClasses);
    this.b = new Float64Array(nClasses);
  }

  train(xs: SparseVec[], ys: number[], alpha: number): void {
    const C = this.nClasses;
    const counts = new Float64Array(this.nFeatures * C);
    const totals = new Float64Array(C);
    const docs = new Float64Array(C);
    xs.forEach((x, i) => {
      const y = ys[i];
      docs[y]++;
      for (let k = 0; k < x.idx.length; k++) {
        counts[x.idx[k] * C + y] += x.val[k];
        totals[y] += x.val[k];
      }
    });
    for (let c = 0; c < C; c++) {
      // uniform prior: the share of each intent in the data says nothing about what users ask
      this.b[c] = 0;
      const denom = Math.log(totals[c] + alpha * this.nFeatures);
      for (let f = 0; f < this.nFeatures; f++) this.w[f * C + c] = Math.log(counts[f * C + c] + alpha) - denom;
    }
  }

  logits(x: SparseVec, out: Float64Array = new Float64Array(this.nClasses)): Float64Array {
    const C = this.nClasses;
    out.set(this.b);
    for (let k = 0; k < x.idx.length; k++) {
      const base = x.idx[k] * C;
      const v = x.val[k];
      for (let c = 0; c < C; c++) out[c] += this.w[base + c] * v;
    }
    return out;
  }
}

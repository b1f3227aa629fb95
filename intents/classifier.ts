// The intent classifier: logistic regression and naive Bayes over the same sparse features, each
// with a temperature fitted on a held-out part of the training data (never the evaluation set),
// so that "confidence 0.8" means about 80% right on unseen lines.
import type { FeatureBag } from './features';
import { DEFAULT_TRAIN, SoftmaxModel, softmaxInPlace, type SparseVec, type TrainOptions } from './model';
import { NaiveBayes } from './nb';

export interface LabelledBag {
  bag: FeatureBag;
  label: string;
}

export interface BuildOptions {
  train?: Partial<TrainOptions>;
  /** Share of each intent held out to fit the temperature (0 = no calibration). */
  holdout?: number;
  /** Features seen in fewer training lines are dropped (they only memorise one line). */
  minDf?: number;
  model?: 'lr' | 'nb' | 'ens';
  nbAlpha?: number;
  /** Weight of logistic regression in the ensemble (the rest is naive Bayes). */
  lrShare?: number;
  /** Epochs on all data after calibration on the split (0 = train a fresh model on all data). */
  warmEpochs?: number;
  /** Loss weight per label (default: out_of_scope 1.5, since answering an unrelated question wrongly costs more than asking again). */
  labelWeights?: Record<string, number>;
}

interface Scorer {
  logits(x: SparseVec, out?: Float64Array): Float64Array;
}

export class IntentClassifier {
  private constructor(
    readonly labels: string[],
    private readonly index: Map<string, number>,
    private readonly parts: Array<{ model: Scorer; temperature: number; share: number }>,
  ) {}

  get temperatures(): number[] {
    return this.parts.map((p) => p.temperature);
  }

  static build(items: LabelledBag[], labels: string[], opts: BuildOptions = {}): IntentClassifier {
    const train = { ...DEFAULT_TRAIN, ...opts.train };
    const holdout = opts.holdout ?? 0.15;
    const kind = opts.model ?? 'lr';
    const labelWeights = opts.labelWeights ?? { out_of_scope: 1.5 };
    const alpha = opts.nbAlpha ?? 0.1;
    const lrShare = kind === 'ens' ? opts.lrShare ?? 0.5 : kind === 'lr' ? 1 : 0;
    const labelIdx = new Map(labels.map((l, i) => [l, i]));
    const df = new Map<string, number>();
    for (const it of items) for (const n of it.bag.names) df.set(n, (df.get(n) ?? 0) + 1);
    const index = new Map<string, number>();
    for (const [n, c] of df) if (c >= (opts.minDf ?? 1)) index.set(n, index.size);
    const xs = items.map((it) => vectorise(it.bag, index));
    const ys = items.map((it) => {
      const y = labelIdx.get(it.label);
      if (y === undefined) throw new Error(`unknown label ${it.label}`);
      return y;
    });
    const ws = items.map((it) => labelWeights[it.label] ?? 1);
    const F = index.size;
    const C = labels.length;

    // every k-th line of each intent is held out: deterministic and stratified
    const fitIdx: number[] = [];
    const heldIdx: number[] = [];
    if (holdout > 0) {
      const step = Math.max(2, Math.round(1 / holdout));
      const seen = new Map<number, number>();
      ys.forEach((y, i) => {
        const n = seen.get(y) ?? 0;
        seen.set(y, n + 1);
        (n % step === step - 1 ? heldIdx : fitIdx).push(i);
      });
    }
    const pick = <T>(arr: T[], idx: number[]): T[] => idx.map((i) => arr[i]);
    const parts: Array<{ model: Scorer; temperature: number; share: number }> = [];

    if (lrShare > 0) {
      let t = 1;
      let model: SoftmaxModel;
      if (heldIdx.length) {
        const probe = new SoftmaxModel(F, C);
        probe.train(pick(xs, fitIdx), pick(ys, fitIdx), train, pick(ws, fitIdx));
        t = fitTemperature(heldIdx.map((i) => probe.logits(xs[i])), pick(ys, heldIdx));
        if (opts.warmEpochs) {
          probe.train(xs, ys, { ...train, epochs: opts.warmEpochs, seed: train.seed + 1 }, ws);
          model = probe;
        } else {
          model = new SoftmaxModel(F, C);
          model.train(xs, ys, train, ws);
        }
      } else {
        model = new SoftmaxModel(F, C);
        model.train(xs, ys, train, ws);
      }
      parts.push({ model, temperature: t, share: lrShare });
    }
    if (lrShare < 1) {
      let t = 1;
      if (heldIdx.length) {
        const probe = new NaiveBayes(F, C);
        probe.train(pick(xs, fitIdx), pick(ys, fitIdx), alpha);
        t = fitTemperature(heldIdx.map((i) => probe.logits(xs[i])), pick(ys, heldIdx));
      }
      const nb = new NaiveBayes(F, C);
      nb.train(xs, ys, alpha);
      parts.push({ model: nb, temperature: t, share: 1 - lrShare });
    }
    return new IntentClassifier(labels, index, parts);
  }

  /** Calibrated class probabilities, in the order of `labels`. */
  probabilities(bag: FeatureBag): Float64Array {
    const x = vectorise(bag, this.index);
    const out = new Float64Array(this.labels.length);
    for (const p of this.parts) {
      const q = softmaxInPlace(p.model.logits(x), p.temperature);
      for (let c = 0; c < out.length; c++) out[c] += p.share * q[c];
    }
    return out;
  }

  /** Share (by weight) of the message's features with this prefix that the model knows. */
  coverage(bag: FeatureBag, prefix: string): number {
    let seen = 0;
    let all = 0;
    for (let i = 0; i < bag.names.length; i++) {
      if (!bag.names[i].startsWith(prefix)) continue;
      all += bag.values[i];
      if (this.index.has(bag.names[i])) seen += bag.values[i];
    }
    return all ? seen / all : 0;
  }
}

function vectorise(bag: FeatureBag, index: Map<string, number>): SparseVec {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < bag.names.length; i++) {
    const j = index.get(bag.names[i]);
    if (j !== undefined) {
      idx.push(j);
      val.push(bag.values[i]);
    }
  }
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

/** The temperature that minimises the held-out negative log-likelihood (golden-section search). */
function fitTemperature(logits: Float64Array[], ys: number[]): number {
  const buf = new Float64Array(logits[0]?.length ?? 0);
  const nll = (t: number): number => {
    let s = 0;
    logits.forEach((z, i) => {
      buf.set(z);
      const p = softmaxInPlace(buf, t);
      s -= Math.log(Math.max(p[ys[i]], 1e-12));
    });
    return s;
  };
  let lo = 0.05;
  let hi = 20;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let k = 0; k < 40; k++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(b);
    }
  }
  return (lo + hi) / 2;
}

// The intent classifier: multinomial logistic regression over sparse features, with a temperature
// fitted on a held-out part of the training data (never the evaluation set), so that "confidence 0.8"
// means about 80% right on unseen lines. The final model is then trained on all lines.
import type { FeatureBag } from './features';
import { DEFAULT_TRAIN, SoftmaxModel, softmaxInPlace, type SparseVec, type TrainOptions } from './model';

export interface LabelledBag {
  bag: FeatureBag;
  label: string;
}

export interface BuildOptions {
  train?: Partial<TrainOptions>;
  /** Share of each intent held out to fit the temperature (0 = no calibration). */
  holdout?: number;
  /** Loss weight per label (default: out_of_scope 1.5: answering an unrelated question costs more than asking again). */
  labelWeights?: Record<string, number>;
}

/** Everything needed to rebuild a trained classifier without training (see model-cache.ts). */
export interface ClassifierSnapshot {
  labels: string[];
  features: string[];
  temperature: number;
  weights: Float32Array;
  bias: number[];
}

export class IntentClassifier {
  private constructor(
    readonly labels: string[],
    private readonly index: Map<string, number>,
    private readonly model: SoftmaxModel,
    readonly temperature: number,
  ) {}

  static build(items: LabelledBag[], labels: string[], opts: BuildOptions = {}): IntentClassifier {
    const train = { ...DEFAULT_TRAIN, ...opts.train };
    const holdout = opts.holdout ?? 0.15;
    const labelWeights = opts.labelWeights ?? { out_of_scope: 1.5 };
    const labelIdx = new Map(labels.map((l, i) => [l, i]));
    const index = new Map<string, number>();
    for (const it of items) for (const n of it.bag.names) if (!index.has(n)) index.set(n, index.size);
    const xs = items.map((it) => vectorise(it.bag, index));
    const ys = items.map((it) => {
      const y = labelIdx.get(it.label);
      if (y === undefined) throw new Error(`unknown label ${it.label}`);
      return y;
    });
    const ws = items.map((it) => labelWeights[it.label] ?? 1);
    const F = index.size;
    const C = labels.length;

    let temperature = 1;
    if (holdout > 0) {
      // every k-th line of each intent is held out: deterministic and stratified
      const step = Math.max(2, Math.round(1 / holdout));
      const seen = new Map<number, number>();
      const fitIdx: number[] = [];
      const heldIdx: number[] = [];
      ys.forEach((y, i) => {
        const n = seen.get(y) ?? 0;
        seen.set(y, n + 1);
        (n % step === step - 1 ? heldIdx : fitIdx).push(i);
      });
      const pick = <T>(arr: T[], idx: number[]): T[] => idx.map((i) => arr[i]);
      const probe = new SoftmaxModel(F, C);
      probe.train(pick(xs, fitIdx), pick(ys, fitIdx), train, pick(ws, fitIdx));
      temperature = fitTemperature(heldIdx.map((i) => probe.logits(xs[i])), pick(ys, heldIdx));
    }
    const model = new SoftmaxModel(F, C);
    model.train(xs, ys, train, ws);
    return new IntentClassifier(labels, index, model, temperature);
  }

  static fromSnapshot(s: ClassifierSnapshot): IntentClassifier {
    const index = new Map<string, number>();
    s.features.forEach((f, i) => index.set(f, i));
    return new IntentClassifier(s.labels, index, SoftmaxModel.fromWeights(s.features.length, s.labels.length, s.weights, s.bias), s.temperature);
  }

  snapshot(): ClassifierSnapshot {
    return { labels: this.labels, features: [...this.index.keys()], temperature: this.temperature, weights: this.model.w, bias: [...this.model.b] };
  }

  /** Calibrated class probabilities, in the order of `labels`. */
  probabilities(bag: FeatureBag): Float64Array {
    // one message at a time: reuse the buffers instead of allocating typed arrays per call
    if (this.scratch.idx.length < bag.names.length) {
      this.scratch = { idx: new Int32Array(bag.names.length * 2), val: new Float64Array(bag.names.length * 2) };
    }
    const { idx, val } = this.scratch;
    let k = 0;
    for (let i = 0; i < bag.names.length; i++) {
      const j = this.index.get(bag.names[i]);
      if (j !== undefined) {
        idx[k] = j;
        val[k++] = bag.values[i];
      }
    }
    return softmaxInPlace(this.model.logits({ idx: idx.subarray(0, k), val: val.subarray(0, k) }), this.temperature);
  }

  private scratch: SparseVec = { idx: new Int32Array(256), val: new Float64Array(256) };
}

function vectorise(bag: FeatureBag, index: Map<string, number>): SparseVec {
  const idx = new Int32Array(bag.names.length);
  const val = new Float64Array(bag.names.length);
  let k = 0;
  for (let i = 0; i < bag.names.length; i++) {
    const j = index.get(bag.names[i]);
    if (j !== undefined) {
      idx[k] = j;
      val[k++] = bag.values[i];
    }
  }
  return k === idx.length ? { idx, val } : { idx: idx.slice(0, k), val: val.slice(0, k) };
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

// Where the checkout's data files are (YAML, JSON, CSV, training data, the Web Chat bundle, widget
// assets), whether the code runs from its TypeScript sources (ts-jest, bin/register-ts.js) or
// compiled to dist/ (npm run build). Data is never copied into dist/: support staff edit it in
// place and a restart picks it up, built or not.
import * as path from 'path';

/** The checkout: this file is at its top, or at the top of dist/ once compiled. */
export const PROJECT_ROOT = path.extname(__filename) === '.ts' ? __dirname : path.resolve(__dirname, '..');

/** A path inside the checkout, e.g. fromRoot('knowledge', 'hotline.yaml'). */
export function fromRoot(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}

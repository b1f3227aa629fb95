// The project's shared folder (../shared beside the checkout: facts, intent list, dev set). The
// tests that compare against it fail when it is missing, instead of passing without checking.
import fs from 'fs';
import path from 'path';

export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');

/** The path of a file under ../shared; throws, naming it, when the file is not there. */
export function sharedFile(...parts: string[]): string {
  const file = path.join(SHARED_DIR, ...parts);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: this test compares against the shared folder, which must sit beside the checkout as ../shared (as in development and in CI)`);
  }
  return file;
}

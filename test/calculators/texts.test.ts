// The calculators' sentences live in calculators/texts.yaml: the shipped file is complete, and a support
// officer's slip (a language left out, a placeholder in one language only, a misspelt key) is reported with
// the key, not found later in a reply.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { loadTexts, TEXTS_FILE, TEXT_KEYS } from '../../calculators/texts';
import { explainLateInterestForDays, lateInterestForDays } from '../../calculators';

function broken(edit: (t: string) => string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'texts-'));
  const file = path.join(dir, 'texts.yaml');
  const original = fs.readFileSync(TEXTS_FILE, 'utf8');
  const changed = edit(original);
  expect(changed).not.toBe(original);
  fs.writeFileSync(file, changed);
  try {
    const { table, problems } = loadTexts(file);
    expect(table).toBeNull();
    return problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the shipped texts have every key in both languages', () => {
  const { table, problems } = loadTexts();
  expect(problems).toEqual([]);
  for (const key of TEXT_KEYS) {
    expect(table?.[key].ms).toBeTruthy();
    expect(table?.[key].en).toBeTruthy();
  }
});

test('a missing language, a placeholder in one language only and an unknown key are named', () => {
  const problems = broken((t) =>
    t
      .replace('    en: "Contributions for wages of {wage}, wage month {month}:"\n', '')
      .replace('en: "The employer pays {er}; deduct {ee} from the employee\'s wages. Total to PERKESO: {total}."', 'en: "The employer pays {er}. Total to PERKESO: {total}."')
      .replace('\n  caveat:', '\n  caveats:'),
  );
  expect(problems).toContainEqual(expect.stringMatching(/texts\.yaml: explain\.heading\.en is missing/));
  expect(problems).toContainEqual(expect.stringMatching(/texts\.yaml: explain\.totals has different placeholders in ms and en/));
  expect(problems).toContainEqual(expect.stringMatching(/texts\.yaml: late_interest\.caveats is not a known text/));
  expect(problems).toContainEqual(expect.stringMatching(/text "late_interest\.caveat" is missing/));
});

test('a placeholder the code does not fill is refused', () => {
  const problems = broken((t) => t.replace('en: "• Not late: no late-payment interest."', 'en: "• Not late ({days} days): no interest."'));
  expect(problems).toContainEqual(expect.stringMatching(/late_interest\.not_late\.en uses an unknown placeholder \{days\} \(this text takes none\)/));
});

test('a sentence read from the file reaches the reply', () => {
  const text = explainLateInterestForDays(lateInterestForDays({ amount: '450.00', daysLate: 0 }), 'en');
  expect(text).toContain('• Not late: no late-payment interest.');
});

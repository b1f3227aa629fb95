// A support officer's mistake in a knowledge file must stop the start with the file and field named,
// and `hanna kb check` (checkKnowledgeBase) must report the same problems.
import fs from 'fs';
import path from 'path';
import { checkKnowledgeBase, KnowledgeError, loadKnowledgeBase } from '../../knowledge';
import { copyKnowledge, editFile } from './helpers';

/** The problems the load reports for a broken copy (the load must fail). */
function problemsOf(dir: string): string[] {
  let caught: unknown;
  try {
    loadKnowledgeBase(dir);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(KnowledgeError);
  const check = checkKnowledgeBase(dir);
  expect(check.ok).toBe(false);
  expect(check.errors).toEqual([...(caught as KnowledgeError).problems]);
  for (const p of check.errors) expect((caught as Error).message).toContain(p);
  return check.errors;
}

const dirs: string[] = [];
function brokenCopy(): string {
  const dir = copyKnowledge();
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the shipped knowledge base', () => {
  test('passes the check with every intent answered', () => {
    const result = checkKnowledgeBase();
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.intents).toBe(25);
  });

  test('an untouched copy in another folder loads too (the test copies are faithful)', () => {
    expect(checkKnowledgeBase(brokenCopy()).ok).toBe(true);
  });
});

describe('validation names the file and the field', () => {
  test('missing language', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/login_how.yaml', (t) => t.slice(0, t.indexOf('\nen:\n') + 1));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/answers\/login_how\.yaml:\d+: en is missing/));
  });

  test('unknown intent', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/guides.yaml', (t) => t.replace('intent: guides', 'intent: guide_book'));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/answers\/guides\.yaml:\d+: intent "guide_book" is not a known intent/));
  });

  test('empty answer text', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/thanks.yaml', (t) => t.replace("You're welcome! Is there anything else I can help with?", '""'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/answers\/thanks\.yaml:\d+: en\.text is empty/));
  });

  test('malformed URL in a source, and plain http', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/guides.yaml', (t) =>
      t.replace('url: https://www.perkeso.gov.my/en/online/for-employer/assist-portal/guide.html', 'url: www.perkeso.gov.my/guide'),
    );
    editFile(dir, 'answers/acr_receipt.yaml', (t) =>
      t.replace('url: https://www.perkeso.gov.my/en/online/for-employer/assist-portal/guide.html', 'url: http://www.perkeso.gov.my/guide'),
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/answers\/guides\.yaml:\d+: sources\[0\]\.url is not a valid URL: "www\.perkeso\.gov\.my\/guide"/));
    expect(problems).toContainEqual(expect.stringMatching(/answers\/acr_receipt\.yaml:\d+: sources\[0\]\.url must start with https:\/\//));
  });

  test('malformed URL written in the answer text', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/portal_link.yaml', (t) => t.replace('• PERKESO website: https://www.perkeso.gov.my', '• PERKESO website: http://www.perkeso.gov.my'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/answers\/portal_link\.yaml:\d+: en\.text contains a URL that must start with https/));
  });

  test('the line number points at the broken field', () => {
    const dir = brokenCopy();
    const file = editFile(dir, 'answers/thanks.yaml', (t) => t.replace('  text: Sama-sama! Ada apa-apa lagi yang boleh saya bantu?', '  text: ""'));
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l === '  text: ""') + 1;
    expect(problemsOf(dir)).toContainEqual(`${file}:${line}: ms.text is empty`);
  });

  test('an intent without any answer file', () => {
    const dir = brokenCopy();
    fs.rmSync(path.join(dir, 'answers', 'late_payment.yaml'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/answers: no answer for intent "late_payment"/));
  });

  test('an answer longer than a chat window allows before "more"', () => {
    const dir = brokenCopy();
    const long = Array.from({ length: 90 }, (_, i) => `kata${i}`).join(' ');
    editFile(dir, 'answers/thanks.yaml', (t) => t.replace('Sama-sama! Ada apa-apa lagi yang boleh saya bantu?', long));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/answers\/thanks\.yaml:\d+: ms\.text has 90 words; the limit is 80 \(move the rest to more\)/));
  });

  test('a typo in a field name, a missing source and a bad date', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/payment_methods.yaml', (t) => t.replace('suggestions:', 'sugestions:'));
    editFile(dir, 'answers/forgot_user_id.yaml', (t) => t.replace(/sources:\n(  - .*\n    .*\n)+/, ''));
    editFile(dir, 'answers/guides.yaml', (t) => t.replace('verified: 2026-11-26', 'verified: 2026-13-01'));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/payment_methods\.yaml:\d+: sugestions is not a known field/));
    expect(problems).toContainEqual(expect.stringMatching(/forgot_user_id\.yaml:\d+: sources is missing: ms and en need at least one source/));
    expect(problems).toContainEqual(expect.stringMatching(/guides\.yaml:\d+: verified must be a real date written YYYY-MM-DD/));
  });

  test('a suggestion pointing at an unknown intent, and an unknown placeholder', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/thanks.yaml', (t) => t.replace('suggestions: [help_menu, goodbye]', 'suggestions: [help_menu, good_bye]'));
    editFile(dir, 'answers/contact_support.yaml', (t) => t.replace('    {hotline_status}\n    Have', '    {hotline}\n    Have'));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/thanks\.yaml:\d+: suggestions\[1\] "good_bye" is not a known intent/));
    expect(problems).toContainEqual(expect.stringMatching(/contact_support\.yaml:\d+: en\.text uses an unknown placeholder \{hotline\}/));
    expect(problems).toContainEqual(expect.stringMatching(/contact_support\.yaml:\d+: en\.text must include \{hotline_status\}/));
  });

  test('YAML syntax errors give the line', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/goodbye.yaml', (t) => t.replace('intent: goodbye', 'intent: [goodbye'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/answers\/goodbye\.yaml:\d+: YAML syntax error/));
  });

  test('two files for the same intent', () => {
    const dir = brokenCopy();
    fs.copyFileSync(path.join(dir, 'answers', 'guides.yaml'), path.join(dir, 'answers', 'guides-copy.yaml'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/guides(-copy)?\.yaml:\d+: intent answers guides, which \S*guides(-copy)?\.yaml already answers/);
    expect(problems[0]).toContain('guides-copy.yaml');
  });

  test('phrases: a missing key, a missing language, an unknown key', () => {
    const dir = brokenCopy();
    editFile(dir, 'phrases.yaml', (t) =>
      t
        .replace(/\nlanguage_switched:\n  ms: .*\n  en: .*\n/, '\n')
        .replace('more_button:\n  ms: Lagi\n  en: More', 'more_button:\n  ms: Lagi')
        .replace('menu_button:', 'menu_buton:'),
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/phrases\.yaml(:\d+)?: phrase "language_switched" is missing/));
    expect(problems).toContainEqual(expect.stringMatching(/phrases\.yaml:\d+: more_button\.en is missing/));
    expect(problems).toContainEqual(expect.stringMatching(/phrases\.yaml:\d+: menu_buton is not a known phrase key/));
  });

  test('grouped phrases: a missing language and a placeholder only one language has name the group and key', () => {
    const dir = brokenCopy();
    editFile(dir, 'phrases.yaml', (t) =>
      t
        .replace(/\n  skip:\n    ms: Langkau\n    en: Skip\n/, '\n  skip:\n    ms: Langkau\n')
        .replace('en: "Total to PERKESO: **{amount}**"', 'en: "Total to PERKESO"')
        .replace('\n  try_again:', '\n  try_agian:'),
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/phrases\.yaml:\d+: form\.skip\.en is missing/));
    expect(problems).toContainEqual(expect.stringMatching(/phrases\.yaml:\d+: quote\.total has different placeholders in ms \(\{amount\}\) and en \(\{none\}\)/));
    expect(problems).toContainEqual(expect.stringMatching(/phrases\.yaml:\d+: form\.try_agian is not a known phrase of the group form/));
    expect(problems).toContainEqual(expect.stringMatching(/phrase "form\.try_again" is missing/));
  });

  test('every problem is listed at once, not only the first', () => {
    const dir = brokenCopy();
    editFile(dir, 'answers/thanks.yaml', (t) => t.replace("You're welcome! Is there anything else I can help with?", '""'));
    editFile(dir, 'answers/guides.yaml', (t) => t.replace('intent: guides', 'intent: guide_book'));
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.includes('thanks.yaml'))).toBe(true);
    expect(problems.some((p) => p.includes('guides.yaml'))).toBe(true);
  });

  test('a missing folder is reported, not thrown as a stack trace', () => {
    const result = checkKnowledgeBase(path.join(brokenCopy(), 'nope'));
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/nope: knowledge folder not found/);
  });
});

// The intent catalogue (knowledge/intents.yaml): the shipped one matches the project's intent list and
// the code's named intents, and a support officer's mistake in it stops the start naming file and field.
import fs from 'fs';
import path from 'path';
import { checkKnowledgeBase, INTENT_IDS, loadKnowledgeBase, type IntentId } from '../../knowledge';
import { NAMED_INTENTS } from '../../intents';
import { copyKnowledge, editFile, SHARED_DIR } from './helpers';

const dirs: string[] = [];
function copy(): string {
  const dir = copyKnowledge();
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The problems `hanna kb check` reports for a broken copy (it must not pass). */
function problemsOf(dir: string): string[] {
  const check = checkKnowledgeBase(dir);
  expect(check.ok).toBe(false);
  expect(() => loadKnowledgeBase(dir)).toThrow(check.errors[0]);
  return check.errors;
}

describe('the shipped catalogue', () => {
  test('its ids are exactly the project intents.json, in order', () => {
    const file = path.join(SHARED_DIR, 'intents.json');
    // This comparison is the whole point of the test: without the shared folder it cannot pass.
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: the catalogue cannot be checked against the project's intent list`);
    const ids = (JSON.parse(fs.readFileSync(file, 'utf8')) as { intents: Array<{ id: string }> }).intents.map((i) => i.id);
    expect([...INTENT_IDS]).toEqual(ids);
    expect(loadKnowledgeBase().catalogue.ids).toEqual(ids);
  });

  test('has every intent the code names, and the main topics in menu order', () => {
    const catalogue = loadKnowledgeBase().catalogue;
    for (const named of NAMED_INTENTS) expect(catalogue.id(named)).toBe(named);
    expect(catalogue.menu()).toEqual(['login_how', 'register_portal_id', 'contribution_rates', 'contribution_quote', 'late_payment', 'human_handoff']);
    expect(catalogue.handler('human_handoff')).toBe('handoff');
    expect(catalogue.has('greeting', 'small_talk')).toBe(true);
    expect(catalogue.has('forgot_password', 'small_talk')).toBe(false);
  });

  test('an intent the code names is typed: a typo does not compile', () => {
    // @ts-expect-error 'human_handof' is not an intent id (tsc fails if this line compiles)
    const typo: IntentId = 'human_handof';
    const named: IntentId = 'human_handoff';
    expect([typo, named]).toHaveLength(2);
  });
});

describe('a mistake in intents.yaml names the file, line and field', () => {
  test('an unknown trait', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace('traits: [small_talk, sourceless]\nthanks:', 'traits: [small_talk, sourcless]\nthanks:'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: greeting\.traits "sourcless" is not a known trait \(use small_talk, sourceless/));
  });

  test('an unknown handler', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace('guides:\n  handler: answer', 'guides:\n  handler: anwser'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: guides\.handler "anwser" is not a known handler \(use one of answer, redirect/));
  });

  test('a button label missing in one language', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace(/(acr_receipt:[\s\S]*?)\n    en: \{[^\n]*\}/, '$1'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: acr_receipt\.button\.en is missing/));
  });

  test('a topic intent without a button', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace(/(guides:\n  handler: answer)\n  button:\n[^\n]*\n[^\n]*/, '$1'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: guides\.button is missing/));
  });

  test('two main topics in the same menu place', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace('menu: 2', 'menu: 1'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: register_portal_id\.menu place 1 is already login_how's/));
  });

  test('an intent whose handler needs an answer, without one', () => {
    const dir = copy();
    fs.rmSync(path.join(dir, 'answers/guides.yaml'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/answers: no answer for intent "guides" \(add guides\.yaml\)/));
  });

  test('a quote intent needs no answer file', () => {
    const dir = copy();
    fs.rmSync(path.join(dir, 'answers/contribution_quote.yaml'));
    expect(checkKnowledgeBase(dir).errors).toEqual([]);
  });

  test('variants only with handler redirect', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace('other_agency:\n  handler: redirect', 'other_agency:\n  handler: answer'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: other_agency\.variants are only used with handler redirect/));
  });

  test('an intent the code relies on removed', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace(/\nlate_payment:\n(  [^\n]*\n)+/, '\n'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: has no intent "late_payment", which the bot's code relies on/));
  });

  test('an unknown field', () => {
    const dir = copy();
    editFile(dir, 'intents.yaml', (t) => t.replace('guides:\n  handler: answer', 'guides:\n  handler: answer\n  menue: 7'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/intents\.yaml:\d+: guides\.menue is not a known field/));
  });
});

// Registration duties (FACTS.md §4.3): a business that closes asks what to do now, so a message about
// closing gets Borang 1A first; a plain registration question still gets the registration steps.
import { loadKnowledgeBase } from '../../knowledge';
import { intentId } from '../../intents';

const kb = loadKnowledgeBase();
const OBLIGATION = intentId('employer_obligation');
const NOW = new Date('2026-11-26T02:00:00Z');

test.each([
  ['ms', 'syarikat saya nak tutup bulan depan, perkeso macam mana', /^Berhenti menjadi majikan .*Borang 1A .*30 hari/],
  ['ms', 'kedai dah gulung tikar', /^Berhenti menjadi majikan/],
  ['en', 'we are closing down the business, what about socso', /^Stopped being an employer .*Form 1A .*30 days/],
  ['en', 'company was wound up last month', /^Stopped being an employer/],
] as const)('%s: %j starts with Borang 1A', (lang, message, first) => {
  expect(kb.answer(OBLIGATION, lang, { now: NOW, message }).text).toMatch(first);
});

test.each([
  ['ms', 'wajib daftar perkeso ke untuk syarikat baru', /^Majikan dan pekerja baharu mesti didaftarkan/],
  ['en', 'must i register my company with socso', /^New employers and new employees must be registered/],
] as const)('%s: %j gets the registration steps as before', (lang, message, first) => {
  const a = kb.answer(OBLIGATION, lang, { now: NOW, message });
  expect(a.text).toMatch(first);
  expect(a.text).not.toMatch(/Borang 1A|Form 1A/);
});

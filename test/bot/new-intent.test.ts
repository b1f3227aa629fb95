// Adding an intent is a data change: a catalogue entry, training lines and an answer file in a copy of the
// data, and the bot answers it through runTurn, with no TypeScript edited.
import { createCalculator } from '../../calculators';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { runTurn } from '../../bot/core';
import { createUnderstander } from '../../intents';
import { DEFAULT_DATA_DIR } from '../../intents/training-data';
import { loadKnowledgeBase } from '../../knowledge';
import { copyKnowledge } from '../knowledge/helpers';

const NOW = new Date('2026-12-04T10:00:00+08:00');

const ENTRY = `
bot_feedback:
  handler: answer
  traits: [sourceless]
  button:
    ms: { title: Maklum balas, value: maklum balas tentang chatbot }
    en: { title: Feedback, value: feedback about the chatbot }
`;

const ANSWER = `intent: bot_feedback
verified: 2026-12-04
sources: []
suggestions: [help_menu]
ms:
  text: Terima kasih atas maklum balas anda tentang chatbot ini. Kami baca setiap cadangan.
en:
  text: Thank you for your feedback on this chatbot. We read every suggestion.
`;

const TRAINING = {
  intent: 'bot_feedback',
  ms: [
    'saya nak beri maklum balas tentang chatbot', 'maklum balas untuk bot ni', 'ada cadangan untuk chatbot', 'nak bagi komen pasal bot',
    'chatbot ni boleh diperbaiki', 'saya ada aduan tentang chatbot', 'komen tentang perkhidmatan bot', 'cadangan penambahbaikan chatbot',
    'bot ni kurang membantu, ini maklum balas saya', 'macam mana nak hantar maklum balas chatbot',
  ],
  en: [
    'i want to give feedback about the chatbot', 'feedback for this bot', 'i have a suggestion for the chatbot', 'some comments about the bot',
    'the chatbot could be improved', 'complaint about the chatbot itself', 'how do i send feedback on the bot', 'suggestion to improve this chatbot',
    'rate this chatbot', 'my feedback on your bot',
  ],
  mixed: ['nak bagi feedback pasal chatbot', 'ada suggestion untuk bot ni', 'feedback chatbot ni', 'komen sikit pasal bot'],
};

let knowledgeDir: string;
let dataDir: string;

beforeAll(() => {
  knowledgeDir = copyKnowledge();
  fs.appendFileSync(path.join(knowledgeDir, 'intents.yaml'), ENTRY);
  fs.writeFileSync(path.join(knowledgeDir, 'answers/bot_feedback.yaml'), ANSWER);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-intents-'));
  fs.cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'bot_feedback.json'), JSON.stringify(TRAINING));
});

afterAll(() => {
  fs.rmSync(knowledgeDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a new intent added as data only is understood and answered', () => {
  const kb = loadKnowledgeBase(knowledgeDir);
  expect(kb.catalogue.ids).toContain('bot_feedback');
  const understander = createUnderstander({ dataDir, intents: kb.catalogue.ids, tuning: { cache: false } });
  const calculator = createCalculator();

  const en = runTurn({ kb, understander, calculator }, undefined, { text: 'I would like to give some feedback about this chatbot', channel: 'test' }, NOW);
  expect(en.meta.intent).toBe('bot_feedback');
  expect(en.replies[0].text).toContain('Thank you for your feedback on this chatbot.');
  // Its button is offered like any other intent's: "Main menu" from its suggestions.
  expect(en.replies[0].suggestedActions?.map((a) => a.title)).toContain('Main menu');

  const ms = runTurn({ kb, understander, calculator }, en.state, { text: 'saya ada cadangan untuk chatbot ni', channel: 'test' }, NOW);
  expect(ms.meta.intent).toBe('bot_feedback');
  expect(ms.replies[0].text).toContain('Terima kasih atas maklum balas anda');
  // Not small talk: kept among the topics an officer would see.
  expect(ms.state.topics).toContain('bot_feedback');
});

test('a catalogue intent without training lines stops the start, naming it', () => {
  const kb = loadKnowledgeBase(knowledgeDir);
  expect(() => createUnderstander({ intents: kb.catalogue.ids, tuning: { cache: false } })).toThrow(/no training data for intent\(s\) bot_feedback/);
});

/**
 * The FAQ knowledge base: answers, UI phrases, button labels and Careline hours as data files in this
 * folder, validated at start-up. See README.md for how support staff edit them.
 */
export type { Lang, Source, Suggestion, Answer, AnswerOptions, Agency, KnowledgeBase } from './types';
export { LANGS } from './types';
export type { PhraseKey } from './phrases';
export { PHRASE_KEYS, PHRASE_VARS, fillPlaceholders, phrasePair, phrasePairs, shippedPhrases } from './phrases';
export { KnowledgeError } from './errors';
export { loadKnowledgeBase, checkKnowledgeBase, DEFAULT_KNOWLEDGE_DIR } from './loader';
export type { LoadOptions } from './loader';
export type { LoadedKnowledgeBase } from './knowledgeBase';
export { parseMoreCommand, MORE_PREFIX } from './knowledgeBase';
export type { HotlineStatus, Holiday } from './hotline';
export { hotlineStatus } from './hotline';
export { isOfficialUrl, findUrls } from './urls';
export { INTENT_IDS, type IntentId } from './intentIds';
export { IntentCatalogue, loadCatalogue, HANDLERS, TRAITS, type HandlerName, type Trait, type IntentEntry } from './catalogue';
export { MAX_TEXT_WORDS, MAX_MORE_WORDS } from './answerFile';
export { countWords } from './words';

// The understanding layer's public API: what the conversation core and the CLI import.
//
//   const u = createUnderstander();            // reads intents/data + intents/lexicon, trains (or loads the cached model)
//   u.understand(text, { lang })               // intent, calibrated confidence, top-3 ranking, normalised text,
//                                              // language (sticky: context.lang unless the user switches), entities
//   u.classify(text)                           // the same without conversation context (for `hanna classify`)
//
// Language of a message with no language evidence ("hi", "ok", "RM2500"): the conversation's language, else Malay.
// A pure language-switch request ("English please") comes back with langSwitch set and intent help_menu.
export type { Agency, Classification, Entities, Lang, Ranked, Understander, UnderstandContext, Understanding, WorkerEntry } from './types';
export { createUnderstander, type BuildStats, type UnderstanderOptions } from './understander';
export { redact } from './redact';
export { maskMyKadDigits, validateMyKad, validateEmployerCode, type MyKadResult } from './validators';
export { classifyJsonLine } from './json-line';
export { INTENT_IDS, NAMED_INTENTS, OUT_OF_SCOPE, readCatalogueIds, toIntentIds, intentId, isIntent, type IntentId, type NamedIntent } from './ids';
export { extractEntities } from './entities';

// The understanding layer's public API: what the conversation core and the CLI import.
export type { Agency, Classification, Entities, Lang, Ranked, Understander, Understanding } from './types';
export { createUnderstander } from './understander';
export { redact } from './redact';
export { validateMyKad, validateEmployerCode } from './validators';
export { classifyJsonLine } from './json-line';
export { INTENT_IDS, type IntentId } from './ids';

/**
 * The intent ids the knowledge base must answer: the keys of the intent catalogue (intents.yaml), the
 * list the classifier also produces (the same as ../shared/intents.json). Traits, variants and handlers
 * are in the catalogue itself (catalogue.ts).
 */
export { INTENT_IDS, type IntentId } from '../intents/ids';

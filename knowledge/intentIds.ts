/**
 * The intent ids the knowledge base must answer: the one list the classifier also produces
 * (intents/ids.ts, the same as ../shared/intents.json). Shared data, not behaviour: the only
 * thing knowledge/ takes from intents/.
 */
export { INTENT_IDS, type IntentId } from '../intents/ids';

/** Small-talk and menu answers state no fact, so they may have no source; every other answer needs one. */
export const SOURCELESS_INTENTS: ReadonlySet<string> = new Set(['greeting', 'thanks', 'goodbye', 'help_menu', 'out_of_scope']);

/** Intents that have variants (files with `variant:`), and the variants they accept. */
export const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  other_agency: ['kwsp', 'lhdn', 'hrdcorp', 'ssm', 'jtk', 'imigresen'],
};

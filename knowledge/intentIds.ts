/**
 * The intent ids the knowledge base must answer: the same list, in the same order, as the project's
 * intents.json (../shared/intents.json). Kept here so the knowledge base loads without the shared folder.
 */
export const INTENT_IDS = [
  'greeting', 'thanks', 'goodbye', 'help_menu',
  'login_how', 'portal_link', 'first_login', 'forgot_password', 'forgot_user_id', 'register_portal_id',
  'employer_obligation', 'contribution_rates', 'contribution_quote', 'upload_contribution_file',
  'payment_methods', 'acr_receipt', 'contribution_status', 'late_payment',
  'contact_support', 'human_handoff', 'guides', 'navigate_portal', 'other_agency', 'out_of_scope',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

/** Small-talk and menu answers state no fact, so they may have no source; every other answer needs one. */
export const SOURCELESS_INTENTS: ReadonlySet<string> = new Set(['greeting', 'thanks', 'goodbye', 'help_menu', 'out_of_scope']);

/** Intents that have variants (files with `variant:`), and the variants they accept. */
export const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  other_agency: ['kwsp', 'lhdn', 'hrdcorp', 'ssm'],
};

/**
 * The intent ids the classifier may return: the same list as the project's intents.json
 * (../shared/intents.json), kept here so that the bot runs without the shared folder.
 */
export const INTENT_IDS = [
  'greeting', 'thanks', 'goodbye', 'help_menu',
  'login_how', 'portal_link', 'first_login', 'forgot_password', 'forgot_user_id', 'register_portal_id',
  'employer_obligation', 'contribution_rates', 'contribution_quote', 'lindung_24jam', 'upload_contribution_file',
  'payment_methods', 'acr_receipt', 'contribution_status', 'late_payment',
  'contact_support', 'human_handoff', 'guides', 'navigate_portal', 'other_agency', 'out_of_scope',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

export const OUT_OF_SCOPE: IntentId = 'out_of_scope';

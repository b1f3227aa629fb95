// The Activity JSON every shell speaks (Bot Framework, Agents SDK, Direct Line: one schema),
// as plain types, and the mapping of the core's channel-neutral replies to message activities.
// No SDK types here: framework types stay in their own channel folder.
import type { Reply } from '../core/types';

export interface ChannelAccountJson {
  id: string;
  name?: string;
  role?: string;
  [field: string]: unknown;
}

export interface AttachmentJson {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

export interface CardActionJson {
  type: string;
  title: string;
  value: string;
}

/** An activity of the Bot Framework / Direct Line v3 schema, reduced to the fields this bot reads or writes. */
export interface ActivityJson {
  type?: string;
  id?: string;
  name?: string;
  timestamp?: string | Date;
  channelId?: string;
  serviceUrl?: string;
  conversation?: { id: string; [field: string]: unknown };
  from?: ChannelAccountJson;
  recipient?: ChannelAccountJson;
  text?: string;
  textFormat?: string;
  speak?: string;
  inputHint?: string;
  locale?: string;
  suggestedActions?: { to: string[]; actions: CardActionJson[] };
  attachments?: AttachmentJson[];
  entities?: { type: string; [field: string]: unknown }[];
  value?: unknown;
  channelData?: unknown;
  replyToId?: string;
  deliveryMode?: string;
  membersAdded?: ChannelAccountJson[];
}

export const MESSAGE = 'message';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Teams shows suggested actions only in one-to-one chats: there 👍 / 👎 are card actions that send the same text. */
export const TEAMS = 'msteams';

export function toActivity(reply: Reply, locale?: string, channelId?: string): ActivityJson {
  const activity: ActivityJson = {
    type: MESSAGE,
    text: markdownLineBreaks(reply.text),
    textFormat: 'markdown',
    // The card's content is also in `text`; speak lets voice and text-only clients read it.
    speak: reply.speak ?? stripMarkdown(reply.text),
    inputHint: 'acceptingInput',
  };
  if (locale) activity.locale = locale;
  if (reply.suggestedActions && reply.suggestedActions.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: reply.suggestedActions.map((a) => ({ type: 'imBack', title: a.title, value: a.value })),
    };
  }
  const files: AttachmentJson[] = (reply.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType, contentUrl: a.contentUrl }));
  const card = channelId === TEAMS && reply.rating ? ratedCard(reply.card, reply.rating) : reply.card;
  const cards: AttachmentJson[] = card ? [{ contentType: ADAPTIVE_CARD, content: card }] : [];
  if (cards.length + files.length > 0) activity.attachments = [...cards, ...files];
  return activity;
}

/** The reply's card (or a small one asking "did this help?") with 👍 / 👎 as imBack submit actions. */
function ratedCard(card: Record<string, unknown> | undefined, rating: NonNullable<Reply['rating']>): Record<string, unknown> {
  const base = card ?? { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.3', body: [] };
  const body = [...((base.body as unknown[] | undefined) ?? []), { type: 'TextBlock', text: rating.prompt, wrap: true, isSubtle: true }];
  const actions = rating.actions.map((a) => ({ type: 'Action.Submit', title: a.title, data: { msteams: { type: 'imBack', value: a.value } } }));
  return { ...base, body, actions: [...((base.actions as unknown[] | undefined) ?? []), ...actions] };
}

/**
 * The core writes one item per line; in markdown a lone newline joins lines into one paragraph
 * (Web Chat showed the quote breakdown as one run-on line). Two trailing spaces make it a line break.
 */
export function markdownLineBreaks(text: string): string {
  return text.replace(/([^\n])\n(?!\n)/g, '$1  \n');
}

function stripMarkdown(text: string): string {
  return text.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/[*_`#>]/g, '');
}

export function localeFor(lang: 'ms' | 'en'): string {
  return lang === 'ms' ? 'ms-MY' : 'en-MY';
}

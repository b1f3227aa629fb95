// Maps the core's channel-neutral replies to Bot Framework message activities.
import { ActionTypes, ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { Reply } from '../core/types';

export function toActivity(reply: Reply, locale?: string): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
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
      actions: reply.suggestedActions.map((a) => ({ type: ActionTypes.ImBack, title: a.title, value: a.value })),
    };
  }
  const files = (reply.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType, contentUrl: a.contentUrl }));
  const cards = reply.card ? [CardFactory.adaptiveCard(reply.card)] : [];
  if (cards.length + files.length > 0) activity.attachments = [...cards, ...files];
  return activity;
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

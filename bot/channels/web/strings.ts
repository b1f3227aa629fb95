// The widget's own words (Web Chat's are localised by Web Chat itself: ms-MY or en-US). The texts are in
// knowledge/phrases.yaml (group widget); the keys are typed, so a missing one does not compile.
import { phrasePairs } from '../../../knowledge';
import type { Bilingual, Lang } from '../../../locale';

export type WidgetLang = Lang;

export const WIDGET_STRINGS = phrasePairs({
  open: 'widget.open',
  close: 'widget.close',
  dialog: 'widget.dialog',
  subtitle: 'widget.subtitle',
  placeholder: 'widget.placeholder',
  loading: 'widget.loading',
  missing: 'widget.missing',
  unavailable: 'widget.unavailable',
  notOfficial: 'widget.not_official',
});

export type WidgetStrings = Record<keyof typeof WIDGET_STRINGS, string>;

export function stringsFor(lang: WidgetLang, name: string): WidgetStrings {
  const out = {} as WidgetStrings;
  for (const [key, text] of Object.entries(WIDGET_STRINGS) as [keyof typeof WIDGET_STRINGS, Bilingual][]) {
    out[key] = text[lang].replace('{name}', name);
  }
  return out;
}

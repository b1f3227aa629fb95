// The widget's own words (Web Chat's are localised by Web Chat itself: ms-MY or en-US).
// Typed per language so a missing translation does not compile.
export type WidgetLang = 'ms' | 'en';
type Bilingual = Record<WidgetLang, string>;

export const WIDGET_STRINGS = {
  open: { ms: 'Buka sembang dengan {name}', en: 'Open chat with {name}' },
  close: { ms: 'Tutup sembang', en: 'Close chat' },
  dialog: { ms: 'Sembang dengan {name}', en: 'Chat with {name}' },
  subtitle: { ms: 'Bantuan majikan: caruman PERKESO & portal ASSIST', en: 'Employer help: PERKESO contributions & the ASSIST portal' },
  placeholder: { ms: 'Taip soalan anda', en: 'Type your question' },
  loading: { ms: 'Memuatkan sembang…', en: 'Loading the chat…' },
  missing: {
    ms: 'Pakej Web Chat belum ada pada pelayan ini. Pentadbir: jalankan "npm run fetch-webchat" dan mulakan semula bot.',
    en: 'The Web Chat bundle is not on this server yet. Administrator: run "npm run fetch-webchat" and restart the bot.',
  },
  unavailable: { ms: 'Sembang tidak tersedia di laman ini.', en: 'Chat unavailable on this site.' },
  notOfficial: { ms: 'Bukan perkhidmatan rasmi PERKESO.', en: 'Not an official PERKESO service.' },
} satisfies Record<string, Bilingual>;

export type WidgetStrings = Record<keyof typeof WIDGET_STRINGS, string>;

export function stringsFor(lang: WidgetLang, name: string): WidgetStrings {
  const out = {} as WidgetStrings;
  for (const [key, text] of Object.entries(WIDGET_STRINGS) as [keyof typeof WIDGET_STRINGS, Bilingual][]) {
    out[key] = text[lang].replace('{name}', name);
  }
  return out;
}

// The demo page at GET /: explains the widget, shows the embed snippet, and has the widget
// already open. It loads only /widget.js (and, through it, /webchat/webchat.js) from this server.
import type { WidgetLang } from './strings';
import { stringsFor } from './strings';
import type { WidgetTheme } from './theme';

export interface DemoPageOptions {
  lang: WidgetLang;
  title: string;
  theme: WidgetTheme;
  /** Base URL for the embed snippet shown to operators. */
  origin: string;
  bundlePresent: boolean;
  /** 'polling' makes the widget poll instead of opening a WebSocket stream. */
  transport?: 'polling';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const TEXT = {
  heading: { ms: '{name}: pembantu sembang untuk majikan', en: '{name}: a chat assistant for employers' },
  intro: {
    ms: 'Tanya tentang caruman PERKESO dan SIP, log masuk dan ID Portal ASSIST, bayaran lewat, atau minta bantuan pegawai. Sembang di penjuru kanan bawah sudah dibuka: taip dalam Bahasa Melayu atau English.',
    en: 'Ask about PERKESO and EIS contributions, logging in to ASSIST and its Portal ID, late payment, or ask for an officer. The chat at the bottom right is already open: type in Malay or English.',
  },
  embedHeading: { ms: 'Pasang pada laman web anda', en: 'Put it on your website' },
  embedText: {
    ms: 'Tambah satu baris ini sebelum </body>. Semua fail datang dari pelayan bot ini; tiada perkhidmatan luar diperlukan.',
    en: 'Add this one line before </body>. Every file comes from this bot server; no outside service is needed.',
  },
  other: { ms: 'English', en: 'Bahasa Melayu' },
} as const;

export function renderDemoPage(o: DemoPageOptions): string {
  const s = stringsFor(o.lang, o.title);
  const t = (k: keyof typeof TEXT) => escapeHtml(TEXT[k][o.lang].replace('{name}', o.title));
  const other: WidgetLang = o.lang === 'ms' ? 'en' : 'ms';
  const snippet = `<script src="${o.origin}/widget.js" async></script>`;
  const missing = o.bundlePresent ? '' : `\n  <p class="warn" role="alert">${escapeHtml(s.missing)}</p>`;
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #f6f7f8; margin: 0; line-height: 1.5; }
  main { max-width: 640px; padding: 24px 24px 120px; }
  h1 { color: ${o.theme.accentText}; font-size: 1.6rem; }
  a { color: ${o.theme.accentText}; }
  a:focus-visible { outline: 3px solid ${o.theme.accentText}; outline-offset: 2px; }
  pre { background: #fff; border: 1px solid #ccc; padding: 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  .warn { background: #fff4e5; border: 1px solid #b35c00; padding: 12px; }
  small { color: #4a4a4a; }
</style>
</head>
<body>
<main>
  <nav><a href="/?lang=${other}" lang="${other}">${escapeHtml(TEXT.other[o.lang])}</a></nav>
  <h1>${t('heading')}</h1>
  <p>${t('intro')}</p>${missing}
  <h2>${t('embedHeading')}</h2>
  <p>${t('embedText')}</p>
  <pre><code>${escapeHtml(snippet)}</code></pre>
  <p><small>${escapeHtml(s.notOfficial)}</small></p>
</main>
<script src="/widget.js" data-lang="${o.lang}" data-open="true"${o.transport ? ` data-transport="${o.transport}"` : ''}></script>
</body>
</html>
`;
}

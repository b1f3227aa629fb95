// The demo page at GET /: explains the widget, shows the embed snippet, and has the widget
// already open. It loads only /widget.js (and, through it, /webchat/webchat.js) from this server.
import type { WidgetLang } from './strings';
import { stringsFor } from './strings';
import { phrasePairs } from '../../../knowledge';
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

// The page's words are in knowledge/phrases.yaml (group demo_page).
const TEXT = phrasePairs({
  heading: 'demo_page.heading',
  intro: 'demo_page.intro',
  embedHeading: 'demo_page.embed_heading',
  embedText: 'demo_page.embed_text',
  other: 'demo_page.other_language',
});

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

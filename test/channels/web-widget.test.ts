// The widget's pages and scripts over HTTP: nothing from another host, configured name and
// colours with readable contrast, the Web Chat bundle served compressed and cached, and a
// clear notice when the bundle was never fetched.
import fs from 'fs';
import restify from 'restify';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { registerWebWidget } from '../../bot/channels/web';
import { DEFAULT_BUNDLE } from '../../bot/channels/web/routes';
import { contrast, themeFor } from '../../bot/channels/web/theme';
import { readConfig, ConfigError } from '../../bot/config';
import { createCoreDeps } from '../../bot/app';

describe('widget over HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ WIDGET_TITLE: 'Siti', WIDGET_COLOR: '#ffd700' }, createCoreDeps());
  });
  afterAll(async () => bot.stop());

  test('GET / is a page that loads scripts and styles from this server only', async () => {
    const res = await fetch(`${bot.url}/?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<script src="/widget.js" data-lang="en" data-open="true"></script>');
    // Every src/href is relative or data: (the embed snippet is text inside <code>, escaped).
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(1);
    for (const ref of refs) expect(ref).toMatch(/^(\/|\?|data:)/);
    expect(html).toContain('&lt;script src=&quot;');
  });

  test('GET / speaks Malay by default', async () => {
    const html = await (await fetch(`${bot.url}/`)).text();
    expect(html).toContain('<html lang="ms">');
    expect(html).toContain('Pasang pada laman web anda');
  });

  test('widget.js carries the configured name, readable colours and both languages', async () => {
    const res = await fetch(`${bot.url}/widget.js`);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const js = await res.text();
    const config = JSON.parse(/var CONFIG = (\{.*?\});\n/.exec(js)![1]);
    expect(config.title).toBe('Siti');
    expect(config.bundle).toBe(true);
    expect(config.theme.accent).toBe('#ffd700');
    expect(config.theme.onAccent).toBe('#111111'); // dark text on gold
    expect(contrast(config.theme.accentText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(config.strings.ms.open).toBe('Buka sembang dengan Siti');
    expect(config.strings.en.open).toBe('Open chat with Siti');
  });

  test('the Web Chat bundle is served gzipped with an ETag, and revalidates with 304', async () => {
    const res = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await res.arrayBuffer()); // fetch has already decompressed it
    expect(body.length).toBe(fs.statSync(DEFAULT_BUNDLE).size);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const again = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

test('without the bundle, the page and the widget say how to fetch it', async () => {
  const server = restify.createServer();
  registerWebWidget(server, { title: 'Hanna', color: '#005a70', publicUrl: 'https://bot.example.com', bundlePath: '/nonexistent/webchat.js' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${server.address().port}`;
  try {
    const html = await (await fetch(`${url}/`)).text();
    expect(html).toContain('npm run fetch-webchat');
    expect(html).toContain('https://bot.example.com/widget.js');
    const js = await (await fetch(`${url}/widget.js`)).text();
    expect(js).toContain('"bundle":false');
    const bundle = await fetch(`${url}/webchat/webchat.js`);
    expect(bundle.status).toBe(404);
    expect(await bundle.text()).toContain('npm run fetch-webchat');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('widget colours', () => {
  test('contrast ratios follow WCAG 2', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  test.each(['#005a70', '#ffd700', '#00ff00', '#e60000', '#7f7f7f', '#ffffff'])('%s gives readable text both ways', (color) => {
    const t = themeFor(color);
    expect(contrast(t.onAccent, t.accent)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.accentText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  test('a colour that is not #rrggbb is refused at start-up, naming the variable', () => {
    expect(() => readConfig({ WIDGET_COLOR: 'red' })).toThrow(ConfigError);
    expect(() => readConfig({ WIDGET_COLOR: 'red' })).toThrow(/WIDGET_COLOR/);
  });
});

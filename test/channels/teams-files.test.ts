// Teams file attachments through the real HTTP server, on both SDK shells: a contribution text file
// sent inline or as a Teams download link gets the same report as the widget's upload, and nothing
// of it is stored or logged. Downloads go to a local server through an injected fetcher: no internet.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { createLogger } from '../../bot/logging';
import { allowedDownloadUrl, readCapped, TEAMS_FILE, type FileFetcher } from '../../bot/channels/attached-file';
import { startBot, message, post, texts, SDKS, type ReplyActivity, type RunningBot } from '../helpers/bot-server';

const FIXTURES = path.join(__dirname, '..', 'textfile', 'fixtures');
const FAULTY = fs.readFileSync(path.join(FIXTURES, 'v2-faults.txt'));
/** A valid MyKad in the fixture's first line and a worker's name: they must appear nowhere but in the file. */
const MYKAD = '900101145673';
const NAME = 'TAN AH SENG';

/** A message as Teams sends it: the typed text, its HTML rendering, and the file. */
function teamsMessage(conversation: string, text: string, file: Record<string, unknown>): Record<string, unknown> {
  return {
    ...message(text, conversation),
    channelId: 'msteams',
    attachments: [{ contentType: 'text/html', content: `<p>${text}</p>` }, file],
  };
}

function downloadInfo(downloadUrl: string, name = 'caruman.txt'): Record<string, unknown> {
  return {
    contentType: TEAMS_FILE,
    contentUrl: 'https://contoso.sharepoint.com/personal/siti/Documents/caruman.txt',
    name,
    content: { downloadUrl, uniqueId: '1150d938-8870-4044-9f0c-1bbd13ad1234', fileType: name.split('.').pop() },
  };
}

const reportOf = (activities: ReplyActivity[] | undefined) =>
  (activities ?? []).flatMap((a) => (a.attachments ?? []) as { contentType: string; contentUrl?: string }[]).find((a) => a.contentUrl?.startsWith('data:text/plain'));

describe.each(SDKS)('Teams file attachments (CHANNEL_SDK=%s)', (sdk) => {
  let bot: RunningBot;
  let dir: string;
  let files: http.Server;
  const served: string[] = [];
  const logLines: string[] = [];
  let fetched = 0;

  beforeAll(async () => {
    // Stands in for SharePoint: /big is 1 MB and a byte, everything else is the faulty contribution file.
    files = http.createServer((req, res) => {
      served.push(req.url ?? '');
      const body = req.url?.startsWith('/big') ? Buffer.alloc(1024 * 1024 + 1, 0x20) : FAULTY;
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(body);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const port = (files.address() as AddressInfo).port;
    // The real fetcher refuses plain http; this one keeps the real size cap and sends the path to the local server.
    const fetchFile: FileFetcher = async (url, maxBytes) => {
      fetched++;
      return readCapped(await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`), maxBytes);
    };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-teams-files-'));
    bot = await startBot({ CHANNEL_SDK: sdk, STORAGE_URL: `sqlite:${path.join(dir, 'bot.db')}` }, undefined, { log: createLogger('debug', (l) => logLines.push(l)), fetchFile });
  });
  afterAll(async () => {
    await bot.stop();
    files.closeAllConnections();
    await new Promise((resolve) => files.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an inline text/plain file gets the report in the user\'s language, with the full report attached', async () => {
    await post(bot.url, { ...message('saya perlukan bantuan caruman', `inline-ms-${sdk}`), channelId: 'msteams' });
    const ms = await post(bot.url, teamsMessage(`inline-ms-${sdk}`, '', { contentType: 'text/plain', name: 'caruman.txt', content: FAULTY.toString('latin1') }));
    expect(ms.status).toBe(200);
    expect(texts(ms.json.activities)).toContain('Sedia untuk dimuat naik: TIDAK');
    expect(texts(ms.json.activities)).toMatch(/^Baris \d+, /m);
    expect(reportOf(ms.json.activities)).toBeDefined();
    expect(JSON.stringify(ms.json)).not.toContain(MYKAD);
  });

  test('a Teams download link is fetched (https, SharePoint) and gets the same report as the widget upload', async () => {
    const before = served.length;
    const res = await post(bot.url, teamsMessage(`download-${sdk}`, 'please check my file', downloadInfo('https://contoso.sharepoint.com/personal/siti/_layouts/15/download.aspx?UniqueId=1150d938&tempauth=secret-token')));
    expect(res.status).toBe(200);
    expect(served.slice(before)).toEqual(['/personal/siti/_layouts/15/download.aspx?UniqueId=1150d938&tempauth=secret-token']);
    expect(texts(res.json.activities)).toContain('Ready to upload: NO');
    expect(texts(res.json.activities)).toMatch(/^Line \d+, /m);
    expect(reportOf(res.json.activities)).toBeDefined();
  });

  test('a link that is not https on a Teams/SharePoint host is never fetched; the user is told politely', async () => {
    const before = fetched;
    for (const url of ['http://contoso.sharepoint.com/x.txt', 'https://attacker.example/x.txt', 'https://sharepoint.com.attacker.example/x.txt', 'https://127.0.0.1/x.txt']) {
      const res = await post(bot.url, teamsMessage(`bad-link-${sdk}`, '', downloadInfo(url)));
      expect(res.status).toBe(200);
      const t = texts(res.json.activities);
      expect(t).toMatch(/Maaf/);
      expect(t).toMatch(/Sorry/);
    }
    expect(fetched).toBe(before);
  });

  test('a download over 1 MB is refused in both languages and the conversation goes on', async () => {
    const res = await post(bot.url, teamsMessage(`big-${sdk}`, '', downloadInfo('https://contoso.sharepoint.com/big/caruman.txt')));
    expect(texts(res.json.activities)).toMatch(/1 MB/);
    expect(texts(res.json.activities)).toMatch(/melebihi/);
    const next = await post(bot.url, { ...message('hello', `big-${sdk}`), channelId: 'msteams' });
    expect(texts(next.json.activities)).toMatch(/\w/);
  });

  test('a Teams file that is not .txt is not downloaded; the bot says which file it can check', async () => {
    const before = fetched;
    const res = await post(bot.url, teamsMessage(`xlsx-${sdk}`, '', downloadInfo('https://contoso.sharepoint.com/caruman.xlsx', 'caruman.xlsx')));
    expect(texts(res.json.activities)).toMatch(/\.txt/);
    expect(fetched).toBe(before);
  });

  test('nothing of the files is in the store or the logs', () => {
    const db = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
    expect(db).toContain('caruman.txt');
    for (const secret of [MYKAD, NAME, 'tempauth']) {
      expect(db).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
    }
  });
});

test('download links are allowed only over https to Teams and SharePoint hosts', () => {
  expect(allowedDownloadUrl('https://contoso.sharepoint.com/a.txt')).not.toBeNull();
  expect(allowedDownloadUrl('https://contoso-my.sharepoint.com/personal/a.txt')).not.toBeNull();
  expect(allowedDownloadUrl('https://contoso.sharepoint.com:8443/a.txt')).toBeNull();
  expect(allowedDownloadUrl('https://user:pw@contoso.sharepoint.com/a.txt')).toBeNull();
  expect(allowedDownloadUrl('https://evilsharepoint.com/a.txt')).toBeNull();
  expect(allowedDownloadUrl('file:///etc/passwd')).toBeNull();
  expect(allowedDownloadUrl(42)).toBeNull();
});

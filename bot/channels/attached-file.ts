// A text file attached to a message activity (Teams, the Emulator, any Bot Framework channel),
// made into the core's MessageAttachment exactly as the widget's upload is: an inline text/plain
// attachment, or a Teams file (application/vnd.microsoft.teams.file.download.info) downloaded from
// its downloadUrl. The download goes only over https to Teams/SharePoint hosts, stops at 1 MB, and
// the content lives for this turn only: never stored, never logged.
import type { MessageAttachment, Reply } from '../core/types';
import { MAX_UPLOAD_BYTES } from '../core/textfile-reply';
import type { AttachmentJson } from './activities';

export const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** Hosts Teams hands out file download links on (and their subdomains). */
const DOWNLOAD_HOSTS = ['sharepoint.com', 'sharepoint.us', 'sharepoint-df.com', 'teams.microsoft.com', 'teams.microsoft.us'];
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** Downloads a file of at most maxBytes; throws FileTooLarge beyond. Injected in tests (no internet there). */
export type FileFetcher = (url: URL, maxBytes: number) => Promise<Buffer>;

export class FileTooLarge extends Error {}

export type AttachedFile = { kind: 'none' } | { kind: 'file'; attachment: MessageAttachment } | { kind: 'refused'; reply: Reply };

const TOO_LARGE: Reply = { text: 'Fail ini melebihi 1 MB; fail teks caruman jauh lebih kecil.\n\nThe file is larger than 1 MB; a contribution text file is much smaller.' };
const NOT_FETCHED: Reply = {
  text: 'Maaf, saya tidak dapat membuka fail itu. Sila cuba hantar semula.\n\nSorry, I could not open that file. Please try sending it again.',
};

/** https on a Teams/SharePoint host, nothing else: the URL comes from the activity, so it must not point anywhere. */
export function allowedDownloadUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || (url.port && url.port !== '443')) return null;
  const host = url.hostname.toLowerCase();
  return DOWNLOAD_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) ? url : null;
}

/** Reads a response body, giving up as soon as it passes maxBytes. */
export async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new FileTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new FileTooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The real download: no redirects (a redirect could lead off the allowed hosts), a time limit, 1 MB at most. */
export const fetchFile: FileFetcher = async (url, maxBytes) => {
  const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`download answered ${res.status}`);
  return readCapped(res, maxBytes);
};

const isTxt = (name: string) => /\.txt$/i.test(name);

/** The first attachment that is a file the user sent (Teams also attaches the message's own HTML: not a file). */
export async function attachedTextFile(attachments: AttachmentJson[] | undefined, fetcher: FileFetcher = fetchFile): Promise<AttachedFile> {
  for (const a of attachments ?? []) {
    if (!a || typeof a !== 'object' || typeof a.contentType !== 'string') continue;
    const contentType = a.contentType.split(';')[0].trim().toLowerCase();
    const name = typeof a.name === 'string' && a.name !== '' ? a.name : 'file.txt';
    if ((contentType === 'text/plain' || (contentType === 'application/octet-stream' && isTxt(name))) && typeof a.content === 'string') {
      const bytes = Buffer.from(a.content, 'utf8');
      if (bytes.length > MAX_UPLOAD_BYTES) return { kind: 'refused', reply: TOO_LARGE };
      return { kind: 'file', attachment: { name, contentType: 'text/plain', size: bytes.length, text: bytes.toString('latin1') } };
    }
    if (contentType === TEAMS_FILE) {
      const info = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
      const txt = isTxt(name) || info.fileType === 'txt';
      // Not a text file: the core refuses it by name; nothing is downloaded.
      if (!txt) return { kind: 'file', attachment: { name, contentType: 'application/octet-stream', size: 0, text: '' } };
      const url = allowedDownloadUrl(info.downloadUrl);
      if (!url) return { kind: 'refused', reply: NOT_FETCHED };
      let bytes: Buffer;
      try {
        bytes = await fetcher(url, MAX_UPLOAD_BYTES);
      } catch (err) {
        return { kind: 'refused', reply: err instanceof FileTooLarge ? TOO_LARGE : NOT_FETCHED };
      }
      return { kind: 'file', attachment: { name: isTxt(name) ? name : `${name}.txt`, contentType: 'text/plain', size: bytes.length, text: bytes.toString('latin1') } };
    }
  }
  return { kind: 'none' };
}

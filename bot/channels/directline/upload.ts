// POST /v3/directline/conversations/:id/upload: what Web Chat's upload button calls (DirectLineJS
// postMessageWithAttachments: an "activity" JSON part and "file" parts). The first file goes to the turn as the
// message's attachment and is dropped with it: the activity log keeps only its name and size, never its content.
import type restify from 'restify';
import { MESSAGE, type ActivityJson } from '../activities';
import type { MessageAttachment } from '../../core/types';
import { MAX_UPLOAD_BYTES, safeFileName } from '../../core/textfile-reply';
import { clientChannelData, MAX_TEXT_CHARS } from './inbound';
import { BadMultipart, BodyTooLarge, boundaryOf, parseMultipart, readBody } from './multipart';
import type { TokenClaims } from './tokens';
import { QueueFull } from './keyed-queue';

/** Room for the activity part and the multipart framing around a file of MAX_UPLOAD_BYTES. */
const MAX_UPLOAD_BODY = MAX_UPLOAD_BYTES + 64 * 1024;
const MAX_ACTIVITY_PART = 16 * 1024;

const TOO_LARGE = 'The file is larger than 1 MB; a contribution text file is much smaller. / Fail ini melebihi 1 MB; fail teks caruman jauh lebih kecil.';

type Req = restify.Request;
type Res = restify.Response;

/** What the upload route needs from the Direct Line routes (their token check, limits, log and turn runner). */
export interface UploadContext {
  path: string;
  authorize(req: Req, res: Res): TokenClaims | null;
  withinLimits(req: Req, res: Res, conv: string): Promise<boolean>;
  conversationExists(conv: string): Promise<boolean>;
  fail(res: Res, status: number, code: string, message: string): void;
  ok(res: Res, status: number, body: unknown): void;
  /** Logs the echo, runs the turn with the file and logs the replies; resolves to the echo's id. */
  post(req: Req, claims: TokenClaims, echo: ActivityJson, text: string, attachment: MessageAttachment): Promise<string>;
}

/** The client's activity part, reduced to its text, locale and Web Chat's matching ids. */
function readActivityPart(data: Buffer | undefined): { text: string; locale?: string; channelData?: Record<string, string> } | string {
  if (!data) return { text: '' };
  if (data.length > MAX_ACTIVITY_PART) return 'The activity part is too large.';
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString('utf8'));
  } catch {
    return 'The activity part is not JSON.';
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'The activity part must be a JSON object.';
  const a = raw as Record<string, unknown>;
  const text = typeof a.text === 'string' ? a.text : '';
  if (text.length > MAX_TEXT_CHARS) return `The message is longer than ${MAX_TEXT_CHARS} characters.`;
  const locale = typeof a.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(a.locale) ? a.locale : undefined;
  return { text, locale, channelData: clientChannelData(a.channelData) };
}

export function registerUpload(server: restify.Server, ctx: UploadContext): void {
  server.post(`${ctx.path}/conversations/:id/upload`, async (req: Req, res: Res) => {
    const claims = ctx.authorize(req, res);
    if (!claims) return;
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) return ctx.fail(res, 415, 'UnsupportedMediaType', 'Send the file as multipart/form-data.');
    if (!(await ctx.conversationExists(claims.conv))) return ctx.fail(res, 404, 'NotFound', 'Start the conversation first.');
    if (!(await ctx.withinLimits(req, res, claims.conv))) return;

    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD_BODY);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        // Answered before the rest is read; the connection closes so the client stops sending.
        res.header('Connection', 'close');
        return ctx.fail(res, 413, 'RequestTooLarge', TOO_LARGE);
      }
      throw err;
    }
    let parts;
    try {
      parts = parseMultipart(body, boundary);
    } catch (err) {
      if (err instanceof BadMultipart) return ctx.fail(res, 400, 'BadArgument', `The upload is not valid multipart/form-data (${err.message}).`);
      throw err;
    }
    // FormData gives the activity Blob a filename ("blob") too: the file is any other part with one.
    const file = parts.find((p) => p.name !== 'activity' && (p.filename !== undefined || p.name === 'file'));
    if (!file) return ctx.fail(res, 400, 'BadArgument', 'The upload has no file part.');
    if (file.data.length > MAX_UPLOAD_BYTES) return ctx.fail(res, 413, 'RequestTooLarge', TOO_LARGE);
    const activityPart = readActivityPart(parts.find((p) => p.name === 'activity')?.data);
    if (typeof activityPart === 'string') return ctx.fail(res, 400, 'BadArgument', activityPart);

    const name = file.filename ?? 'file';
    const contentType = file.contentType.split(';')[0].trim();
    // The echo Web Chat shows: the file's name and size only (size in channelData, where Web Chat reads it).
    const echo: ActivityJson = {
      type: MESSAGE,
      channelId: 'webchat',
      conversation: { id: claims.conv },
      from: { id: claims.user, name: '', role: 'user' },
      text: activityPart.text,
      textFormat: 'plain',
      attachments: [{ contentType, name: safeFileName(name) }],
      channelData: { ...(activityPart.channelData ?? {}), attachmentSizes: [file.data.length] },
      ...(activityPart.locale ? { locale: activityPart.locale } : {}),
    };
    const attachment: MessageAttachment = { name, contentType, size: file.data.length, text: file.data.toString('latin1') };
    let id: string;
    try {
      id = await ctx.post(req, claims, echo, activityPart.text, attachment);
    } catch (err) {
      if (err instanceof QueueFull) return ctx.fail(res, 429, 'TooManyRequests', 'Too many messages are waiting in this conversation. Please wait a moment.');
      throw err;
    }
    ctx.ok(res, 200, { id });
  });
}

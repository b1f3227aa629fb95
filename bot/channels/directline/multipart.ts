// Just enough multipart/form-data for Direct Line's upload (DirectLineJS sends an "activity" part and
// "file" parts). restify's own multipart parser (formidable) writes files to disk, which an uploaded
// contribution file (MyKad numbers, names) must never touch, so the body is read into memory and split here.
import type { IncomingMessage } from 'http';

export interface Part {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

export class BodyTooLarge extends Error {}
export class BadMultipart extends Error {}

/** The boundary of a multipart/form-data Content-Type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

/** Reads the whole body, rejecting with BodyTooLarge (and stopping the read) past `max` bytes. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (err) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
  });
}

function headerParam(header: string, param: string): string | undefined {
  const m = new RegExp(`;\\s*${param}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${param}=([^;\\s]*)`, 'i').exec(header);
  return m ? m[1] : undefined;
}

/** Splits a multipart body into its parts; throws BadMultipart on anything malformed. */
export function parseMultipart(body: Buffer, boundary: string, maxParts = 10): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new BadMultipart('no boundary in the body');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return parts;
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') throw new BadMultipart('malformed boundary line');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new BadMultipart('part without headers');
    const headers = body.subarray(pos, headerEnd).toString('latin1').split('\r\n');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new BadMultipart('part without an end');
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const type = headers.find((h) => /^content-type:/i.test(h));
    const name = headerParam(disposition, 'name');
    if (name === undefined) throw new BadMultipart('part without a name');
    if (parts.length >= maxParts) throw new BadMultipart('too many parts');
    parts.push({
      name,
      filename: headerParam(disposition, 'filename'),
      contentType: type ? type.slice(type.indexOf(':') + 1).trim() : 'application/octet-stream',
      data: body.subarray(headerEnd + 4, next),
    });
    pos = next + 2;
  }
}

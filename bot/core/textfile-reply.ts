// The chat's answer to an uploaded contribution text file: the first ten problems and the totals in the user's
// language, plus the full report as a downloadable data: URI (nothing is stored). Nothing of the file is logged
// here or returned except what the report says (names never, IDs masked). Not wired to a channel yet: the Direct
// Line upload route and Teams file attachments call this (see README, "Contribution text file").
import { checkTextFile, formatReport, IdValidators } from '../../calculators/textfile';
import type { Lang, Reply } from './types';

/** The widget's limit; the file is read in memory for the one turn and dropped. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
export const CHAT_PROBLEMS = 10;

export interface UploadedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface DownloadableReport {
  name: string;
  contentType: 'text/plain';
  /** data:text/plain;charset=utf-8;base64,... : a link that holds the report itself. */
  contentUrl: string;
}

export interface TextfileReply {
  reply: Reply;
  report: DownloadableReport | null;
}

const TEXT_TYPES = /^(text\/plain|application\/octet-stream|)$/i;

/** Refusals for what is not a text file, in both languages. */
function refuse(lang: Lang, why: 'size' | 'type' | 'binary'): TextfileReply {
  const t = {
    size: { ms: 'Fail ini lebih besar daripada 1 MB. Fail caruman biasanya jauh lebih kecil (278 bait sebaris); pastikan ini fail .txt yang betul.', en: 'This file is larger than 1 MB. A contribution file is usually much smaller (278 bytes a line); make sure it is the right .txt file.' },
    type: { ms: 'Saya hanya boleh menyemak fail teks caruman (.txt). Simpan fail Excel sebagai teks dahulu, atau guna alat Excel-ke-teks PERKESO.', en: 'I can only check a contribution text file (.txt). Save an Excel file as text first, or use PERKESO\'s Excel-to-text tool.' },
    binary: { ms: 'Fail ini bukan teks biasa (ada bait binari). Pastikan ia fail .txt dan bukan .xlsx atau .pdf.', en: 'This file is not plain text (it has binary bytes). Make sure it is the .txt file, not .xlsx or .pdf.' },
  }[why];
  return { reply: { text: t[lang] }, report: null };
}

export function textfileReply(file: UploadedFile, lang: Lang, deps: { now: Date; ids: IdValidators }): TextfileReply {
  if (file.bytes.length > MAX_UPLOAD_BYTES) return refuse(lang, 'size');
  if (!/\.txt$/i.test(file.name) || !TEXT_TYPES.test(file.contentType)) return refuse(lang, 'type');
  if (file.bytes.includes(0)) return refuse(lang, 'binary');
  const result = checkTextFile(file.bytes, deps);
  const intro = result.summary.ready
    ? { ms: 'Saya telah menyemak fail anda. Tiada masalah ditemui:', en: 'I checked your file. No problem found:' }
    : { ms: `Saya telah menyemak fail anda. ${result.problems.length > CHAT_PROBLEMS ? `${CHAT_PROBLEMS} masalah pertama` : 'Masalah yang ditemui'}:`, en: `I checked your file. ${result.problems.length > CHAT_PROBLEMS ? `The first ${CHAT_PROBLEMS} problems` : 'Problems found'}:` };
  const full = formatReport(result, lang);
  const report: DownloadableReport = {
    name: lang === 'ms' ? 'laporan-semakan-fail-caruman.txt' : 'contribution-file-check-report.txt',
    contentType: 'text/plain',
    contentUrl: `data:text/plain;charset=utf-8;base64,${Buffer.from(full, 'utf8').toString('base64')}`,
  };
  const outro = { ms: 'Laporan penuh dilampirkan. Fail anda tidak disimpan.', en: 'The full report is attached. Your file was not kept.' };
  return { reply: { text: `${intro[lang]}\n\n${formatReport(result, lang, CHAT_PROBLEMS)}\n\n${outro[lang]}` }, report };
}

/** A file name as a transcript or activity log may keep it: digit runs (a MyKad in a name) masked, bounded length. */
export function safeFileName(name: string): string {
  return name.replace(/\d{6,}/g, (d) => '#'.repeat(d.length)).replace(/[^\w.\- ]/g, '_').slice(0, 80);
}

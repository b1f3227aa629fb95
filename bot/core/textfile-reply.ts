// The chat's answer to an uploaded contribution text file: the first ten problems and the totals in the user's
// language, plus the full report as a downloadable data: URI (nothing is stored). Nothing of the file is logged
// here or returned except what the report says (names never, IDs masked). Not wired to a channel yet: the Direct
// Line upload route and Teams file attachments call this (see README, "Contribution text file").
import { checkTextFile, formatReport, IdValidators } from '../../calculators/textfile';
import { fillPlaceholders, phrasePairs } from '../../knowledge';
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

// The words are in knowledge/phrases.yaml (group textfile_reply).
const W = phrasePairs({
  introReady: 'textfile_reply.intro_ready',
  introProblems: 'textfile_reply.intro_problems',
  introFirstProblems: 'textfile_reply.intro_first_problems',
  outro: 'textfile_reply.outro',
  reportName: 'textfile_reply.report_name',
});

const REFUSAL = phrasePairs({ size: 'textfile_reply.too_big', type: 'textfile_reply.not_text', binary: 'textfile_reply.binary' });

/** Refusals for what is not a text file, in both languages. */
function refuse(lang: Lang, why: 'size' | 'type' | 'binary'): TextfileReply {
  const t = REFUSAL[why];
  return { reply: { text: t[lang] }, report: null };
}

export function textfileReply(file: UploadedFile, lang: Lang, deps: { now: Date; ids: IdValidators }): TextfileReply {
  if (file.bytes.length > MAX_UPLOAD_BYTES) return refuse(lang, 'size');
  if (!/\.txt$/i.test(file.name) || !TEXT_TYPES.test(file.contentType)) return refuse(lang, 'type');
  if (file.bytes.includes(0)) return refuse(lang, 'binary');
  const result = checkTextFile(file.bytes, deps);
  const intro = result.summary.ready
    ? W.introReady[lang]
    : result.problems.length > CHAT_PROBLEMS
      ? fillPlaceholders(W.introFirstProblems[lang], { count: String(CHAT_PROBLEMS) }, 'phrase textfile_reply.intro_first_problems')
      : W.introProblems[lang];
  const full = formatReport(result, lang);
  const report: DownloadableReport = {
    name: W.reportName[lang],
    contentType: 'text/plain',
    contentUrl: `data:text/plain;charset=utf-8;base64,${Buffer.from(full, 'utf8').toString('base64')}`,
  };
  return { reply: { text: `${intro}\n\n${formatReport(result, lang, CHAT_PROBLEMS)}\n\n${W.outro[lang]}` }, report };
}

/** A file name as a transcript or activity log may keep it: digit runs (a MyKad in a name) masked, bounded length. */
export function safeFileName(name: string): string {
  return name.replace(/\d{6,}/g, (d) => '#'.repeat(d.length)).replace(/[^\w.\- ]/g, '_').slice(0, 80);
}

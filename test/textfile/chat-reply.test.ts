// What the chat answers to an uploaded file (the core piece; channel wiring is not done yet).
import fs from 'fs';
import path from 'path';
import { textfileReply, MAX_UPLOAD_BYTES } from '../../bot/core/textfile-reply';
import { depsOn } from './helpers';

const file = (name: string) => ({ name, contentType: 'text/plain', bytes: fs.readFileSync(path.join(__dirname, 'fixtures', name)) });
const deps = depsOn('2026-11-26');

describe('the chat answer to an uploaded text file', () => {
  test('shows the first ten problems and the totals, in Malay or English, and attaches the full report', () => {
    for (const lang of ['ms', 'en'] as const) {
      const r = textfileReply(file('v2-faults.txt'), lang, deps);
      const shown = r.reply.text.split('\n').filter((l) => /^(Baris|Line) \d+, /.test(l));
      expect(shown).toHaveLength(10);
      expect(r.reply.text).toContain(lang === 'ms' ? 'masalah lagi dalam laporan penuh' : 'more problem(s) in the full report');
      expect(r.reply.text).toContain(lang === 'ms' ? 'Sedia untuk dimuat naik: TIDAK' : 'Ready to upload: NO');
      const report = Buffer.from((r.report?.contentUrl ?? '').split(',')[1], 'base64').toString('utf8');
      expect(report.split('\n').filter((l) => /^(Baris|Line) \d+, /.test(l)).length).toBe(28); // all of them (expected.json)
      expect(report).not.toMatch(/\d{12}/);
    }
  });

  test('a good file is said to be ready', () => {
    expect(textfileReply(file('v2-good.txt'), 'en', deps).reply.text).toContain('No problem found');
  });

  test('too large, not .txt, or binary: a polite refusal and no report', () => {
    const big = { name: 'a.txt', contentType: 'text/plain', bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x20) };
    expect(textfileReply(big, 'en', deps)).toEqual({ reply: { text: expect.stringContaining('larger than 1 MB') }, report: null });
    expect(textfileReply({ name: 'gaji.xlsx', contentType: 'application/vnd.ms-excel', bytes: Buffer.from('x') }, 'ms', deps).reply.text).toContain('Excel');
    expect(textfileReply({ name: 'a.txt', contentType: 'text/plain', bytes: Buffer.from([0x50, 0x4b, 0, 1]) }, 'en', deps).reply.text).toContain('not plain text');
  });
});

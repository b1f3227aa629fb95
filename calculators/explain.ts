import { formatRM } from './money';
import { monthName } from './months';
import { Quote } from './quote';

import type { Lang } from '../locale';

const T = {
  heading: { ms: 'Caruman untuk gaji {wage}, bulan upah {month}:', en: 'Contributions for wages of {wage}, wage month {month}:' },
  act4: { ms: 'PERKESO (Akta 4)', en: 'SOCSO (Act 4)' },
  cat1: { ms: 'Kategori Pertama (Bencana Pekerjaan dan Keilatan)', en: 'First Category (Employment Injury and Invalidity)' },
  cat2: { ms: 'Kategori Kedua (Bencana Pekerjaan sahaja)', en: 'Second Category (Employment Injury only)' },
  eis: { ms: 'SIP (Akta 800)', en: 'EIS (Act 800)' },
  skbbk: { ms: 'LINDUNG 24 Jam (SKBBK)', en: 'LINDUNG 24 Jam (SKBBK)' },
  employer: { ms: 'majikan', en: 'employer' },
  employee: { ms: 'pekerja', en: 'employee' },
  none: { ms: 'tiada', en: 'none' },
  totals: {
    ms: 'Majikan bayar {er}; potong {ee} daripada gaji pekerja. Jumlah kepada PERKESO: {total}.',
    en: 'The employer pays {er}; deduct {ee} from the employee\'s wages. Total to PERKESO: {total}.',
  },
  band: { ms: 'Kategori gaji: melebihi {from} hingga {to} (jadual {schedule}).', en: 'Wage band: above {from} up to {to} (schedule {schedule}).' },
  firstBand: { ms: 'Kategori gaji: sehingga {to} (jadual {schedule}).', en: 'Wage band: up to {to} (schedule {schedule}).' },
  ceiling: {
    ms: 'Gaji melebihi siling {ceiling}: caruman dikira pada kategori tertinggi (amaun tetap jadual), bukan peratusan gaji penuh.',
    en: 'The wage is above the {ceiling} ceiling: the top band\'s fixed amounts apply, not a percentage of the full wage.',
  },
  why: { ms: 'Sebab:', en: 'Why:' },
  assumed: { ms: 'Anggapan:', en: 'Assumptions:' },
  change: {
    ms: 'Jika berbeza, beritahu saya dan saya kira semula (contoh: "umur 62", "pekerja asing", "tarik diri LINDUNG", "bulan 2025-03").',
    en: 'If any of this is different, tell me and I will recalculate (e.g. "age 62", "foreign worker", "opted out of LINDUNG", "month 2025-03").',
  },
  source: { ms: 'Sumber', en: 'Source' },
} satisfies Record<string, Record<Lang, string>>;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

/** A chat-sized breakdown: amounts per scheme and side, totals, ceiling, reasons, assumptions, sources. */
export function explainQuote(q: Quote, lang: Lang): string {
  const er = T.employer[lang];
  const ee = T.employee[lang];
  const lines: string[] = [fill(T.heading[lang], { wage: formatRM(q.wage), month: monthName(q.month, lang) })];

  const cat = q.act4.category === 1 ? T.cat1[lang] : T.cat2[lang];
  lines.push(`• ${T.act4[lang]}, ${cat}: ${er} ${formatRM(q.act4.employer)}, ${ee} ${formatRM(q.act4.employee)}`);
  lines.push(q.eis
    ? `• ${T.eis[lang]}: ${er} ${formatRM(q.eis.employer)}, ${ee} ${formatRM(q.eis.employee)}`
    : `• ${T.eis[lang]}: ${T.none[lang]}`);
  if (q.skbbk) lines.push(`• ${T.skbbk[lang]}: ${ee} ${formatRM(q.skbbk.employee)}`);
  else if (q.reasons.some((r) => r.key === 'skbbk')) lines.push(`• ${T.skbbk[lang]}: ${T.none[lang]}`);

  lines.push(fill(T.totals[lang], { er: formatRM(q.employer_total), ee: formatRM(q.employee_total), total: formatRM(q.total) }));
  const band = q.band.to === null ? null : q.band;
  if (band && band.from === '0.00') lines.push(fill(T.firstBand[lang], { to: formatRM(band.to as string), schedule: q.schedule }));
  else if (band) lines.push(fill(T.band[lang], { from: formatRM(band.from), to: formatRM(band.to as string), schedule: q.schedule }));
  if (q.ceilingApplied) lines.push(fill(T.ceiling[lang], { ceiling: formatRM(q.ceiling) }));

  if (q.reasons.length > 0) lines.push(`${T.why[lang]} ${q.reasons.map((r) => r[lang]).join(' ')}`);
  if (q.assumptions.length > 0) {
    lines.push(T.assumed[lang], ...q.assumptions.map((a) => `- ${a[lang]}`), T.change[lang]);
  }
  // Markdown links, as in the knowledge-base answers: short in the chat, the address one click away.
  lines.push(`${T.source[lang]}: ${q.sources.map((s) => `[${s.title}](${s.url})`).join(' · ')}`);
  return lines.join('\n');
}

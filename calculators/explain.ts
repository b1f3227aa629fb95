import { formatRM } from './money';
import { monthName } from './months';
import { Quote } from './quote';

import type { Lang } from '../locale';
import { text } from './texts';


/** A chat-sized breakdown: amounts per scheme and side, totals, ceiling, reasons, assumptions, sources. */
export function explainQuote(q: Quote, lang: Lang): string {
  const er = text('explain.employer', lang);
  const ee = text('explain.employee', lang);
  const lines: string[] = [text('explain.heading', lang, { wage: formatRM(q.wage), month: monthName(q.month, lang) })];

  const cat = q.act4.category === 1 ? text('explain.cat1', lang) : text('explain.cat2', lang);
  lines.push(`• ${text('explain.act4', lang)}, ${cat}: ${er} ${formatRM(q.act4.employer)}, ${ee} ${formatRM(q.act4.employee)}`);
  lines.push(q.eis
    ? `• ${text('explain.eis', lang)}: ${er} ${formatRM(q.eis.employer)}, ${ee} ${formatRM(q.eis.employee)}`
    : `• ${text('explain.eis', lang)}: ${text('explain.none', lang)}`);
  if (q.skbbk) lines.push(`• ${text('explain.skbbk', lang)}: ${ee} ${formatRM(q.skbbk.employee)}`);
  else if (q.reasons.some((r) => r.key === 'skbbk')) lines.push(`• ${text('explain.skbbk', lang)}: ${text('explain.none', lang)}`);

  lines.push(text('explain.totals', lang, { er: formatRM(q.employer_total), ee: formatRM(q.employee_total), total: formatRM(q.total) }));
  const band = q.band.to === null ? null : q.band;
  if (band && band.from === '0.00') lines.push(text('explain.first_band', lang, { to: formatRM(band.to as string), schedule: q.schedule }));
  else if (band) lines.push(text('explain.band', lang, { from: formatRM(band.from), to: formatRM(band.to as string), schedule: q.schedule }));
  if (q.ceilingApplied) lines.push(text('explain.ceiling', lang, { ceiling: formatRM(q.ceiling) }));

  if (q.reasons.length > 0) lines.push(`${text('explain.why', lang)} ${q.reasons.map((r) => r[lang]).join(' ')}`);
  if (q.assumptions.length > 0) {
    lines.push(text('explain.assumed', lang), ...q.assumptions.map((a) => `- ${a[lang]}`), text('explain.change', lang));
  }
  // Markdown links, as in the knowledge-base answers: short in the chat, the address one click away.
  lines.push(`${text('explain.source', lang)}: ${q.sources.map((s) => `[${s.title}](${s.url})`).join(' · ')}`);
  return lines.join('\n');
}

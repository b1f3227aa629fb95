/**
 * Is the Careline open now, and when does it next open? Hours come from hotline.yaml and public holidays
 * from holidays.yaml, both validated like the answers.
 */
import path from 'path';
import { KnowledgeError } from './errors';
import { addDays, instantAt, isIsoDate, isValidTimeZone, isoDate, wallTime } from './clock';
import { fillPlaceholders } from './phrases';
import type { Lang, Source } from './types';
import { LANGS } from './types';
import { urlProblem } from './urls';
import { YamlFile } from './yamlFile';
import { fromRoot } from '../project-root';

export interface HotlineStatus {
  open: boolean;
  /** The next opening instant when closed now; null when open. */
  nextOpen: Date | null;
  ms: string;
  en: string;
}

export interface Holiday {
  date: string;
  name: Record<Lang, string>;
  estimate: boolean;
}

const STATUS_KEYS = ['open', 'opens_today', 'opens_tomorrow', 'opens_later', 'holiday'] as const;
type StatusKey = (typeof STATUS_KEYS)[number];
const STATUS_VARS = ['open', 'close', 'day', 'date', 'holiday'];

const DAY_CODES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_NAMES: Record<Lang, string[]> = {
  ms: ['Ahad', 'Isnin', 'Selasa', 'Rabu', 'Khamis', 'Jumaat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTH_NAMES: Record<Lang, string[]> = {
  ms: ['Januari', 'Februari', 'Mac', 'April', 'Mei', 'Jun', 'Julai', 'Ogos', 'September', 'Oktober', 'November', 'Disember'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** "8.00 pagi" / "5.00 petang" (Malaysian usage), "8:00 am" / "5:00 pm". */
export function formatTime(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = String(minutes % 60).padStart(2, '0');
  const h12 = h % 12 === 0 ? 12 : h % 12;
  if (lang === 'en') return `${h12}:${m} ${h < 12 ? 'am' : 'pm'}`;
  const part = h < 12 ? 'pagi' : h < 14 ? 'tengah hari' : h < 19 ? 'petang' : 'malam';
  return `${h12}.${m} ${part}`;
}

export class HotlineCalendar {
  constructor(
    readonly timeZone: string,
    private readonly openDays: ReadonlySet<number>,
    readonly openMinutes: number,
    readonly closeMinutes: number,
    private readonly holidays: ReadonlyMap<string, Holiday>,
    private readonly templates: Record<Lang, Record<StatusKey, string>>,
    readonly source: Source,
  ) {}

  holidayOn(date: string): Holiday | null {
    return this.holidays.get(date) ?? null;
  }

  private isWorkingDay(date: string, weekday: number): boolean {
    return this.openDays.has(weekday) && !this.holidays.has(date);
  }

  status(now: Date): HotlineStatus {
    const t = wallTime(now, this.timeZone);
    const today = isoDate(t.year, t.month, t.day);
    const workingToday = this.isWorkingDay(today, t.weekday);
    const vars = (lang: Lang, extra: Record<string, string> = {}) => ({
      open: formatTime(this.openMinutes, lang),
      close: formatTime(this.closeMinutes, lang),
      ...extra,
    });
    const render = (key: StatusKey, extra: (lang: Lang) => Record<string, string> = () => ({})) => ({
      ms: fillPlaceholders(this.templates.ms[key], vars('ms', extra('ms')), `hotline status ${key}`),
      en: fillPlaceholders(this.templates.en[key], vars('en', extra('en')), `hotline status ${key}`),
    });

    if (workingToday && t.minutes >= this.openMinutes && t.minutes < this.closeMinutes) {
      return { open: true, nextOpen: null, ...render('open') };
    }
    if (workingToday && t.minutes < this.openMinutes) {
      return { open: false, nextOpen: instantAt(t.year, t.month, t.day, this.openMinutes, this.timeZone), ...render('opens_today') };
    }
    // Look ahead day by day; a year always holds a working day unless the data says the line never opens.
    for (let k = 1; k <= 366; k++) {
      const d = addDays(t.year, t.month, t.day, k);
      const iso = isoDate(d.year, d.month, d.day);
      if (!this.isWorkingDay(iso, d.weekday)) continue;
      const nextOpen = instantAt(d.year, d.month, d.day, this.openMinutes, this.timeZone);
      const when = (lang: Lang) => ({ day: DAY_NAMES[lang][d.weekday], date: `${d.day} ${MONTH_NAMES[lang][d.month - 1]}` });
      const holiday = this.holidays.get(today);
      if (holiday && this.openDays.has(t.weekday)) {
        return { open: false, nextOpen, ...render('holiday', (lang) => ({ ...when(lang), holiday: holiday.name[lang] })) };
      }
      return { open: false, nextOpen, ...render(k === 1 ? 'opens_tomorrow' : 'opens_later', when) };
    }
    throw new Error('hotline.yaml: the line never opens (no working day within a year)');
  }

  /** The longest status line in words, for checking that answers with {hotline_status} stay chat-sized. */
  longestStatus(lang: Lang): string {
    const names = [...this.holidays.values()].map((h) => h.name[lang]);
    const holiday = names.reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a), '');
    const sample = { open: formatTime(this.openMinutes, lang), close: formatTime(this.closeMinutes, lang), day: DAY_NAMES[lang][3], date: `30 ${MONTH_NAMES[lang][8]}`, holiday };
    return STATUS_KEYS.map((k) => fillPlaceholders(this.templates[lang][k], sample, `hotline status ${k}`))
      .reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a));
  }
}

function parseTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function loadHolidays(file: string, problems: string[]): Map<string, Holiday> {
  const y = YamlFile.read(file, problems);
  const out = new Map<string, Holiday>();
  if (y.data === undefined) return out;
  const data = asRecord(y.data);
  if (!data) {
    y.problem([], 'must be a mapping with sources and holidays');
    return out;
  }
  for (const key of Object.keys(data)) {
    if (!['verified', 'sources', 'holidays'].includes(key)) y.problem([key], 'is not a known field (use verified, sources, holidays)');
  }
  if (typeof data.verified !== 'string' || !isIsoDate(data.verified)) y.problem(['verified'], 'must be a date written YYYY-MM-DD');
  if (!Array.isArray(data.sources) || data.sources.length === 0) {
    y.problem(['sources'], 'must list at least one source (title and url)');
  } else {
    data.sources.forEach((s, i) => {
      const src = asRecord(s);
      if (!src || typeof src.title !== 'string' || src.title.trim() === '') y.problem(['sources', i, 'title'], 'is missing or empty');
      const problem = typeof src?.url === 'string' ? urlProblem(src.url) : 'is missing';
      if (problem) y.problem(['sources', i, 'url'], problem);
    });
  }
  if (!Array.isArray(data.holidays) || data.holidays.length === 0) {
    y.problem(['holidays'], 'must list the holidays');
    return out;
  }
  data.holidays.forEach((h, i) => {
    const entry = asRecord(h);
    if (!entry) {
      y.problem(['holidays', i], 'must have date, ms, en and estimate');
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['date', 'ms', 'en', 'estimate', 'note'].includes(key)) y.problem(['holidays', i, key], 'is not a known field (use date, ms, en, estimate, note)');
    }
    const date = entry.date;
    if (typeof date !== 'string' || !isIsoDate(date)) {
      y.problem(['holidays', i, 'date'], 'must be a real date written YYYY-MM-DD');
      return;
    }
    if (out.has(date)) y.problem(['holidays', i, 'date'], `${date} is listed twice (give one entry per day)`);
    for (const lang of LANGS) {
      if (typeof entry[lang] !== 'string' || (entry[lang] as string).trim() === '') y.problem(['holidays', i, lang], 'is missing or empty');
    }
    if (typeof entry.estimate !== 'boolean') y.problem(['holidays', i, 'estimate'], 'must be true or false');
    out.set(date, { date, name: { ms: String(entry.ms ?? '').trim(), en: String(entry.en ?? '').trim() }, estimate: entry.estimate === true });
  });
  return out;
}

/** Reads hotline.yaml and holidays.yaml from `dir`; problems are appended, and a calendar is returned only when there are none. */
export function loadHotlineCalendar(dir: string, problems: string[]): HotlineCalendar | null {
  const before = problems.length;
  const holidays = loadHolidays(path.join(dir, 'holidays.yaml'), problems);
  const y = YamlFile.read(path.join(dir, 'hotline.yaml'), problems);
  if (y.data === undefined) return null;
  const data = asRecord(y.data);
  if (!data) {
    y.problem([], 'must be a mapping (timezone, days, open, close, source, status)');
    return null;
  }
  for (const key of Object.keys(data)) {
    if (!['timezone', 'days', 'open', 'close', 'source', 'status'].includes(key)) y.problem([key], 'is not a known field (use timezone, days, open, close, source, status)');
  }
  const timeZone = typeof data.timezone === 'string' ? data.timezone : '';
  if (!isValidTimeZone(timeZone) || timeZone === '') y.problem(['timezone'], `must be a time zone name such as Asia/Kuala_Lumpur (got "${String(data.timezone ?? '')}")`);
  const days = new Set<number>();
  if (!Array.isArray(data.days) || data.days.length === 0) {
    y.problem(['days'], 'must list the opening days, e.g. [mon, tue, wed, thu, fri]');
  } else {
    data.days.forEach((d, i) => {
      const idx = DAY_CODES.indexOf(String(d).toLowerCase());
      if (idx < 0) y.problem(['days', i], `"${String(d)}" is not a day (use ${DAY_CODES.join(' ')})`);
      else days.add(idx);
    });
  }
  const open = parseTime(data.open);
  const close = parseTime(data.close);
  if (open === null) y.problem(['open'], 'must be a time written HH:MM (24-hour)');
  if (close === null) y.problem(['close'], 'must be a time written HH:MM (24-hour)');
  if (open !== null && close !== null && open >= close) y.problem(['close'], 'must be later than open');
  const src = asRecord(data.source);
  if (!src || typeof src.title !== 'string' || src.title.trim() === '') y.problem(['source', 'title'], 'is missing or empty');
  const srcProblem = typeof src?.url === 'string' ? urlProblem(src.url) : 'is missing';
  if (srcProblem) y.problem(['source', 'url'], srcProblem);

  const templates = { ms: {}, en: {} } as Record<Lang, Record<StatusKey, string>>;
  const status = asRecord(data.status);
  if (!status) y.problem(['status'], 'must have ms and en status lines');
  for (const lang of LANGS) {
    const lines = asRecord(status?.[lang]);
    if (status && !lines) {
      y.problem(['status', lang], 'is missing');
      continue;
    }
    for (const key of STATUS_KEYS) {
      const text = lines?.[key];
      if (typeof text !== 'string' || text.trim() === '') {
        if (lines) y.problem(['status', lang, key], 'is missing or empty');
        continue;
      }
      for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
        if (!STATUS_VARS.includes(m[1])) y.problem(['status', lang, key], `uses an unknown placeholder {${m[1]}} (allowed: ${STATUS_VARS.map((v) => `{${v}}`).join(' ')})`);
      }
      templates[lang][key] = text.trim();
    }
  }
  if (problems.length > before) return null;
  return new HotlineCalendar(timeZone, days, open as number, close as number, holidays, templates, {
    title: String(src?.title).trim(),
    url: String(src?.url),
  });
}

let defaultCalendar: HotlineCalendar | null = null;

/** The calendar from the knowledge folder itself, loaded once. */
export function defaultHotlineCalendar(): HotlineCalendar {
  if (!defaultCalendar) {
    const problems: string[] = [];
    const cal = loadHotlineCalendar(fromRoot('knowledge'), problems);
    if (!cal) throw new KnowledgeError(problems);
    defaultCalendar = cal;
  }
  return defaultCalendar;
}

/** Careline status at `now`: Mon–Fri 08:00–17:00 Asia/Kuala_Lumpur, closed on the public holidays in holidays.yaml. */
export function hotlineStatus(now: Date): HotlineStatus {
  return defaultHotlineCalendar().status(now);
}

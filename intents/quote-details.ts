// Details of a quote said in passing: LINDUNG 24 Jam opt-out, the age first insured, foreign or local,
// and whether the message corrects what was said before.

const LINDUNG = String.raw`(?:lindung(?:\s*24\s*(?:jam|j|hours?|hrs?|h))?|skbbk|24[\s-]?(?:jam|hours?)\s+(?:coverage|cover|protection|scheme|lindung)|24[\s-]?hour\s+coverage)`;
const OPT_OUT = new RegExp(
  String.raw`\b(?:(?:me|di)?(?:tarik|trik|trk)\s*(?:diri|dri)|opt(?:s|ed|ing)?[\s-]*out|optout|notis\s+pelepasan|notice\s+of\s+(?:release|opt[\s-]?out)|(?:keluar|klua|kluar)\s+(?:dari(?:pada)?\s+)?${LINDUNG}|(?:left|leave|quit|withdr[ae]w(?:n)?\s+from)\s+${LINDUNG})`,
  'gi',
);
// "tak nak LINDUNG", "without LINDUNG", "no skbbk": the worker is not to be covered
const NO_LINDUNG = new RegExp(
  String.raw`\b(?:tak\s*nak|taknak|tknk|tk\s*nk|x\s*nak|xnak|tak\s+mahu|tak\s+mau|tidak\s+mahu|tidak\s+mau|don'?t\s+want|do\s+not\s+want|no|without|tanpa|exclud(?:e|ing))\s+(?:(?:nak|mahu|ambil|join|masuk|include|the)\s+)?${LINDUNG}`,
  'i',
);
// "masih dalam LINDUNG", "still covered by LINDUNG", "termasuk LINDUNG"
const IN_LINDUNG = new RegExp(
  String.raw`\b(?:masih\s+(?:dalam|ada|dengan|ikut|join|di|dilindungi)|still\s+(?:in|on|under|with|covered\s+by)|termasuk|including|include|with|dengan|stay\s+in|kekal\s+dalam)\s+(?:the\s+)?${LINDUNG}`,
  'i',
);
// said before an opt-out phrase: it did not happen ("tak tarik diri", "has not opted out")
const NOT_BEFORE =
  /\b(?:tak|tidak|x|tk|belum|bukan|never|not|didn'?t|did\s+not|hasn'?t|has\s+not|haven'?t|have\s+not|no|tiada|takde|xde|don'?t|doesn'?t)\s+(?:(?:pernah|lagi|yet|been|have|ever|nak|mahu|want\s+to|to)\s+){0,2}$/i;
// a question about the opt-out itself, not a fact about this worker: for the LINDUNG intent
const ASKS_BEFORE =
  /\b(?:macam\s*mana|mcm\s*mana|camne|cmne|camana|bagaimana|cara(?:nya)?|how(?!\s+(?:much|many))|can(?!\s+you)|could(?!\s+you)|boleh(?:ke|kah)?|bole|blh|possible|syarat|bila|when|where|why|kenapa|mengapa|perlu\s*ke|wajib\s*ke)\b[^.!?,;\n]{0,25}$/i;
const ASKS_AFTER = /^[^.!,;\n]{0,25}?(?:\b(?:macam\s*mana|mcm\s*mana|camne|bagaimana|caranya|how|prosedur|procedure|process|proses|borang\s+apa|which\s+form|boleh\s+ke|bole\s+ke|ke\s*\?|kah\b)|\?)/i;

/** true: the worker opted out of LINDUNG 24 Jam (or would, "kalau tarik diri"); false: said not; null: unsaid or only asked about. */
export function skbbkOptOut(text: string): boolean | null {
  if (IN_LINDUNG.test(text)) return false;
  let said: boolean | null = null;
  for (const m of text.matchAll(OPT_OUT)) {
    const before = text.slice(Math.max(0, m.index! - 60), m.index!);
    if (NOT_BEFORE.test(before)) return false;
    if (ASKS_BEFORE.test(before) || ASKS_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) continue;
    said = true;
  }
  if (said === null && NO_LINDUNG.test(text)) said = true;
  return said;
}

const FIRST_EN =
  /\b(?:first|1st)\s+(?:time\s+)?(?:job|employment|employed|insured|registered|contribut(?:ed|ing|ion)|covered|working|worked|work|time\s+(?:working|insured|employed|registered|contributing))\b[^.?!\d\n]{0,30}?(\d{2})\b(?!\s*(?:%|k\b|ribu|tahun\s+(?:lepas|lalu)|years?\s+ago))/i;
const FIRST_MS =
  /\b(?:(?:baru\s+)?(?:pertama\s+kali|kali\s+pertama|first\s+time)|mula|mulai|baru)\s+(?:kali\s+)?(?:kerja|keje|kije|bekerja|carum|mencarum|caruman|daftar|berdaftar|didaftarkan|diinsuranskan|masuk\s+(?:perkeso|socso)|dilindungi)\b[^.?!\d\n]{0,30}?(\d{2})\b(?!\s*(?:%|k\b|ribu|hari|bulan|orang|tahun\s+(?:lepas|lalu)))/i;
// never insured before: the age given is then the age first insured
const NEVER =
  /\b(?:(?:belum|tak|tidak|x|tk|never|not|tiada|takde)\s+(?:pernah\s+|ever\s+|been\s+|yet\s+|lagi\s+)?(?:daftar|didaftar(?:kan)?|berdaftar|register(?:ed)?|carum|mencarum|contribut(?:ed|e)|insured|diinsuranskan|masuk\s+(?:perkeso|socso)|ada\s+(?:perkeso|socso|caruman))|no\s+(?:previous|prior|past)\s+(?:socso|perkeso|contributions?|insurance)|first\s+time\s+(?:in|with|under)\s+(?:socso|perkeso)|first\s+(?:job|kerja|keje|kije|time\s+(?:working|employed|insured|registered))|(?:kerja|keje)\s+pertama|pertama\s+kali\s+(?:kerja|bekerja|daftar|carum))\b/i;

/** The age at which the worker was first insured, when the message says it. */
export function firstInsuredAge(text: string, ages: number[]): number | null {
  const m = FIRST_EN.exec(text) ?? FIRST_MS.exec(text);
  const age = m ? Number(m[1]) : NEVER.test(text) && ages.length ? ages[0] : null;
  return age !== null && age >= 14 && age <= 100 ? age : null;
}

// a correction beyond doubt, with or without a number: "opps salah", "sorry typo", "I meant", "bukan 2300"
const CORRECTION_STRONG =
  /(?:\b(?:op+s+|oops+|alamak|silap|tersilap|tersalah|typo|i\s+meant|meant\s+to\s+say|maksud\s+(?:saya|sy|aku)|correction|pembetulan|betulkan|salah\s+(?:taip|tulis|bagi)|wrongly\s+typed|typed\s+wrong|salah\s+sikit)\b|\b(?:bukan|bkn|not|should\s+(?:have\s+)?be(?:en)?|sepatutnya|patutnya|patut)\s+(?:rm\s?)?\d)/i;
// words that correct only when the message also gives a value: "salah, 3200", "actually 3200"
const CORRECTION_WEAK = /\b(?:salah|wrong|actually|sebenarnya|sebetulnya|sorry|sori|sry|maaf|i\s+mean)\b/i;

export interface CorrectionCue {
  strong: boolean;
  weak: boolean;
}

export function correctionCue(text: string): CorrectionCue {
  return { strong: CORRECTION_STRONG.test(text), weak: CORRECTION_WEAK.test(text) };
}

const FOREIGN_COUNTRIES = String.raw`indonesia|indon|bangladesh|bangla|nepal|myanmar|burma|vietnam|filipina|philippines|pakistan|india|china|kemboja|cambodia|thailand|thai|sri\s+lanka|laos|asing`;
const FOREIGN_RE = new RegExp(
  String.raw`\b(?:(?:is|are|and|dan|also|juga|dia|she'?s|he'?s|orang)\s+(?:a\s+)?(?:foreign|asing)(?!\s+(?:affairs|exchange|currency|language|bank))|pekerja asing|warga asing|bukan warganegara|foreign\s+(?:workers?|employees?|staff|labou?rs?|nationals?|maids?|helpers?|domestic)|foreigners?|non[- ]?citizens?|non[- ]?malaysians?|non[- ]?locals?|expat(?:riate)?s?|pati|plks|pas lawatan kerja|work permit holders?|` +
    String.raw`(?:warga|from|dari|asal)\s+(?:${FOREIGN_COUNTRIES})|(?:pekerja|staff|workers?|buruh|maids?|amah|pembantu(?:\s+rumah)?|orang)\s+(?:indon(?:esia)?|bangla(?:desh)?|nepal(?:i)?|myanmar|vietnam|filipina|pakistan|rohingya|kemboja)|` +
    String.raw`(?:indonesian|bangladeshi|nepali|nepalese|burmese|vietnamese|filipino|pakistani|cambodian|rohingya|myanmar)\s+(?:workers?|staff|maids?|employees?|nationals?|helpers?)|bangla|indon)\b`,
  'i',
);
const LOCAL_RE =
  /\b(?:pekerja tempatan|tempatan|warganegara|local (?:workers?|employees?|staff)|locals?|citizens?|malaysians?|m'?sians?|rakyat malaysia|orang malaysia|pemastautin tetap|permanent residents?|PR)\b/i;
const NOT_FOREIGN = /\b(?:bukan|not|non)[\s-]+(?:a\s+)?(?:pekerja\s+)?(?:asing|foreign(?:ers?)?)\b/i;

/** true: a foreign worker; false: a local one (citizen or permanent resident); null: neither said. */
export function foreignIn(text: string): boolean | null {
  if (NOT_FOREIGN.test(text)) return false;
  if (FOREIGN_RE.test(text)) return true;
  if (LOCAL_RE.test(text)) return false;
  return null;
}

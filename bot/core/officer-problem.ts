// A request for an officer that already says what is wrong ("nak cakap dengan pegawai, fail caruman
// asyik ditolak"): the problem part, to pre-fill the checklist's problem step for confirmation.

// Clauses are split at punctuation and at the words that introduce a reason.
const CLAUSE_BREAK = /[,;.!?\n]+|\s+(?:sebab|kerana|karena|pasal|because|coz|cause|as|since|regarding|about|tentang|mengenai|berkenaan)\s+|\s+-\s+/i;
// A clause that only asks for a person, or is only politeness, says nothing about the problem.
const OFFICER =
  /\b(?:pegawai|officer|agent|human|manusia|(?:orang|staff|staf)\s+(?:perkeso|socso)|cakap|bercakap|berbual|talk|speak|chat\s+with|hubungi|contact|careline|customer\s+service|khidmat\s+pelanggan|live\s+(?:chat|agent|person)|real\s+person|person)\b/i;
const POLITE_ONLY = /^(?:tolong|please|pls|plz|boleh|can|could|hi|hai|hello|helo|salam|assalamualaikum|saya|i|nak|want|need|perlu|ok|okay|thanks|terima\s+kasih|tq)(?:\s+(?:tolong|please|pls|plz|boleh|can|could|saya|i|nak|want|need|perlu|to|ke|la|lah))*$/i;

/** The problem the message states besides asking for an officer, or null when it states none. */
export function problemInOfficerRequest(text: string): string | null {
  const parts = text
    .split(CLAUSE_BREAK)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !OFFICER.test(p) && !POLITE_ONLY.test(p));
  const problem = parts.join(', ');
  const words = problem.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && problem.length >= 8 ? problem : null;
}

// An explicit request to be put through to a person, in either language ("talk to an officer",
// "nak cakap dengan pegawai", "live agent please"). Asking how to contact PERKESO is not one.
const ASKS_FOR_PERSON = new RegExp(
  [
    String.raw`\b(?:talk|speak|chat|connect\s+me|transfer\s+me|put\s+me\s+through)\s+(?:to|with)\s+(?:an?\s+|the\s+|some\s+|your\s+)?(?:real\s+|live\s+|actual\s+|human\s+|perkeso\s+|socso\s+)?(?:officer|agent|human|person|someone|somebody|staff|representative|rep)\b`,
    String.raw`\b(?:want|need|get\s+me)\s+(?:an?\s+|a\s+real\s+)?(?:officer|human|live\s+agent|real\s+person)\b`,
    String.raw`\b(?:live\s+agent|real\s+person|human\s+agent)\b`,
    String.raw`\b(?:cakap|bercakap|berbual|sembang|jumpa|berjumpa|bincang)\s+(?:(?:dengan|dgn|ngan|dng)\s+)?(?:pegawai|orang\s+(?:perkeso|socso)|manusia|staf|staff|agent|ejen)\b`,
    String.raw`\b(?:nak|mahu|hendak|minta|perlu|perlukan|sambungkan|hubungkan)\s+(?:saya\s+|sy\s+)?(?:(?:dengan|dgn|ngan|kepada|ke)\s+)?(?:pegawai|manusia|ejen)\b`,
  ].join('|'),
  'i',
);

/** Whether the message explicitly asks to be put through to a person, whatever else it says. */
export function asksForPerson(text: string): boolean {
  return ASKS_FOR_PERSON.test(text);
}

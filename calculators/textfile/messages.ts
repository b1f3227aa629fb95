// Every sentence the checker and maker say, in Malay and English. Nothing here quotes a name or a whole ID.
import type { Bilingual } from '../errors';
import { formatRM } from '../money';
import { monthName } from '../months';

/** FACTS.md rates the layout M and the padding L: say so wherever a rule rests on them. */
export const HEDGE: Bilingual = {
  ms: 'mengikut pelaksanaan perisian gaji; semakan ASSIST sendiri yang menentukan',
  en: "as implemented by payroll software; ASSIST's own check decides",
};
const hedged = (t: Bilingual): Bilingual => ({ ms: `${t.ms} (${HEDGE.ms}).`, en: `${t.en} (${HEDGE.en}).` });

export const M = {
  bom: (): Bilingual => hedged({
    ms: 'Fail bermula dengan penanda BOM UTF-8 (3 bait tersembunyi). Simpan sebagai teks biasa (ANSI/ASCII) tanpa BOM',
    en: 'The file starts with a UTF-8 byte-order mark (3 hidden bytes). Save it as plain text (ANSI/ASCII) without a BOM',
  }),
  empty: (): Bilingual => ({ ms: 'Fail ini kosong: tiada baris pekerja.', en: 'The file is empty: no employee lines.' }),
  lineEndAll: (found: string, lines: number): Bilingual => hedged({
    ms: `Semua ${lines} baris berakhir dengan ${found}, bukan CRLF (gaya Windows). Simpan fail dengan hujung baris Windows (CRLF)`,
    en: `All ${lines} lines end with ${found}, not CRLF (Windows style). Save the file with Windows line ends (CRLF)`,
  }),
  lineEnd: (found: string): Bilingual => hedged({
    ms: `Baris ini berakhir dengan ${found}, bukan CRLF seperti baris lain. Simpan semula fail dengan hujung baris Windows (CRLF)`,
    en: `This line ends with ${found}, not CRLF like the others. Save the file again with Windows line ends (CRLF)`,
  }),
  blankLine: (): Bilingual => ({ ms: 'Baris kosong di tengah fail. Padam baris ini.', en: 'A blank line inside the file. Delete this line.' }),
  badChar: (code: number): Bilingual => ({
    ms: `Aksara yang tidak dibenarkan (kod ${code}${code > 126 ? ', bukan ASCII: huruf beraksen atau simbol khas mengambil lebih dari satu bait' : ', aksara kawalan seperti tab'}). Guna huruf A–Z, nombor dan tanda baca biasa sahaja.`,
    en: `A character that is not allowed (code ${code}${code > 126 ? ', not ASCII: an accented letter or special symbol takes more than one byte' : ', a control character such as a tab'}). Use letters A–Z, digits and plain punctuation only.`,
  }),
  lengthTrimmed: (len: number, want: number): Bilingual => hedged({
    ms: `Baris ini ${len} aksara, sepatutnya ${want}. Ruang kosong di hujung baris telah dibuang (biasanya oleh Excel atau editor teks); tambah semula ruang hingga ${want} aksara. Medan lain masih disemak`,
    en: `This line is ${len} characters long; it should be ${want}. The spaces at the end were removed (usually by Excel or a text editor); pad it back to ${want} characters. The other fields were still checked`,
  }),
  lengthTrailing: (len: number, want: number): Bilingual => hedged({
    ms: `Baris ini ${len} aksara, sepatutnya ${want}: ada ruang berlebihan di hujung. Buang ${len - want} ruang di hujung baris`,
    en: `This line is ${len} characters long; it should be ${want}: there are extra spaces at the end. Remove ${len - want} trailing spaces`,
  }),
  lengthBytes: (bytes: number, want: number): Bilingual => hedged({
    ms: `Baris ini ${want} aksara tetapi ${bytes} bait: huruf beraksen mengambil lebih dari satu bait, jadi medan selepasnya teranjak dalam ASSIST. Tulis tanpa aksen`,
    en: `This line has ${want} characters but ${bytes} bytes: an accented letter takes more than one byte, so the fields after it move in ASSIST. Write it without accents`,
  }),
  lengthShifted: (len: number, want: number): Bilingual => hedged({
    ms: `Baris ini ${len} aksara, sepatutnya ${want} (${len > want ? `${len - want} lebih` : `${want - len} kurang`}). Satu medan terlalu panjang atau pendek, jadi kedudukan medan selepasnya teranjak; medan lain dalam baris ini tidak disemak`,
    en: `This line is ${len} characters long; it should be ${want} (${len > want ? `${len - want} too many` : `${want - len} too few`}). A field is too long or too short, so the fields after it have moved; the other fields of this line were not checked`,
  }),
  notLeft: (): Bilingual => hedged({
    ms: 'Medan teks mesti bermula di lajur pertama medan (rata kiri, ruang di sebelah kanan)',
    en: 'A text field must start at its first column (left-justified, spaces on the right)',
  }),
  notRight: (): Bilingual => hedged({
    ms: 'Medan nombor mesti rata kanan (ruang atau sifar di sebelah kiri, digit terakhir di lajur terakhir medan)',
    en: 'A number field must be right-justified (spaces or zeros on the left, the last digit in its last column)',
  }),
  employerMissing: (): Bilingual => ({ ms: 'Kod majikan tiada. Tulis kod 12 aksara, contoh A3100001237X.', en: 'The employer code is missing. Write the 12-character code, for example A3100001237X.' }),
  employerInvalid: (shown: string): Bilingual => ({
    ms: `Kod majikan "${shown}" tidak sah: mesti satu huruf besar, sepuluh digit dan satu huruf besar (contoh A3100001237X).`,
    en: `The employer code "${shown}" is not valid: it must be one capital letter, ten digits and one capital letter (for example A3100001237X).`,
  }),
  employerMixed: (shown: string, main: string): Bilingual => ({
    ms: `Kod majikan "${shown}" berbeza daripada kod pada baris lain (${main}). Satu fail adalah untuk satu majikan.`,
    en: `The employer code "${shown}" differs from the other lines (${main}). One file is for one employer.`,
  }),
  idMissing: (): Bilingual => ({ ms: 'No. kad pengenalan tiada.', en: 'The ID number is missing.' }),
  mykadDigits: (n: number): Bilingual => ({
    ms: `No. MyKad ada ${n} digit; MyKad ada 12 digit tanpa sengkang (contoh 900101145673).`,
    en: `The MyKad number has ${n} digits; a MyKad has 12 digits without dashes (for example 900101145673).`,
  }),
  mykadDashes: (): Bilingual => ({ ms: 'Tulis No. MyKad tanpa sengkang atau ruang: 12 digit sahaja.', en: 'Write the MyKad number without dashes or spaces: 12 digits only.' }),
  mykadDate: (masked: string): Bilingual => ({
    ms: `No. MyKad ${masked} tidak sah: enam digit pertama bukan tarikh lahir yang wujud (TTBBHH).`,
    en: `The MyKad number ${masked} is not valid: its first six digits are not a real birth date (YYMMDD).`,
  }),
  mykadPlace: (masked: string): Bilingual => ({
    ms: `No. MyKad ${masked} tidak sah: digit ke-7 dan ke-8 bukan kod tempat lahir yang dikeluarkan JPN.`,
    en: `The MyKad number ${masked} is not valid: its 7th and 8th digits are not a place-of-birth code JPN issues.`,
  }),
  foreignIdShape: (): Bilingual => ({
    ms: 'No. pengenalan pekerja asing (pasport / SSFW / SSFDW) mesti huruf besar dan digit sahaja, sekurang-kurangnya 6 aksara, tanpa ruang atau tanda baca. (Format rasminya tidak diterbitkan; ini semakan bentuk sahaja.)',
    en: 'A foreign worker\'s ID (passport / SSFW / SSFDW) must be capital letters and digits only, at least 6 characters, with no spaces or punctuation. (Its official format is not published; this checks the shape only.)',
  }),
  duplicateId: (masked: string, first: number): Bilingual => ({
    ms: `No. pengenalan ${masked} sudah ada pada baris ${first} untuk bulan yang sama. Satu pekerja satu baris.`,
    en: `The ID ${masked} is already on line ${first} for the same month. One line per employee.`,
  }),
  nameMissing: (): Bilingual => ({ ms: 'Nama pekerja tiada.', en: 'The employee name is missing.' }),
  nameLower: (): Bilingual => ({ ms: 'Nama pekerja mesti huruf besar semua (contoh AHMAD BIN ALI).', en: 'The employee name must be all capitals (for example AHMAD BIN ALI).' }),
  monthFormat: (shown: string, hint: 'yyyymm' | 'separator' | 'other'): Bilingual => ({
    ms: `Bulan caruman "${shown}" tidak sah: tulis BBTTTT, contoh 102026 untuk Oktober 2026.${hint === 'yyyymm' ? ' Nampaknya tahun ditulis dahulu (TTTTBB).' : hint === 'separator' ? ' Jangan guna sengkang, garis miring atau ruang.' : ''}`,
    en: `The contribution month "${shown}" is not valid: write MMYYYY, for example 102026 for October 2026.${hint === 'yyyymm' ? ' The year seems to come first (YYYYMM).' : hint === 'separator' ? ' Do not use dashes, slashes or spaces.' : ''}`,
  }),
  monthFuture: (month: string, current: string): Bilingual => ({
    ms: `Bulan caruman ${monthName(month, 'ms')} belum tiba (bulan upah semasa ${monthName(current, 'ms')}). Bulan caruman ialah bulan upah itu dibayar.`,
    en: `The contribution month ${monthName(month, 'en')} has not come yet (the current wage month is ${monthName(current, 'en')}). The contribution month is the month the wages are for.`,
  }),
  wageMissing: (): Bilingual => ({ ms: 'Gaji tiada. Tulis gaji dalam sen, contoh 250000 untuk RM2,500.00.', en: 'The wages are missing. Write them in sen, for example 250000 for RM2,500.00.' }),
  notSen: (what: Bilingual, shown: string): Bilingual => ({
    ms: `${what.ms} "${shown}" bukan dalam sen: tulis digit sahaja tanpa titik perpuluhan atau koma, contoh RM2,500.00 ialah 250000.`,
    en: `${what.en} "${shown}" is not in sen: write digits only, with no decimal point or comma; for example RM2,500.00 is 250000.`,
  }),
  wageLooksRinggit: (sen: string): Bilingual => ({
    ms: `Gaji ${sen} nampaknya ditulis dalam ringgit, bukan sen: caruman pada baris ini sepadan dengan gaji ${formatRM(sen)}. Dalam sen ia ialah ${sen}00.`,
    en: `The wages ${sen} seem to be written in ringgit, not sen: this line's contributions match wages of ${formatRM(sen)}. In sen that is ${sen}00.`,
  }),
  notNumber: (what: Bilingual): Bilingual => ({ ms: `${what.ms} mesti digit sahaja (dalam sen).`, en: `${what.en} must be digits only (in sen).` }),
  amountMissing: (what: Bilingual): Bilingual => ({ ms: `${what.ms} tiada. Tulis 0 jika tiada caruman.`, en: `${what.en} is missing. Write 0 if there is no contribution.` }),
  amountMismatch: (what: Bilingual, file: string, expected: string, basis: Bilingual): Bilingual => ({
    ms: `${what.ms}: fail ada ${formatRM(file)}, jadual rasmi ${formatRM(expected)} (${basis.ms}).`,
    en: `${what.en}: the file has ${formatRM(file)}, the official table ${formatRM(expected)} (${basis.en}).`,
  }),
  skbbkBeforeStart: (month: string, file: string): Bilingual => ({
    ms: `SKBBK ${formatRM(file)} untuk bulan caruman ${monthName(month, 'ms')}: LINDUNG 24 Jam (SKBBK) bermula dengan bulan upah Jun 2026, jadi medan ini mesti 0 atau kosong.`,
    en: `SKBBK of ${formatRM(file)} for contribution month ${monthName(month, 'en')}: LINDUNG 24 Jam (SKBBK) began with wage month June 2026, so this field must be 0 or blank.`,
  }),
  skbbkMissing: (): Bilingual => hedged({
    ms: 'Medan SKBBK (lajur 239–244) kosong, tetapi baris lain dalam fail ini ada SKBBK (format V2). Dalam V2 medan ini wajib: tulis jumlah SKBBK dalam sen, atau 0',
    en: 'The SKBBK field (columns 239–244) is blank, but other lines of this file have it (V2 layout). In V2 it is mandatory: write the SKBBK amount in sen, or 0',
  }),
  v1AfterCutoff: (lines: number): Bilingual => hedged({
    ms: `Fail ini format V1 (tiada medan SKBBK di lajur 239–244 pada ${lines === 1 ? 'baris ini' : `semua ${lines} baris`}). Mulai 1 Oktober 2026 hanya format V2 diterima: tambah SKBBK pekerja dalam sen di lajur 239–244 (rata kanan), 0 jika tiada`,
    en: `This file uses the V1 layout (no SKBBK field in columns 239–244 on ${lines === 1 ? 'this line' : `all ${lines} lines`}). From 1 October 2026 only V2 is accepted: put the employee's SKBBK in sen in columns 239–244 (right-justified), 0 if none`,
  }),
  fillerNotBlank: (): Bilingual => hedged({
    ms: 'Lajur 245–278 (ruang kosong) mesti ruang sahaja',
    en: 'Columns 245–278 (filler) must be spaces only',
  }),
  paddingMixed: (style: 'zero' | 'space', fileStyle: 'zero' | 'space'): Bilingual => hedged({
    ms: `Medan nombor ini diisi dengan ${style === 'zero' ? 'sifar' : 'ruang'} di kiri, tetapi kebanyakan fail dengan ${fileStyle === 'zero' ? 'sifar' : 'ruang'}. Guna satu gaya sahaja; disyorkan ruang, rata kanan`,
    en: `This number field is padded with ${style === 'zero' ? 'zeros' : 'spaces'} on the left, but most of the file with ${fileStyle === 'zero' ? 'zeros' : 'spaces'}. Use one style only; spaces, right-justified, are recommended`,
  }),
  monthNoTable: (text: Bilingual): Bilingual => ({ ms: `Jumlah caruman tidak dapat disemak: ${text.ms}`, en: `The amounts cannot be checked: ${text.en}` }),
  wageTooLarge: (text: Bilingual): Bilingual => text,
};

/** What an expected figure is based on, for the mismatch message. */
export function basis(wage: string, month: string, category: 1 | 2, schedule: string, because: Bilingual | null): Bilingual {
  const cat = { ms: category === 1 ? 'Kategori Pertama' : 'Kategori Kedua', en: category === 1 ? 'First Category' : 'Second Category' };
  return {
    ms: `gaji ${formatRM(wage)}, bulan upah ${monthName(month, 'ms')}, ${cat.ms}${because ? ` kerana ${because.ms}` : ''}, jadual ${schedule}`,
    en: `wages ${formatRM(wage)}, wage month ${monthName(month, 'en')}, ${cat.en}${because ? ` because ${because.en}` : ''}, table ${schedule}`,
  };
}

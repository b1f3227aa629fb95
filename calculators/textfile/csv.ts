// A small RFC 4180 reader for payroll CSVs: quoted fields may hold commas ("TAN, AH KOW") and doubled quotes.
export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

export function parseCsv(text: string): { rows: CsvRow[]; error: { line: number; message: string } | null } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"' && cell.trim() === '') { quoted = true; cell = ''; }
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { rows, error: { line: start, message: 'a quoted field is not closed' } };
  if (cell !== '' || cells.length > 0) endRow();
  return { rows, error: null };
}

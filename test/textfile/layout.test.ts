// The layout is data: a mistyped position fails at load with the field's number.
import { layout, maskId, validateLayout } from '../../calculators/textfile';
import { maskMyKad } from '../../bot/tickets';

const good = () => JSON.parse(JSON.stringify({ ...layout(), byKey: undefined })) as Record<string, unknown> & { fields: Array<Record<string, unknown>> };

describe('text-file layout', () => {
  test('matches FACTS.md §5.4: 12 fields filling 278 columns', () => {
    const L = layout();
    expect(L.lineLength).toBe(278);
    expect(L.fields.map((f) => [f.number, f.start, f.length])).toEqual([
      [1, 1, 12], [2, 13, 20], [3, 33, 12], [4, 45, 150], [5, 195, 6], [6, 201, 14],
      [7, 215, 6], [8, 221, 6], [9, 227, 6], [10, 233, 6], [11, 239, 6], [12, 245, 34],
    ]);
  });

  test('a gap, an overlap, a wrong total or an unknown key is refused with the field named', () => {
    const shifted = good();
    shifted.fields[4].start = 196;
    expect(() => validateLayout(shifted, 'x.json')).toThrow(/x\.json: field 5: start must be 195/);
    const short = good();
    short.lineLength = 280;
    expect(() => validateLayout(short, 'x.json')).toThrow(/end at column 278 but lineLength is 280/);
    const odd = good();
    odd.fields[0].key = 'employer';
    expect(() => validateLayout(odd, 'x.json')).toThrow(/field 1: key "employer"/);
    const noMs = good();
    delete noMs.fields[3].ms;
    expect(() => validateLayout(noMs, 'x.json')).toThrow(/field 4: needs both ms and en/);
  });

  test('IDs are masked exactly as the staff page masks MyKad numbers', () => {
    for (const id of ['900101145673', 'A12345678', '90010114567']) expect(maskId(id)).toBe(maskMyKad(id));
  });
});

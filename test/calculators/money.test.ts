import { formatRM, parseMoney } from '../../calculators';

describe('parseMoney reads wages the way people and files write them', () => {
  test.each([
    ['2500', '2500'], ['2,500.00', '2500'], ['RM2500', '2500'], ['rm 2,500.50', '2500.5'], ['RM1,234,567.8', 'too large'],
    [' 2500.5 ', '2500.5'], ['2500.', '2500'], [2500, '2500'], [2000.01, '2000.01'], ['0.01', '0.01'],
  ])('%p -> %s', (input, want) => {
    if (want === 'too large') expect(() => parseMoney(input)).toThrow(/over RM1,000,000.00/);
    else expect(parseMoney(input).toString()).toBe(want);
  });

  test.each(['25,00', '2.500,00', '1e3', '2500 ringgit', '12-34', 'RM', '½'])('%p is not read as money', (input) => {
    expect(() => parseMoney(input)).toThrow(/not an amount I can read/);
  });

  test.each([[true], [{ wage: 1 }], [Number.POSITIVE_INFINITY]])('a non-amount value %p is refused politely', (input) => {
    expect(() => parseMoney(input)).toThrow('The wage is not an amount I can read. Examples: 2500, 2,500.00 or RM2500.');
  });
});

describe('formatRM', () => {
  test.each([['2500', 'RM2,500.00'], ['0.5', 'RM0.50'], ['1000000', 'RM1,000,000.00'], ['104.15', 'RM104.15']])('%s -> %s', (v, want) => {
    expect(formatRM(v)).toBe(want);
  });
});

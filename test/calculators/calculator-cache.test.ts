// The chat's calculator keeps quotes it has made: a repeated question gets the same figures, a
// request without a month follows the calendar (a new wage month, a new quote), and what it hands
// out cannot be changed by a caller.
import { createCalculator } from '../../calculators';

const calc = createCalculator();
const OCT = new Date('2026-10-20T04:00:00Z');
const NOV = new Date('2026-11-20T04:00:00Z');

test('the same request gives the same figures, the second time from memory', () => {
  const first = calc.quote({ wage: '2500.00', age: 35 }, OCT);
  const again = calc.quote({ wage: '2500.00', age: 35 }, OCT);
  expect(again).toEqual(first);
  expect(again.month).toBe('2026-10');
});

test('without a month, the quote follows the wage month of the day it is asked', () => {
  expect(calc.quote({ wage: '2500.00' }, OCT).month).toBe('2026-10');
  expect(calc.quote({ wage: '2500.00' }, NOV).month).toBe('2026-11');
  expect(calc.quote({ wage: '2500.00', month: '2025-03' }, NOV).month).toBe('2025-03');
});

test('different details are different quotes', () => {
  const local = calc.quote({ wage: '4000.00', age: 35 }, OCT);
  const sixty = calc.quote({ wage: '4000.00', age: 62 }, OCT);
  expect(sixty.act4.category).toBe(2);
  expect(local.act4.category).toBe(1);
});

test('a quote handed out cannot be altered for the next caller', () => {
  const q = calc.quote({ wage: '3000.00' }, OCT);
  expect(() => {
    (q as { total: string }).total = '0.00';
  }).toThrow(TypeError);
  expect(() => {
    (q.act4 as { employer: string }).employer = '0.00';
  }).toThrow(TypeError);
  expect(calc.quote({ wage: '3000.00' }, OCT).total).toBe(q.total);
});

test('a wage the tables refuse is refused every time (errors are not kept)', () => {
  expect(() => calc.quote({ wage: '-5' }, OCT)).toThrow();
  expect(() => calc.quote({ wage: '-5' }, OCT)).toThrow();
});

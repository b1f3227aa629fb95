// `hanna interest --jsonl`: one late-payment interest estimate per input line.
import { lateInterest } from '../../calculators';

export function interestJsonLine(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { error: 'each line must be an object like {"amount": "450.00", "month": "2026-10", "paid_on": "2026-12-20"}' };
  }
  const o = input as Record<string, unknown>;
  const r = lateInterest({
    amount: o.amount as string | number,
    wageMonth: (o.month ?? o.wage_month) as string,
    paidOn: (o.paid_on ?? o.paidOn) as string,
  });
  return {
    amount: r.amount,
    month: r.wageMonth,
    due_date: r.dueDate,
    paid_on: r.paidOn,
    days_late: r.daysLate,
    interest: r.interest,
    minimum_applied: r.minimumApplied,
    estimate: true,
  };
}

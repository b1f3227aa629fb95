// Ticket reference numbers: HN-<year in Kuala Lumpur>-<at least 6 digits>, e.g. HN-2026-000123.
import { klDateParts } from '../../locale';

export const REFERENCE_PATTERN = /^HN-(\d{4})-(\d{6,})$/;

export function klYear(now: Date): number {
  return klDateParts(now).year;
}

export function formatReference(year: number, n: number): string {
  return `HN-${year}-${String(n).padStart(6, '0')}`;
}

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

import { klDate, klHourOfDay } from '../../locale';
// Days as the support team counts them: calendar days in Kuala Lumpur, written YYYY-MM-DD.
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function klDay(at: Date): string {
  return klDate(at);
}

/** The KL day and hour, YYYY-MM-DDTHH: one document of the not-understood queue. */
export function klHour(at: Date): string {
  return `${klDay(at)}T${String(klHourOfDay(at)).padStart(2, '0')}`;
}

/** The 24 hours of a KL day, as klHour() names them. */
export function hoursOf(day: string): string[] {
  return Array.from({ length: 24 }, (_, h) => `${day}T${String(h).padStart(2, '0')}`);
}

export function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The `count` KL days ending with the one `now` falls on, oldest first. */
export function lastDays(count: number, now: Date): string[] {
  const today = klDay(now);
  const noon = Date.parse(`${today}T12:00:00Z`); // a UTC noon never crosses a day boundary when stepped by 24 h
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--) days.push(new Date(noon - i * 86_400_000).toISOString().slice(0, 10));
  return days;
}

// The Careline status shown in the contact and escalation answers: Mon–Fri 08:00–17:00 Malaysian time,
// closed on national public holidays (knowledge/holidays.yaml).
import path from 'path';
import { hotlineStatus, loadKnowledgeBase } from '../../knowledge';
import { loadHotlineCalendar } from '../../knowledge/hotline';
import { intentId } from '../../intents';
import { KNOWLEDGE_DIR } from './helpers';

/** A Malaysian wall-clock time (UTC+8, no daylight saving) as an instant. */
const kl = (iso: string) => new Date(`${iso}+08:00`);

describe('hotlineStatus', () => {
  test('open on a weekday during office hours, closing at 17:00', () => {
    const s = hotlineStatus(kl('2026-11-26T10:15')); // Thursday
    expect(s.open).toBe(true);
    expect(s.nextOpen).toBeNull();
    expect(s.en).toContain('open now');
    expect(s.en).toContain('5:00 pm');
    expect(s.ms).toContain('dibuka sekarang');
    expect(s.ms).toContain('5.00 petang');
  });

  test('opens at 08:00 sharp and is closed one minute before', () => {
    expect(hotlineStatus(kl('2026-11-26T08:00')).open).toBe(true);
    const early = hotlineStatus(kl('2026-11-26T07:59'));
    expect(early.open).toBe(false);
    expect(early.nextOpen).toEqual(kl('2026-11-26T08:00'));
    expect(early.en).toBe('The line is closed now; it opens today at 8:00 am.');
    expect(early.ms).toContain('hari ini');
  });

  test('the 17:00 edge: 16:59 is open, 17:00 is closed', () => {
    expect(hotlineStatus(kl('2026-11-26T16:59')).open).toBe(true);
    const s = hotlineStatus(kl('2026-11-26T17:00'));
    expect(s.open).toBe(false);
    expect(s.nextOpen).toEqual(kl('2026-11-27T08:00'));
    expect(s.en).toBe('The line is closed now; it opens tomorrow, Friday 27 Nov, at 8:00 am.');
    expect(s.ms).toBe('Talian ditutup sekarang dan akan dibuka esok, Jumaat 27 November, jam 8.00 pagi.');
  });

  test('closed at the weekend; opens on Monday', () => {
    for (const t of ['2026-11-27T17:30', '2026-11-28T11:00', '2026-11-29T20:00']) {
      const s = hotlineStatus(kl(t));
      expect(s.open).toBe(false);
      expect(s.nextOpen).toEqual(kl('2026-11-30T08:00'));
    }
    expect(hotlineStatus(kl('2026-11-28T11:00')).en).toBe('The line is closed now; it opens Monday 30 Nov at 8:00 am.');
    expect(hotlineStatus(kl('2026-11-28T11:00')).ms).toBe(
      'Talian ditutup sekarang dan akan dibuka semula pada hari Isnin, 30 November, jam 8.00 pagi.',
    );
  });

  test('closed on a 2026 public holiday that falls on a weekday, naming it', () => {
    const s = hotlineStatus(kl('2026-09-16T10:00')); // Malaysia Day, Wednesday
    expect(s.open).toBe(false);
    expect(s.nextOpen).toEqual(kl('2026-09-17T08:00'));
    expect(s.en).toBe('The line is closed today (Malaysia Day); it opens Thursday 17 Sep at 8:00 am.');
    expect(s.ms).toContain('Hari Malaysia');
  });

  test('skips a holiday and its replacement day when looking for the next opening', () => {
    // Friday evening before Mon 1 Jun 2026 (Agong's Birthday) and Tue 2 Jun (Wesak replacement holiday).
    const s = hotlineStatus(kl('2026-05-29T18:00'));
    expect(s.nextOpen).toEqual(kl('2026-06-03T08:00'));
    expect(s.en).toContain('Wednesday 3 Jun');
    // Deepavali on Sunday 8 Nov 2026 gives Monday 9 Nov off.
    expect(hotlineStatus(kl('2026-11-09T09:00')).open).toBe(false);
    expect(hotlineStatus(kl('2026-11-09T09:00')).nextOpen).toEqual(kl('2026-11-10T08:00'));
  });

  test('uses Malaysian time, not the server clock: a UTC instant that is already Monday in Kuala Lumpur', () => {
    // Sunday 29 Nov 2026 23:30 UTC is Monday 30 Nov 07:30 in Kuala Lumpur.
    const before = hotlineStatus(new Date('2026-11-29T23:30:00Z'));
    expect(before.open).toBe(false);
    expect(before.nextOpen).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(before.en).toContain('opens today');
    // Monday 00:30 UTC is 08:30 in Kuala Lumpur: open, although it is only half past midnight in UTC.
    expect(hotlineStatus(new Date('2026-11-30T00:30:00Z')).open).toBe(true);
    // Friday 09:00 UTC is 17:00 in Kuala Lumpur: closed.
    expect(hotlineStatus(new Date('2026-11-27T09:00:00Z')).open).toBe(false);
  });

  test('the contact and escalation answers carry the status for the given time', () => {
    const kb = loadKnowledgeBase();
    const open = kb.answer(intentId('contact_support'), 'en', { now: kl('2026-11-26T10:00') });
    const closed = kb.answer(intentId('contact_support'), 'en', { now: kl('2026-11-28T10:00') });
    expect(open.text).toContain('should be open now');
    expect(closed.text).toContain('it opens Monday 30 Nov at 8:00 am');
    expect(open.text).not.toContain('{hotline_status}');
    const handoff = kb.answer('human_handoff', 'ms', { now: kl('2026-09-16T10:00') });
    expect(handoff.text).toContain('Talian ditutup hari ini (Hari Malaysia)');
  });
});

describe('holidays.yaml', () => {
  const problems: string[] = [];
  const cal = loadHotlineCalendar(KNOWLEDGE_DIR, problems);

  test('loads without problems', () => {
    expect(problems).toEqual([]);
    expect(cal).not.toBeNull();
  });

  test('lists the national holidays of 2026 and 2027, with moon-sighting dates marked as estimates', () => {
    expect(cal?.holidayOn('2026-08-31')?.name.en).toBe('National Day');
    expect(cal?.holidayOn('2027-08-31')?.name.ms).toBe('Hari Kebangsaan');
    expect(cal?.holidayOn('2026-12-25')?.estimate).toBe(false);
    expect(cal?.holidayOn('2027-03-10')?.estimate).toBe(true); // Hari Raya Aidilfitri 2027
    expect(cal?.holidayOn('2026-05-27')?.estimate).toBe(true); // Hari Raya Haji 2026
    expect(cal?.holidayOn('2026-01-01')).toBeNull(); // New Year's Day is a state holiday, not national
    expect(cal?.holidayOn('2026-11-26')).toBeNull();
  });

  test('a broken holidays file stops the load, naming the file, line and field', () => {
    const dir = path.join(__dirname, 'fixtures', 'bad-holidays');
    const found: string[] = [];
    expect(loadHotlineCalendar(dir, found)).toBeNull();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/holidays\.yaml:\d+: holidays\[0\]\.date must be a real date/),
        expect.stringMatching(/holidays\.yaml:\d+: holidays\[1\]\.estimate must be true or false/),
        expect.stringMatching(/hotline\.yaml:\d+: close must be later than open/),
      ]),
    );
  });
});

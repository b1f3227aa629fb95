// Token and activity-log rules on their own, with a fake clock.
import { MemoryDocumentStore } from '../../bot/storage';
import { TokenIssuer } from '../../bot/channels/directline/tokens';
import { ActivityLog, MAX_ACTIVITIES, since } from '../../bot/channels/directline/activity-log';

describe('Direct Line tokens', () => {
  let now = new Date('2026-11-02T09:00:00+08:00');
  const clock = () => now;

  test('expire after 30 minutes', () => {
    const issuer = new TokenIssuer('s3cret', 30 * 60, clock);
    const { token, expiresIn } = issuer.issue('conv-1', 'dl_user');
    expect(expiresIn).toBe(1800);
    expect(issuer.verify(token)).toEqual({ ok: true, claims: expect.objectContaining({ conv: 'conv-1', user: 'dl_user' }) });
    now = new Date(now.getTime() + 29 * 60_000);
    expect(issuer.verify(token).ok).toBe(true);
    now = new Date(now.getTime() + 60_000);
    expect(issuer.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  test('from another secret, or edited, are refused', () => {
    const a = new TokenIssuer('one', 1800, clock);
    const b = new TokenIssuer('two', 1800, clock);
    const { token } = a.issue('conv-1', 'dl_user');
    expect(b.verify(token)).toEqual({ ok: false, reason: 'signature' });
    const [h, p, s] = token.split('.');
    const edited = Buffer.from(Buffer.from(p, 'base64url').toString().replace('conv-1', 'conv-2')).toString('base64url');
    expect(a.verify(`${h}.${edited}.${s}`)).toEqual({ ok: false, reason: 'signature' });
    expect(a.verify('not-a-token').ok).toBe(false);
  });

  test('without a secret, each process has its own random key', () => {
    const { token } = new TokenIssuer('', 1800, clock).issue('c', 'u');
    expect(new TokenIssuer('', 1800, clock).verify(token).ok).toBe(false);
  });
});

describe('Direct Line activity log', () => {
  test('keeps the newest activities only, while watermarks keep counting', async () => {
    const log = new ActivityLog(new MemoryDocumentStore(), () => new Date('2026-11-02T01:00:00Z'));
    await log.open('c1', 'dl_u');
    for (let i = 0; i < MAX_ACTIVITIES + 50; i++) await log.append('c1', [{ type: 'message', text: `m${i}` }]);
    const stored = await log.get('c1');
    expect(stored?.activities).toHaveLength(MAX_ACTIVITIES);
    const all = since(stored!, '');
    expect(all.watermark).toBe(String(MAX_ACTIVITIES + 50));
    expect(all.activities[0].text).toBe('m50');
    expect(since(stored!, String(MAX_ACTIVITIES + 48)).activities.map((a) => a.text)).toEqual([`m${MAX_ACTIVITIES + 48}`, `m${MAX_ACTIVITIES + 49}`]);
  });

  test('timestamps grow even when the clock stands still', async () => {
    const log = new ActivityLog(new MemoryDocumentStore(), () => new Date('2026-11-02T01:00:00Z'));
    await log.open('c1', 'dl_u');
    const added = await log.append('c1', [{ type: 'message' }, { type: 'message' }, { type: 'message' }]);
    const ms = added.map((a) => Date.parse(a.timestamp));
    expect(ms).toEqual([ms[0], ms[0] + 1, ms[0] + 2]);
  });

  test('appends from two writers at once both land', async () => {
    const storage = new MemoryDocumentStore();
    const a = new ActivityLog(storage);
    const b = new ActivityLog(storage);
    await a.open('c1', 'dl_u');
    await Promise.all([a.append('c1', [{ type: 'message', text: 'a' }]), b.append('c1', [{ type: 'message', text: 'b' }])]);
    const texts = (await a.get('c1'))!.activities.map((x) => x.text).sort();
    expect(texts).toEqual(['a', 'b']);
  });
});

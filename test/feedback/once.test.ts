// A vote is counted once even when its turn is run twice: another instance saved the same conversation
// between this turn's read and its write, so the store refused the write and the turn ran again on the
// fresh state (transact()). The 👎 must reach the console once, and the user sees one answer.
import { createCoreDeps } from '../../bot/app';
import { ConversationService, type EffectRunner } from '../../bot/conversation-service';
import type { Effect } from '../../bot/core/types';
import { MemoryDocumentStore, type DocumentWrite } from '../../bot/storage';

const deps = createCoreDeps();
const NOW = new Date('2026-11-26T03:00:00Z');
const ref = { channelId: 'webchat', conversationId: 'once-1', userId: 'employer-1' };

/** A memory store where, once armed, another writer saves the same documents just before our next write. */
class RacedStore extends MemoryDocumentStore {
  armed = false;
  conflicts = 0;

  override async writeAll(writes: readonly DocumentWrite[]): Promise<string[]> {
    if (this.armed) {
      this.armed = false;
      this.conflicts += 1;
      // The other instance's save: same content, new eTag.
      const current = await this.read(writes.map((w) => w.key));
      await super.writeAll(writes.filter((w) => current[w.key]).map((w) => ({ key: w.key, doc: current[w.key]!.doc })));
    }
    return super.writeAll(writes);
  }
}

test('a 👎 whose turn is retried after a write conflict is reported once, after the state is saved', async () => {
  const store = new RacedStore();
  const reported: Effect[] = [];
  const runEffect: EffectRunner = async (effect) => {
    if (effect.kind === 'feedback') {
      // Reported only once the turn's state is saved: the conversation already waits for "what was missing".
      const saved = await service.load(ref);
      expect(saved?.feedbackAsked).toBeDefined();
      reported.push(effect);
    }
    return [];
  };
  const service = new ConversationService(deps, store, runEffect, () => NOW);

  const answer = await service.message(ref, { text: 'how to pay contribution', channel: 'webchat' });
  expect(answer.replies.at(-1)?.suggestedActions?.map((a) => a.title).slice(-2)).toEqual(['👍', '👎']);

  store.armed = true;
  const down = await service.message(ref, { text: '👎', channel: 'webchat' });
  expect(store.conflicts).toBe(1);
  expect(down.replies.map((r) => r.text).join('\n')).toMatch(/What was missing\?/);
  expect(reported).toEqual([expect.objectContaining({ kind: 'feedback', vote: 'down', answerId: 'payment_methods' })]);
});

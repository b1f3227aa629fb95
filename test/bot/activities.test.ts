// Replies as Bot Framework activities: what a channel receives.
import { toActivity } from '../../bot/channels/activities';

test('one item per line survives markdown rendering; paragraphs stay paragraphs', () => {
  const a = toActivity({ text: 'Caruman:\n• majikan RM42.85\n• pekerja RM12.25\n\nSumber: x' });
  expect(a.text).toBe('Caruman:  \n• majikan RM42.85  \n• pekerja RM12.25\n\nSumber: x');
  expect(a.textFormat).toBe('markdown');
});

test('buttons become imBack suggested actions and a card an Adaptive Card attachment, with the text kept', () => {
  const a = toActivity({
    text: 'Pilih:',
    suggestedActions: [{ title: 'Kadar caruman', value: 'Kadar caruman' }],
    card: { type: 'AdaptiveCard', version: '1.3', body: [] },
  });
  expect(a.suggestedActions?.actions).toEqual([{ type: 'imBack', title: 'Kadar caruman', value: 'Kadar caruman' }]);
  expect(a.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(a.text).toBe('Pilih:');
  expect(a.speak).toBe('Pilih:');
});

// The official Web Chat in a page, as the browser tests drive it: its bubbles, its suggested actions,
// and typing into its send box as a person does. `page` is a getter: the page is opened in beforeAll.
import type { Page } from 'playwright-core';

export const SENDBOX = '[data-id="webchat-sendbox-input"]';

export function webChat(page: () => Page) {
  const botBubbles = () => page().locator('.webchat__bubble:not(.webchat__bubble--from-user)');
  return {
    botBubbles,
    userBubbles: () => page().locator('.webchat__bubble--from-user'),
    /** A suggested action by its exact title. */
    suggested: (title: string) => page().locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true }),
    /** Types `text` key by key into the send box and presses Enter. */
    async send(text: string): Promise<void> {
      const box = page().locator(SENDBOX);
      await box.click();
      await box.pressSequentially(text);
      await box.press('Enter');
    },
    /** Waits for the newest bot bubble matching `pattern`; its text. */
    async botSays(pattern: RegExp): Promise<string> {
      const bubble = botBubbles().filter({ hasText: pattern }).last();
      await bubble.waitFor({ timeout: 10_000 });
      return (await bubble.textContent()) ?? '';
    },
  };
}

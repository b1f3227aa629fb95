// Global commands that work at any point, even in the middle of a form.
export type GlobalCommand = 'cancel' | 'menu' | 'help';

// "Batal / Cancel" is also a button's title as some channels send it back.
const CANCEL = /^(batal(kan)?|cancel|batal\s*\/\s*cancel|stop|berhenti|tak jadi|x jadi|abort|quit|exit)[.!\s]*$/i;
const MENU = /^(menu|main menu|menu utama|start over|mula semula|restart)[.!\s]*$/i;
const HELP = /^(help|tolong|bantuan|\?)[.!\s]*$/i;

export function globalCommand(text: string): GlobalCommand | null {
  const t = text.trim();
  if (CANCEL.test(t)) return 'cancel';
  if (MENU.test(t)) return 'menu';
  if (HELP.test(t)) return 'help';
  return null;
}

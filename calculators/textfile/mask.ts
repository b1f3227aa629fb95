// IDs in reports are masked the way the staff page masks MyKad numbers (bot/tickets/views.ts maskMyKad):
// birth date and last digit of a MyKad, nothing of any other ID. The line number is enough to find the worker.
export function maskId(id: string): string {
  const digits = id.trim();
  return /^\d{12}$/.test(digits) ? `${digits.slice(0, 6)}-**-***${digits.slice(11)}` : '************';
}

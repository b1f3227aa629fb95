// Shared by the text-file tests: the real ID validators and a Kuala Lumpur clock for a given day.
import { validateEmployerCode, validateMyKad } from '../../intents/validators';
import type { CheckDeps } from '../../calculators/textfile';

export const ids = { validateMyKad, validateEmployerCode };
/** Noon in Kuala Lumpur on that day. */
export const onDay = (date: string): Date => new Date(`${date}T12:00:00+08:00`);
export const depsOn = (date: string): CheckDeps => ({ now: onDay(date), ids });

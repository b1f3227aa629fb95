/** The contribution text file (FACTS.md §5.4): check one, make one, and say what was found. */
export { checkTextFile } from './check';
export { makeTextFile } from './make';
export type { MakeRequest, MakeResult, MakeError } from './make';
export { formatReport, formatProblem, formatSummary, problemJson } from './report';
export type { Lang } from './report';
export { layout, validateLayout, LayoutError } from './layout';
export type { Field, Layout } from './layout';
export { maskId } from './mask';
export type { CheckDeps, CheckResult, IdValidators, Problem, Summary, Totals } from './types';

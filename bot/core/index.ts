export { runTurn, welcome, type CoreDeps } from './turn';
export * from './types';
export { S as STRINGS } from './strings';
export { recordTicket, klDay } from './ticket-quota';

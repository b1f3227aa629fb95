export { registerDirectLine, DIRECTLINE_PATH, type DirectLineDeps } from './routes';
export { TokenIssuer, type TokenClaims } from './tokens';
export { ActivityLog, MAX_ACTIVITIES } from './activity-log';

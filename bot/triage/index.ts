export { registerTriageRoutes, parsePatch, type TriageOptions } from './routes';
export { bearerMatches } from './auth';
export { staffPage } from './page';

// Import this folder only through a dynamic import(): see shell.ts.
export { createAgentsShell, authConfiguration } from './shell';

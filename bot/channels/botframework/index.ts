// Everything that imports botbuilder for the Bot Framework channel lives in this folder.
export { createBotFrameworkShell, createBotLogic } from './shell';
export { createAdapter } from './adapter';
export { CheckedCloudAdapter, fixActivity, tokenShapeProblem, Unauthorized } from './auth';
export { BoundedCache, CachingBotFrameworkAuthentication, CLIENT_CACHE_SIZE } from './clients';

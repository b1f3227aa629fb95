export { RateLimiter, type Verdict } from './rate-limiter';
export { createRequestLimits, clientAddress, conversationKey, sendTooMany, limitByAddress, type RequestLimits } from './http';

export { RateLimiter, type Verdict } from './rate-limiter';
export { createRequestLimits, clientAddress, conversationKey, sendTooMany, limitByAddress, type RequestLimits } from './http';
export { limitTickets, TICKETS_PER_CONVERSATION_PER_DAY } from './ticket-quota';

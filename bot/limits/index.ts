export { createLimiter, limiterBackendFor, type Limiter, type LimiterBackend, type LimitSpec, type Verdict } from './store-limiter';
export { createRequestLimits, clientAddress, conversationKey, sendTooMany, LIMITS, type RequestLimits } from './http';
export { limitTickets, TICKETS_PER_CONVERSATION_PER_DAY } from './ticket-quota';

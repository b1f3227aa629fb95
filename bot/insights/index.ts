export { InsightsRecorder, type RecorderOptions } from './recorder';
export { ReviewQueue, isLabel, isReviewId, DEFAULT_REVIEW_DAYS, MAX_REVIEW_DAYS, type ReviewFilter, type ReviewPage } from './review';
export { insightsReport, chartCsv, isChart, CHARTS, DEFAULT_INSIGHT_DAYS, MAX_INSIGHT_DAYS, type ChartName, type InsightsReport } from './report';
export { trainingBlocks, formatBlocks, appendBlocks, knownLines, type TrainingBlock } from './training-lines';
export { COUNTERS_PREFIX, CONVERSATION_MARK_PREFIX, REVIEW_PREFIX } from './keys';
export { klDay, lastDays } from './day';
export type { FeedbackEvent, ReviewItem, ReviewReason, DayCounters, Vote } from './types';

/** SMS as other capabilities use it: queue a text in your transaction; the job queue sends it after commit. */
export { queueSms, type QueueSmsInput, type SmsPurpose } from './service.js';
export { countSegments, type SegmentCount } from './segments.js';

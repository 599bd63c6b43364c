/** Every kind of background job and its handler, and the schedules: what a job worker runs. */
import type { Database } from '../core/database.js';
import type { JobHandler } from '../core/jobs.js';
import { demoJobHandlers } from '../demo/jobs.js';
import { duplicateJobHandlers } from '../duplicates/jobs.js';
import { importJobHandlers } from '../imports/jobs.js';
import { insightJobHandlers, insightSchedules } from '../insights/jobs.js';
import { loyaltyJobHandlers, loyaltySchedules } from '../loyalty/jobs.js';
import { figuresJobHandlers } from '../sales/figures-refresh.js';
import { contractJobHandlers, contractSchedules } from '../contracts/jobs.js';
import { campaignJobHandlers, campaignSchedules } from '../campaigns/send.js';
import { flowJobHandlers, flowSchedules } from '../flows/jobs.js';
import { surveyJobHandlers, surveySchedules } from '../surveys/jobs.js';
import { bounceJobHandlers, bounceSchedules } from '../mail/bounce-jobs.js';
import { smsJobHandlers } from '../sms/jobs.js';
import { inboundJobHandlers, inboundSchedules } from '../inbound/jobs.js';

export function jobHandlers(database: Database): Record<string, JobHandler> {
  return {
    ...importJobHandlers(database),
    ...duplicateJobHandlers(database),
    ...insightJobHandlers(database),
    ...demoJobHandlers(database),
    ...loyaltyJobHandlers(database),
    ...figuresJobHandlers(database),
    ...contractJobHandlers(database),
    ...campaignJobHandlers(database),
    ...flowJobHandlers(database),
    ...surveyJobHandlers(database),
    ...bounceJobHandlers(database),
    ...smsJobHandlers(database),
    ...inboundJobHandlers(database),
  };
}

export const jobSchedules = [...insightSchedules, ...loyaltySchedules, ...contractSchedules, ...campaignSchedules, ...flowSchedules, ...surveySchedules, ...bounceSchedules, ...inboundSchedules];

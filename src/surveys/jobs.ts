/** The daily NPS pass: surveys that go out N days after someone became a customer. */
import type { Database } from '../core/database.js';
import type { JobHandler } from '../core/jobs.js';
import { sendDueSurveys } from './nps.js';

const surveysDailyKind = 'surveys.daily';
export const surveySchedules = [{ cron: '15 9 * * *', kind: surveysDailyKind, payload: {} }];

export function surveyJobHandlers(database: Database): Record<string, JobHandler> {
  return { [surveysDailyKind]: async () => ({ sent: await sendDueSurveys(database) }) };
}

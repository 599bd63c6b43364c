/** The public CDNOW sample (test/fixtures/cdnow) as a transaction log, for model tests. */
import { readFileSync } from 'node:fs';
import { dayNumberFromYmd, type TransactionLog } from '../analytics/customer-summary.js';
import { fixturePath } from './fixtures.js';

export function readCdnowTransactions(): TransactionLog {
  const lines = readFileSync(fixturePath('cdnow', 'CDNOW_sample.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const log: TransactionLog = {
    customer: new Int32Array(lines.length),
    day: new Float64Array(lines.length),
    amount: new Float64Array(lines.length),
  };
  lines.forEach((line, i) => {
    // master id, sample id, YYYYMMDD, number of CDs, dollar value
    const [, sampleId, ymd, , dollars] = line.trim().split(/\s+/);
    log.customer[i] = Number(sampleId);
    log.day[i] = dayNumberFromYmd(Number(ymd));
    log.amount[i] = Number(dollars);
  });
  return log;
}

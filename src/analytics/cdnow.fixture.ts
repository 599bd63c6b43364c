import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayNumberFromYmd, summarizeCustomers, type CustomerSummary, type TransactionLog } from './customer-summary.js';

/** Test helpers for the public CDNOW sample in the shared reference data. */
const CDNOW_DIR = path.resolve(process.cwd(), '../shared/data/cdnow');

export const CDNOW_CALIBRATION_END = dayNumberFromYmd(19970930);

export function readCdnowTransactions(): TransactionLog {
  const lines = readFileSync(path.join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const log: TransactionLog = {
    customer: new Int32Array(lines.length),
    day: new Float64Array(lines.length),
    amount: new Float64Array(lines.length),
  };
  lines.forEach((line, i) => {
    const [, sampleId, ymd, , dollars] = line.trim().split(/\s+/);
    log.customer[i] = Number(sampleId);
    log.day[i] = dayNumberFromYmd(Number(ymd));
    log.amount[i] = Number(dollars);
  });
  return log;
}

export function cdnowWeeklySummary(): CustomerSummary {
  return summarizeCustomers(readCdnowTransactions(), { observationEnd: CDNOW_CALIBRATION_END, unit: 'weeks', decimals: 2 });
}

export interface PublishedCdnowRow {
  id: number;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

export function readPublishedCdnowSummary(): { header: string; rows: PublishedCdnowRow[] } {
  const [header, ...lines] = readFileSync(path.join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const rows = lines.map((line) => {
    const [id, x, tx, T, zbar] = line.split(',').map(Number);
    return { id, x, tx, T, zbar };
  });
  return { header, rows };
}

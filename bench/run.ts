/** `npm run bench`: runs every benchmark (or those named on the command line) and prints figures. */
const suites: Record<string, () => Promise<{ run(log: (line: string) => void): Promise<void> }>> = {
  api: () => import('./api.bench.js'),
  imports: () => import('./imports.bench.js'),
  insights: () => import('./insights.bench.js'),
  reports: () => import('./reports.bench.js'),
  responsive: () => import('./responsive.bench.js'),
  dedupe: () => import('./dedupe.bench.js'),
  erase: () => import('./erase.bench.js'),
  web: () => import('./web.bench.js'),
  webhooks: () => import('./webhooks.bench.js'),
  mail: () => import('./mail.bench.js'),
  campaigns: () => import('./campaigns.bench.js'),
  tracking: () => import('./tracking.bench.js'),
  deals: () => import('./deals.bench.js'),
  quotes: () => import('./quotes.bench.js'),
  calendar: () => import('./calendar.bench.js'),
  today: () => import('./today.bench.js'),
  'derived-data': () => import('./derived-data.bench.js'),
  events: () => import('./events.bench.js'),
  loyalty: () => import('./loyalty.bench.js'),
  chat: () => import('./chat.bench.js'),
  bounces: () => import('./bounces.bench.js'),
  inbound: () => import('./inbound.bench.js'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(suites);
for (const name of names) {
  const load = suites[name];
  if (!load) {
    console.error(`unknown benchmark ${name}; choose from ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  let suite;
  try {
    suite = await load();
  } catch (error) {
    console.log(`\n== ${name}: not available (${(error as Error).message.split('\n')[0]})`);
    continue;
  }
  await suite.run((line) => console.log(line));
}

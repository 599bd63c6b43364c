import { randomBytes } from 'node:crypto';

export const idPrefixes = {
  customer: 'cus',
  company: 'com',
  product: 'prd',
  order: 'ord',
  orderLine: 'oln',
  interaction: 'int',
  task: 'tsk',
  field: 'fld',
  user: 'usr',
  token: 'tok',
  message: 'msg',
  mailSender: 'snd',
  suppression: 'sup',
  audit: 'aud',
  batch: 'bat',
  job: 'job',
  segmentation: 'sgm',
  merge: 'mrg',
  pipeline: 'pip',
  pipelineStage: 'stg',
  deal: 'dea',
  dealLine: 'dln',
  dealStageChange: 'dsc',
  duplicate: 'dup',
  segment: 'seg',
  model: 'mdl',
  event: 'evt',
  webhook: 'whk',
  delivery: 'dlv',
  quote: 'quo',
  quoteLine: 'qln',
  quoteLink: 'qlk',
  quoteActivity: 'qac',
  contract: 'ctr',
  followup: 'fup',
  loyaltyRule: 'lru',
  loyaltyEntry: 'lpe',
  loyaltyReward: 'rwd',
  loyaltyRedemption: 'rdm',
  loyaltyTier: 'tir',
  referral: 'rfl',
  form: 'frm',
  formSubmission: 'fsb',
  ticket: 'tkt',
  ticketMessage: 'tms',
  ticketAttachment: 'tat',
  cannedReply: 'cnr',
  mailbox: 'mbx',
  inboundToken: 'itk',
  inboundMail: 'inm',
  flow: 'flw',
  flowEnrolment: 'fen',
  flowStepRun: 'fsr',
  survey: 'svy',
  surveyRequest: 'svr',
  surveyResponse: 'sva',
  chatSite: 'cst',
  chatConversation: 'cht',
  chatMessage: 'chm',
  template: 'tpl',
  campaign: 'cmp',
  bounce: 'bnc',
  smsMessage: 'sms',
  smsInbound: 'smi',
} as const;

export type IdKind = keyof typeof idPrefixes;

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

// Random bytes are drawn from the OS in blocks: one call per id costs more than the rest of newId.
let pool = Buffer.alloc(0);
let offset = 0;
function randomChunk(size: number): Buffer {
  if (offset + size > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += size;
  return pool.subarray(offset - size, offset);
}

let lastTime = -1;
const lastRandom = Buffer.alloc(10);

/**
 * A new id: type prefix, 48-bit millisecond time, 80 random bits. Ids sort by creation time (a
 * pagination tie-breaker and the order of "newest first"); within one millisecond a process counts
 * the random part up, so its ids never go backwards. The random part keeps ids from two processes apart.
 */
export function newId(kind: IdKind, now = Date.now()): string {
  if (now <= lastTime) {
    now = lastTime;
    for (let i = lastRandom.length - 1; i >= 0 && ++lastRandom[i] === 256; i--) lastRandom[i] = 0;
  } else {
    lastTime = now;
    randomChunk(10).copy(lastRandom);
  }
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  let acc = 0;
  let bits = 0;
  for (const byte of lastRandom) {
    acc = ((acc << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += alphabet[(acc >> bits) & 31];
    }
  }
  return `${idPrefixes[kind]}_${time}${rand}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${idPrefixes[kind]}_`);
}

/**
 * What a customer sees of the programme: their own page (`/me/{token}`, a link signed with the
 * instance secret, of which only the hash is stored), the referral landing page (`/r/{code}`), and
 * the merge fields for emails. Pages are plain server-rendered HTML: no script, inline styles only.
 */
import type { Db } from '../core/database.js';
import { signWithInstanceSecret, sha256 } from '../auth/secrets.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import { getBalance, pointsHistory } from './ledger.js';
import { referralCodeFor } from './referrals.js';
import { listRedemptions, listRewards } from './rewards.js';
import { getLoyaltySettings, publicLink, type LoyaltySettings } from './settings.js';
import { listTiers } from './tiers.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const pagePurpose = 'loyalty-page';

/** The customer's page token: the HMAC of their id, so the link is the same each time it is asked for. */
async function pageToken(db: Db, customerId: string): Promise<string> {
  return signWithInstanceSecret(db, pagePurpose, customerId);
}

/** The link to the customer's own page; its token's hash is stored so that the page can find them. */
export async function pageLinkFor(trx: Db, customerId: string, settings?: LoyaltySettings): Promise<string> {
  const token = await pageToken(trx, customerId);
  const hash = sha256(token);
  const stored = await trx.selectFrom('loyalty_pages').select('token_hash').where('customer_id', '=', customerId).executeTakeFirst();
  if (!stored) await trx.insertInto('loyalty_pages').values({ customer_id: customerId, token_hash: hash, created_at: new Date().toISOString() }).execute();
  return publicLink(settings ?? (await getLoyaltySettings(trx)), `/me/${token}`);
}

/** The customer a page token belongs to (tokens are compared by hash; erased customers have none). */
export async function customerOfPageToken(db: Db, token: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db.selectFrom('loyalty_pages').select('customer_id').where('token_hash', '=', sha256(token)).executeTakeFirst();
  return (row?.customer_id as string | undefined) ?? undefined;
}

export async function referralLinkFor(trx: Db, customerId: string, settings?: LoyaltySettings): Promise<{ code: string; link: string }> {
  const code = await referralCodeFor(trx, customerId);
  return { code, link: publicLink(settings ?? (await getLoyaltySettings(trx)), `/r/${code}`) };
}

const style = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}
h1{font-size:1.6rem}.big{font-size:2.4rem;font-weight:700;margin:.2rem 0}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d7de}
.muted{color:#57606a}code{font-size:1.1rem;background:#f6f8fa;padding:.15rem .4rem}a.button{display:inline-block;padding:.6rem 1.2rem;background:#0b57d0;color:#fff;text-decoration:none;border-radius:4px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`;
}

export function notFoundPage(what: string): string {
  return page('Not found', `<h1>Not found</h1><p>${escapeHtml(what)}</p>`);
}

const kindWords: Record<string, string> = { earn: 'Earned', spend: 'Redeemed', expire: 'Expired', reverse: 'Taken back', adjust: 'Adjusted' };

/**
 * The customer's own page: balance, tier and benefits, rewards within reach, their codes, their referral
 * link. The link is one a customer can share: on the public address when one is set, else on the address
 * the page itself was opened at (`origin`).
 */
export async function renderMemberPage(db: Db, customerId: string, origin: string): Promise<string> {
  const stored = await getLoyaltySettings(db);
  const settings = { ...stored, public_url: stored.public_url || origin };
  const { timeZone } = await getBusinessSettings(db);
  const [balance, tiers, rewards, redemptions, history] = await Promise.all([
    getBalance(db, customerId),
    listTiers(db),
    listRewards(db),
    listRedemptions(db, customerId),
    pointsHistory(db, customerId, { limit: 10 }),
  ]);
  const { link } = await referralLinkFor(db, customerId, settings);
  const tier = tiers.find((t) => t.id === balance.tier_id);
  const next = tiers.find((t) => !tier || t.threshold > tier.threshold);
  const tierHtml = tier
    ? `<h2>Your tier: ${escapeHtml(tier.name)}</h2>${tier.benefits ? `<p>${escapeHtml(tier.benefits)}</p>` : ''}`
    : tiers.length
      ? '<h2>Your tier</h2><p>Not in a tier yet.</p>'
      : '';
  const nextHtml = next ? `<p class="muted">Next tier: ${escapeHtml(next.name)} at ${next.threshold} ${next.basis === 'points' ? 'points' : 'spent'} in 12 months.</p>` : '';
  const offered = rewards.filter((r) => r.active);
  const rewardRows = offered
    .map(
      (r) => `<tr><td>${escapeHtml(r.name)}</td><td>${r.points_price} points</td><td>${balance.points >= r.points_price ? 'Within reach' : `${r.points_price - balance.points} more points`}</td></tr>`,
    )
    .join('');
  const codes = redemptions.filter((r) => r.code && (r.uses_left === null || r.uses_left > 0));
  const codeRows = codes.map((r) => `<li><code>${escapeHtml(r.code!)}</code>${r.uses_left === null ? '' : ` (${r.uses_left} use${r.uses_left === 1 ? '' : 's'} left)`}</li>`).join('');
  const historyRows = history.data
    .map((e) => `<tr><td>${todayIn(timeZone, new Date(e.created_at))}</td><td>${kindWords[e.kind] ?? e.kind}</td><td>${e.points > 0 ? '+' : ''}${e.points}</td></tr>`)
    .join('');
  return page(
    'Your points',
    `<h1>Your points</h1><p class="big" aria-label="Balance">${balance.points} points</p>${tierHtml}${nextHtml}` +
      (offered.length ? `<h2>Rewards</h2><table><thead><tr><th>Reward</th><th>Price</th><th></th></tr></thead><tbody>${rewardRows}</tbody></table>` : '') +
      (codes.length ? `<h2>Your codes</h2><ul>${codeRows}</ul>` : '') +
      `<h2>Invite a friend</h2><p>Share your link; you both earn points after your friend's first order.</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` +
      (history.data.length ? `<h2>Recent points</h2><table><thead><tr><th>Date</th><th>What</th><th>Points</th></tr></thead><tbody>${historyRows}</tbody></table>` : ''),
  );
}

/** Where a referral link leads: the lead form with the code, or the shop with the code, else nowhere. */
function referralTarget(settings: LoyaltySettings, code: string): string | null {
  const ref = encodeURIComponent(code);
  if (settings.referral_form_id) return `/f/${encodeURIComponent(settings.referral_form_id)}?ref=${ref}`;
  if (settings.shop_url) return `${settings.shop_url}${settings.shop_url.includes('?') ? '&' : '?'}ref=${ref}`;
  return null;
}

export function renderReferralPage(settings: LoyaltySettings, code: string): string {
  const target = referralTarget(settings, code);
  return page(
    "You're invited",
    `<h1>You're invited</h1><p>A customer of ours thinks you'll like us. Come along: after your first order you both earn points.</p><p>Your code: <code>${escapeHtml(code)}</code></p>` +
      (target ? `<p><a class="button" href="${escapeHtml(target)}">${settings.referral_form_id ? 'Get in touch' : 'Visit the shop'}</a></p>` : '<p class="muted">Mention the code when you order.</p>'),
  );
}

import { nameKey } from './blocking.js';
import type { OversizedKeys } from './blocks.js';
import { FITTED_CALIBRATION } from './calibration-data.js';
import { withinEdits } from './edit-distance.js';
import { jaroWinkler } from './jaro-winkler.js';
import { normaliseEmailLocal } from './normalise.js';
import type { PreparedPerson } from './record.js';

/**
 * Match weights in bits (log2 of how much more often a comparison outcome happens for true
 * duplicates than for different people), Fellegi-Sunter style. A missing value on either side adds 0.
 * Name, birthday, email and place weights were chosen on FEBRL dataset 1 and Splink's fake_1000;
 * neither has phones or countries, so those weights are judgement: a person keeps a mobile number
 * for years, and one who moved country is rare among a shop's customers.
 */
export const WEIGHTS = {
  sourceId: 16,
  /** `unrelated`: neither the mailbox names nor the domains are alike (never seen for one person in the labelled data). */
  email: { exact: 12, sameMailbox: 6, similar: 3, different: -2, unrelated: -8 },
  phone: { same: 8, different: -2 },
  /** `typo`: one keystroke apart; `close`: two, and alike by Jaro-Winkler ("Martin", "Martinez" are two surnames as often as one). */
  firstName: { exact: 5, nickname: 4, typo: 3, close: 1, initial: 1, different: -6 },
  lastName: { exact: 6, typo: 4, close: 0, different: -5 },
  /** `different`: three or more digits differ; `decadesApart`: and the years are more than ten apart. */
  birthday: { exact: 8, oneDigit: 4, twoDigits: 1.5, dayMonthSwapped: 4, different: -4, decadesApart: -7 },
  /** Address, postcode and city describe one place, so together they count at most `cap`. */
  place: { sameStreet: 5, similarStreet: 3, differentStreet: -1, postcode: 3, differentPostcode: -1, city: 2, differentCity: -0.5, cap: 8 },
  country: { different: -4 },
} as const;

/**
 * Phone and place are shared by households and colleagues (a company switchboard), so without
 * agreement on anything personal they may add at most this much: less than the merge weight.
 */
const CONTEXT_ONLY_CAP = 4;

/**
 * The map from a match weight to the probability of being the same person: a logistic (Platt)
 * fit on labelled pairs, kept as data in calibration-data.ts (see calibration.ts for how it is
 * fitted and checked). Among pairs scored about 90%, about 90% are the same person.
 */
export const CALIBRATION: { slope: number; intercept: number } = FITTED_CALIBRATION;

export interface PairScore {
  /** Sum of match weights in bits. */
  weight: number;
  /** Probability of being the same person, 0..1. */
  score: number;
  /**
   * Whether something beyond the name agrees: source id, email, phone, birthday, street or postcode.
   * Two "John Smith"s with nothing else in common are never merged without asking.
   */
  corroborated: boolean;
}

/**
 * The default merge and review thresholds, as probabilities of being the same person: a pair at
 * least 95% likely is merged (when corroborated), one at least 50% likely waits for review.
 */
export const DEFAULT_THRESHOLDS = { merge: 0.95, review: 0.5 };

export function scorePair(a: PreparedPerson, b: PreparedPerson): PairScore {
  const sourceId = a.sourceId && a.sourceId === b.sourceId ? WEIGHTS.sourceId : 0;
  const email = emailWeight(a, b);
  const name = nameWeight(a, b);
  const birthday = birthdayWeight(a, b);
  const phone = phoneWeight(a, b);
  const place = placeWeight(a, b);
  const context = phone + place;
  const agreesOnSomethingPersonal = sourceId > 0 || email > 0 || name > 0 || birthday > 0;
  const weight = sourceId + email + name + birthday + countryWeight(a, b) + (agreesOnSomethingPersonal ? context : Math.min(context, CONTEXT_ONLY_CAP));
  // Namesakes born on the same day of another decade (1971-10-17, 1992-10-17) are common: not corroboration.
  const birthdayAgrees = birthday >= WEIGHTS.birthday.oneDigit || (birthday > 0 && (a.birth!.month !== b.birth!.month || a.birth!.day !== b.birth!.day));
  const samePostcode = a.postcode !== '' && a.postcode === b.postcode;
  const placeAgrees = place >= WEIGHTS.place.postcode && (samePostcode || placeWeight(a, b, true) >= WEIGHTS.place.postcode);
  const corroborated = sourceId > 0 || email >= WEIGHTS.email.sameMailbox || birthdayAgrees || phone > 0 || placeAgrees;
  return { weight, score: probability(weight), corroborated };
}

/** Probability of being the same person for a match weight in bits (the calibrated map). */
function probability(weight: number): number {
  return 1 / (1 + Math.exp(-(CALIBRATION.slope * weight + CALIBRATION.intercept)));
}

/** A compared pair as acted on: its probability, and whether it may be merged without asking. */
export interface Candidate {
  score: number;
  /** False for a match on the name alone: it waits for review whatever its score. */
  mergeable: boolean;
}

/**
 * The score acted on for a pair found in a block of `blockSize` records. A name shared by more
 * records than the block cap (`oversized` holds those keys' sizes) is weaker evidence, so the pair
 * loses log2(size / 2) bits. A match on the name alone (nothing personal
 * corroborates it) also tells less the more records share the key it was found under, loses
 * log2(blockSize / 2) bits, and is never merged without asking.
 */
export function candidateScore(a: PreparedPerson, b: PreparedPerson, blockSize: number, oversized?: OversizedKeys): Candidate {
  const { weight, corroborated } = scorePair(a, b);
  const common = oversized && oversized.size > 0 ? commonNamePenalty(a, b, oversized) : 0;
  return { score: probability(weight - common - (corroborated ? 0 : commonnessPenalty(blockSize))), mergeable: corroborated };
}

/** Bits taken off when both records file under one surname-and-initial key shared by more records than the cap. */
function commonNamePenalty(a: PreparedPerson, b: PreparedPerson, oversized: OversizedKeys): number {
  const key = nameKey(a);
  const size = key === null ? undefined : oversized.get(key);
  if (size === undefined || key !== nameKey(b)) return 0;
  return commonnessPenalty(size);
}

/** Bits taken off a name-only match found among `blockSize` records sharing a key: 0 for a pair. */
function commonnessPenalty(blockSize: number): number {
  return Math.log2(Math.max(1, blockSize / 2));
}

function emailWeight(a: PreparedPerson, b: PreparedPerson): number {
  const w = WEIGHTS.email;
  if (a.emails.length === 0 || b.emails.length === 0) return 0;
  if (a.emails.some((e) => b.emails.includes(e))) return w.exact;
  const sharedLocal = a.emailLocals.find((l) => l.length >= 4 && b.emailLocals.includes(l));
  // "mkoch" at two providers is as likely two Michael Kochs: a mailbox spelt from the name says no more than the name.
  if (sharedLocal) return (spellsName(sharedLocal, a) || spellsName(sharedLocal, b)) && !domainTypo(sharedLocal, a.emails, b.emails) ? w.similar : w.sameMailbox;
  if (a.emails.some((x) => b.emails.some((y) => similarEmails(x, y)))) return w.similar;
  return a.emails.some((x) => b.emails.some((y) => alikeEmails(x, y))) ? w.different : w.unrelated;
}

// Some likeness in the mailbox name or the domain: a typo'd or reworded address may still be the person's.
function alikeEmails(x: string, y: string): boolean {
  const xAt = x.lastIndexOf('@');
  const yAt = y.lastIndexOf('@');
  return jaroWinkler(x.slice(0, xAt), y.slice(0, yAt)) >= 0.75 || jaroWinkler(x.slice(xAt + 1), y.slice(yAt + 1)) >= 0.75;
}

/** Whether a mailbox name is only the person's name: "lucia_gomez", "mkoch", "lopez.david", "robert255". */
export function spellsName(local: string, person: PreparedPerson): boolean {
  const letters = local.replace(/[^a-z]/g, '');
  const { first, last } = person;
  if (!letters || (!first && !last)) return false;
  const f = first[0] ?? '';
  const l = last[0] ?? '';
  return [first, last, first + last, last + first, f + last, first + l, last + f, f + l].some((form) => form !== '' && form === letters);
}

// The same mailbox name at domains a few typos apart ("nichols.info", "nnichls.info") is one mailbox;
// one typo per five letters, at least two, keeps gmail.com and hotmail.com apart.
function domainTypo(local: string, x: string[], y: string[]): boolean {
  const domainsOf = (emails: string[]) => emails.filter((e) => normaliseEmailLocal(e) === local).map((e) => e.slice(e.lastIndexOf('@') + 1));
  const theirs = domainsOf(y);
  return domainsOf(x).some((d) => theirs.some((e) => !otherCountryDomain(d, e) && withinEdits(d, e, Math.max(2, Math.floor(Math.min(d.length, e.length) / 5)))));
}

// yahoo.com and yahoo.ca are two providers' mailboxes, not a typo: the top-level domains differ
// by more than a keystroke (hill.om for hill.com is a typo).
function otherCountryDomain(d: string, e: string): boolean {
  const tld = (domain: string) => domain.slice(domain.lastIndexOf('.') + 1);
  const [x, y] = [tld(d), tld(e)];
  return /^[a-z]{2,3}$/.test(x) && /^[a-z]{2,3}$/.test(y) && !withinEdits(x, y, 1);
}

// A typo in the mailbox name at the same domain; requiring the same domain also keeps this cheap.
function similarEmails(x: string, y: string): boolean {
  const xAt = x.lastIndexOf('@');
  const yAt = y.lastIndexOf('@');
  if (x.slice(xAt) !== y.slice(yAt)) return false;
  return jaroWinkler(x.slice(0, xAt), y.slice(0, yAt)) >= 0.9;
}

// Only two codes or two names are compared: "BE" and "Belgique" may be one country.
function countryWeight(a: PreparedPerson, b: PreparedPerson): number {
  if (!a.country || !b.country || a.country === b.country) return 0;
  const isCode = (country: string) => /^[A-Z]{2}$/.test(country);
  return isCode(a.country) === isCode(b.country) ? WEIGHTS.country.different : 0;
}

function phoneWeight(a: PreparedPerson, b: PreparedPerson): number {
  if (a.phones.length === 0 || b.phones.length === 0) return 0;
  return a.phones.some((p) => b.phones.includes(p)) ? WEIGHTS.phone.same : WEIGHTS.phone.different;
}

// Names are compared in the given order and with first and last swapped; the better reading wins.
// Swapped readings are only tried when initials line up, which keeps the common case cheap.
function nameWeight(a: PreparedPerson, b: PreparedPerson): number {
  const straight = firstNameWeight(a.first, b.first, a.firstForms, b.firstForms) + lastNameWeight(a.last, b.last);
  if (straight > 0) return straight;
  if (!a.first || !a.last || !b.first || !b.last) {
    const crossed = Math.max(a.first[0] === b.last[0] ? lastNameWeight(a.first, b.last) : 0, a.last[0] === b.first[0] ? lastNameWeight(a.last, b.first) : 0);
    return crossed > 0 ? Math.max(straight, crossed - 1) : straight;
  }
  if (a.first[0] !== b.last[0] || a.last[0] !== b.first[0]) return straight;
  const swapped = firstNameWeight(a.first, b.last) + lastNameWeight(a.last, b.first) - 1;
  return Math.max(straight, swapped);
}

function firstNameWeight(x: string, y: string, xForms?: readonly string[], yForms?: readonly string[]): number {
  const w = WEIGHTS.firstName;
  if (!x || !y) return 0;
  if (x === y) return w.exact;
  if (xForms && yForms && sharesAny(xForms, yForms)) return w.nickname;
  if (x.length === 1 || y.length === 1) return x[0] === y[0] ? w.initial : w.different;
  return spellingWeight(x, y, w);
}

function sharesAny(x: readonly string[], y: readonly string[]): boolean {
  for (const name of x) if (y.includes(name)) return true;
  return false;
}

function lastNameWeight(x: string, y: string): number {
  const w = WEIGHTS.lastName;
  if (!x || !y) return 0;
  if (x === y) return w.exact;
  return spellingWeight(x, y, w);
}

/**
 * How alike two different spellings of a name are: one keystroke apart is a typo; two apart and
 * alike by Jaro-Winkler is as often another name ("Bernard", "Bertrand"); anything else differs.
 */
function spellingWeight(x: string, y: string, w: { typo: number; close: number; different: number }): number {
  if (withinEdits(x, y, 1)) return w.typo;
  return withinEdits(x, y, 2) && jaroWinkler(x, y) >= 0.85 ? w.close : w.different;
}

// Typed dates go wrong one digit at a time, so closeness is the number of differing digits.
function birthdayWeight(a: PreparedPerson, b: PreparedPerson): number {
  const w = WEIGHTS.birthday;
  if (!a.birth || !b.birth) return 0;
  const x = a.birth;
  const y = b.birth;
  const digits = differingCharacters(x.year + x.month + x.day, y.year + y.month + y.day);
  if (digits === 0) return w.exact;
  if (x.year === y.year && x.month === y.day && x.day === y.month) return w.dayMonthSwapped;
  if (digits === 1) return w.oneDigit;
  if (digits === 2) return w.twoDigits;
  return Math.abs(Number(x.year) - Number(y.year)) > 10 ? w.decadesApart : w.different;
}

function differingCharacters(x: string, y: string): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) count++;
  return count;
}

/**
 * Address, postcode and city agreement. `strict` does not count the same street with a house
 * number more than one keystroke away: a neighbour as likely as a typo, so no corroboration.
 */
function placeWeight(a: PreparedPerson, b: PreparedPerson, strict = false): number {
  const w = WEIGHTS.place;
  let weight = 0;
  if (a.address && b.address) {
    if (a.address.street === b.address.street && a.address.unit === b.address.unit) weight += w.sameStreet;
    else if ((!strict || !differentNumbers(a.address.number, b.address.number)) && tokenOverlap(a.address.tokens, b.address.tokens) >= 0.5) weight += w.similarStreet;
    else weight += w.differentStreet;
  }
  if (a.postcode && b.postcode) weight += a.postcode === b.postcode ? w.postcode : w.differentPostcode;
  if (a.city && b.city) weight += a.city === b.city || jaroWinkler(a.city, b.city) >= 0.9 ? w.city : w.differentCity;
  return Math.min(weight, w.cap);
}

function differentNumbers(x: string | null, y: string | null): boolean {
  return x !== null && y !== null && !withinEdits(x, y, 1);
}

function tokenOverlap(a: string[], b: string[]): number {
  const setB = new Set(b);
  const shared = new Set(a.filter((t) => setB.has(t))).size;
  return shared / Math.max(new Set(a).size, setB.size);
}

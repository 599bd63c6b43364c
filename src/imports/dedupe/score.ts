import { jaroWinkler } from './jaro-winkler.js';
import type { PreparedPerson } from './record.js';

/**
 * Match weights in bits (log2 of how much more often a comparison outcome happens for true
 * duplicates than for different people), Fellegi-Sunter style. A missing value on either side adds 0.
 * Chosen on FEBRL dataset 1 and Splink's fake_1000.
 */
export const WEIGHTS = {
  sourceId: 16,
  email: { exact: 12, sameMailbox: 6, similar: 3, different: -2 },
  phone: { same: 8, different: -1 },
  firstName: { exact: 5, nickname: 4, similar: 3, close: 1, initial: 1, different: -6 },
  lastName: { exact: 6, similar: 4, close: 2, different: -5 },
  birthday: { exact: 8, oneDigit: 4, twoDigits: 1.5, dayMonthSwapped: 4, different: -4 },
  /** Address, postcode and city describe one place, so together they count at most `cap`. */
  place: { sameStreet: 5, similarStreet: 3, differentStreet: -1, postcode: 3, differentPostcode: -1, city: 2, differentCity: -0.5, cap: 8 },
} as const;

/**
 * Phone and place are shared by households and colleagues (a company switchboard), so without
 * agreement on anything personal they may add at most this much: less than the merge weight.
 */
const CONTEXT_ONLY_CAP = 4;

/** Weight at which a pair scores 0.5; chosen so the merge threshold sits at the best F1 on both data sets. */
const OFFSET = 3;

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
 * The default merge and review thresholds (on `score`). A shared phone and a shared address with
 * nothing else (a company switchboard, a household) stays below `merge`.
 */
export const DEFAULT_THRESHOLDS = { merge: 0.9, review: 0.6 };

export function scorePair(a: PreparedPerson, b: PreparedPerson): PairScore {
  const sourceId = a.sourceId && a.sourceId === b.sourceId ? WEIGHTS.sourceId : 0;
  const email = emailWeight(a, b);
  const name = nameWeight(a, b);
  const birthday = birthdayWeight(a, b);
  const phone = phoneWeight(a, b);
  const place = placeWeight(a, b);
  const context = phone + place;
  const agreesOnSomethingPersonal = sourceId > 0 || email > 0 || name > 0 || birthday > 0;
  const weight = sourceId + email + name + birthday + (agreesOnSomethingPersonal ? context : Math.min(context, CONTEXT_ONLY_CAP));
  const corroborated = sourceId > 0 || email >= WEIGHTS.email.sameMailbox || birthday > 0 || phone > 0 || place >= WEIGHTS.place.postcode;
  return { weight, score: probability(weight), corroborated };
}

/** Probability of being the same person for a match weight in bits. */
export function probability(weight: number): number {
  return 1 / (1 + 2 ** -(weight - OFFSET));
}

/**
 * The score acted on for a pair found in a block of `blockSize` records. A match on the name alone
 * (nothing personal corroborates it) tells less the more records share the key it was found under,
 * so it loses log2(blockSize / 2) bits, and it is never merged without asking.
 */
export function candidateScore(a: PreparedPerson, b: PreparedPerson, blockSize: number, thresholds: { merge: number }): number {
  const { weight, score, corroborated } = scorePair(a, b);
  if (corroborated) return score;
  return Math.min(probability(weight - commonnessPenalty(blockSize)), thresholds.merge - 0.001);
}

/** Bits taken off a name-only match found among `blockSize` records sharing a key: 0 for a pair. */
export function commonnessPenalty(blockSize: number): number {
  return Math.log2(Math.max(1, blockSize / 2));
}

function emailWeight(a: PreparedPerson, b: PreparedPerson): number {
  const w = WEIGHTS.email;
  if (a.emails.length === 0 || b.emails.length === 0) return 0;
  if (a.emails.some((e) => b.emails.includes(e))) return w.exact;
  if (a.emailLocals.some((l) => l.length >= 4 && b.emailLocals.includes(l))) return w.sameMailbox;
  return a.emails.some((x) => b.emails.some((y) => similarEmails(x, y))) ? w.similar : w.different;
}

// A typo in the mailbox name at the same domain; requiring the same domain also keeps this cheap.
function similarEmails(x: string, y: string): boolean {
  const xAt = x.lastIndexOf('@');
  const yAt = y.lastIndexOf('@');
  if (x.slice(xAt) !== y.slice(yAt)) return false;
  return jaroWinkler(x.slice(0, xAt), y.slice(0, yAt)) >= 0.9;
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
    const crossed = Math.max(
      a.first[0] === b.last[0] ? lastNameWeight(a.first, b.last) : 0,
      a.last[0] === b.first[0] ? lastNameWeight(a.last, b.first) : 0,
    );
    return crossed > 0 ? Math.max(straight, crossed - 1) : straight;
  }
  if (a.first[0] !== b.last[0] || a.last[0] !== b.first[0]) return straight;
  const swapped = firstNameWeight(a.first, b.last) + lastNameWeight(a.last, b.first) - 1;
  return Math.max(straight, swapped);
}

function firstNameWeight(x: string, y: string, xForms?: Set<string>, yForms?: Set<string>): number {
  const w = WEIGHTS.firstName;
  if (!x || !y) return 0;
  if (x === y) return w.exact;
  if (xForms && yForms && sharesAny(xForms, yForms)) return w.nickname;
  if (x.length === 1 || y.length === 1) return x[0] === y[0] ? w.initial : w.different;
  const similarity = jaroWinkler(x, y);
  if (similarity >= 0.92) return w.similar;
  if (similarity >= 0.85) return w.close;
  return w.different;
}

function sharesAny(x: Set<string>, y: Set<string>): boolean {
  for (const name of x) if (y.has(name)) return true;
  return false;
}

function lastNameWeight(x: string, y: string): number {
  const w = WEIGHTS.lastName;
  if (!x || !y) return 0;
  if (x === y) return w.exact;
  const similarity = jaroWinkler(x, y);
  if (similarity >= 0.92) return w.similar;
  if (similarity >= 0.85) return w.close;
  return w.different;
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
  return w.different;
}

function differingCharacters(x: string, y: string): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) count++;
  return count;
}

function placeWeight(a: PreparedPerson, b: PreparedPerson): number {
  const w = WEIGHTS.place;
  let weight = 0;
  if (a.address && b.address) {
    if (a.address.street === b.address.street && a.address.unit === b.address.unit) weight += w.sameStreet;
    else if (tokenOverlap(a.address.tokens, b.address.tokens) >= 0.5) weight += w.similarStreet;
    else weight += w.differentStreet;
  }
  if (a.postcode && b.postcode) weight += a.postcode === b.postcode ? w.postcode : w.differentPostcode;
  if (a.city && b.city) weight += a.city === b.city || jaroWinkler(a.city, b.city) >= 0.9 ? w.city : w.differentCity;
  return Math.min(weight, w.cap);
}

function tokenOverlap(a: string[], b: string[]): number {
  const setB = new Set(b);
  const shared = new Set(a.filter((t) => setB.has(t))).size;
  return shared / Math.max(new Set(a).size, setB.size);
}

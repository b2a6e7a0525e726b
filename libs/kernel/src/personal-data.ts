/**
 * Finds resident ID numbers and phone numbers in free text (PIPL: they must not reach notices, letters, cluster labels,
 * notifications or anything other roles read in plain text). Written for what people actually type: full-width digits,
 * digits grouped by spaces, dashes or dots, +86/0086 prefixes, area codes in brackets. Case numbers (通复〔2026〕第00012号),
 * document numbers, dates, amounts and parcel numbers are too short or wrongly shaped to match.
 */
export type PersonalDataKind = 'id_number' | 'phone';

// A chain of digit groups joined by at most three separator characters (spaces incl. zero-width, dashes, dots, brackets).
const SEP = '[\\s\\u200B-\\u200D\\u2060\\uFEFF\\-\\u2010-\\u2015\\u2212~.·()]';
const CHAIN = new RegExp(`(\\+?)(?<![0-9])[0-9]+(?:${SEP}{1,3}[0-9]+)*(?:[Xx](?![A-Za-z]))?`, 'g');
const GROUP = /[0-9]+[Xx]?/g;

const DATE = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])';
const ID_18 = new RegExp(`^[1-9][0-9]{5}(?:18|19|20)[0-9]{2}${DATE}[0-9]{3}[0-9Xx]$`); // GB 11643-1999
const ID_15 = new RegExp(`^[1-9][0-9]{5}[0-9]{2}${DATE}[0-9]{3}$`); // first-generation ID numbers
const MOBILE = /^1[3-9][0-9]{9}$/;
// Area code + local number: 010 and 02x carry 8-digit numbers, the 3-digit codes 7 or 8.
const LANDLINE = /^0(?:10|2[0-9])[0-9]{8}$|^0[3-9][0-9]{2}[0-9]{7,8}$/;
// After +86/0086 the trunk 0 of a landline is dropped.
const INTERNATIONAL = /^(?:1[3-9][0-9]{9}|(?:10|2[0-9])[0-9]{8}|[3-9][0-9]{2}[0-9]{7,8})$/;

function classify(digits: string, plus: boolean): PersonalDataKind | null {
  if (ID_18.test(digits) || ID_15.test(digits)) return 'id_number';
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return 'phone';
  const national = digits.startsWith('0086') ? digits.slice(4) : plus && digits.startsWith('86') ? digits.slice(2) : null;
  return national !== null && INTERNATIONAL.test(national) ? 'phone' : null;
}

/** The kind of personal data found in `text`, or null. Never returns the number itself (callers must not echo it). */
export function findPersonalData(text: string): PersonalDataKind | null {
  const normalised = text.normalize('NFKC'); // full-width digits, ＋, －, （） become ASCII
  for (const chain of normalised.matchAll(CHAIN)) {
    const groups = chain[0].match(GROUP) ?? [];
    // Every run of consecutive groups: an ID followed by a phone with a space between is two numbers, not one.
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 20; j++) {
        digits += groups[j];
        const kind = classify(digits, i === 0 && chain[1] === '+');
        if (kind) return kind;
      }
    }
  }
  return null;
}

/** What the user reads when a field is refused for personal data (no value echoed). */
export const PERSONAL_DATA_MESSAGE = '不得填写身份证号、电话号码等个人信息';

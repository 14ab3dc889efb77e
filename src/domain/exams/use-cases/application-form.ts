import { isLegalDate } from '../../../../rules/core/index.js';
import { InvalidInput } from '../../errors.js';
import { isCountryCode } from './countries.js';

// The candidate's application, one question per page. Each page is validated on its own and saved as a draft;
// the check-your-answers page shows everything before the idempotent submit.
// Errors carry a code per field, so the page can explain them in the candidate's language (ja/en/vi/id).

export const APPLICATION_STEPS = ['name', 'birth', 'passport', 'background', 'photo'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];
export const isApplicationStep = (v: unknown): v is ApplicationStep => typeof v === 'string' && (APPLICATION_STEPS as readonly string[]).includes(v);

export type ApplicationData = {
  familyName?: string;
  givenName?: string;
  dateOfBirth?: string;
  nationality?: string;
  gender?: 'female' | 'male' | 'other' | 'unknown';
  passportNumber?: string;
  experienceMonths?: number | null;
  residenceCountry?: string;
  residenceRegion?: string;
  careerSummary?: string;
};

export type FieldCode = { field: string; code: string };

/** An InvalidInput whose fields also carry codes for the candidate-language messages. */
export class ApplicationInputError extends InvalidInput {
  constructor(readonly codes: FieldCode[]) {
    super(codes.map((c) => ({ field: c.field, message: CODE_MESSAGES[c.code] ?? { ja: '入力内容を確認してください。', en: 'Check this answer.' } })));
  }
}

const CODE_MESSAGES: Record<string, { ja: string; en: string }> = {
  required: { ja: '入力してください。', en: 'Enter an answer.' },
  latin_capitals: { ja: '旅券に印字されているとおりローマ字（大文字）で入力してください。', en: 'Enter the name in Latin capitals exactly as printed in your passport.' },
  too_long: { ja: '長すぎます。', en: 'This is too long.' },
  date: { ja: '生年月日を正しい日付で入力してください。', en: 'Enter a real date of birth.' },
  date_future: { ja: '生年月日は過去の日付にしてください。', en: 'The date of birth must be in the past.' },
  country: { ja: '一覧から国を選んでください。', en: 'Choose a country from the list.' },
  gender: { ja: '選択してください。', en: 'Choose an option.' },
  passport: { ja: '旅券番号は英数字5〜20文字で入力してください。', en: 'Enter a passport number of 5 to 20 letters and digits.' },
  months: { ja: '0〜600の整数で入力してください。', en: 'Enter a whole number from 0 to 600.' },
  photo_required: { ja: '顔写真を選んでください。', en: 'Choose a photo.' },
  photo_type: { ja: '顔写真はJPEGかPNGにしてください。', en: 'The photo must be a JPEG or PNG.' },
  email: { ja: 'メールアドレスを正しく入力してください（例：name@example.com）。', en: 'Enter an email address like name@example.com.' },
  code_wrong: { ja: '確認コードが違います。メールに記載の6桁の数字を入力してください。', en: 'The code is not right. Enter the 6 digits from the email.' },
  code_expired: { ja: '確認コードの有効期限が切れています。新しいコードを送ってください。', en: 'The code has expired. Send a new code.' },
  code_attempts: { ja: '確認コードの入力回数の上限に達しました。新しいコードを送ってください。', en: 'Too many tries. Send a new code.' },
  photo_size: { ja: '顔写真は2MB以下にしてください。', en: 'The photo must be 2 MB or smaller.' },
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '').normalize('NFC').trim().replace(/\s+/g, ' ');

/** Latin capitals (with the accents some passports print), spaces, hyphens and apostrophes. */
const PASSPORT_NAME = /^[A-Z\u00C0-\u00DE\u0100-\u017F\u1E00-\u1EFF][A-Z\u00C0-\u00DE\u0100-\u017F\u1E00-\u1EFF' -]*$/u;
const isUpperLatinName = (s: string): boolean => PASSPORT_NAME.test(s) && s === s.toUpperCase();

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** JPEG or PNG by magic bytes (the declared content type is not trusted). */
export const photoTypeOf = (bytes: Uint8Array): 'image/jpeg' | 'image/png' | null => {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
};

export const validatePhoto = (bytes: Uint8Array | undefined): 'image/jpeg' | 'image/png' => {
  if (!bytes || bytes.length === 0) throw new ApplicationInputError([{ field: 'photo', code: 'photo_required' }]);
  if (bytes.length > MAX_PHOTO_BYTES) throw new ApplicationInputError([{ field: 'photo', code: 'photo_size' }]);
  const type = photoTypeOf(bytes);
  if (!type) throw new ApplicationInputError([{ field: 'photo', code: 'photo_type' }]);
  return type;
};

/** Validates one page's answers; returns the normalised values to merge into the draft. */
export const validateStep = (step: Exclude<ApplicationStep, 'photo'>, raw: Record<string, unknown>, today: string): Partial<ApplicationData> => {
  const errors: FieldCode[] = [];
  const out: Partial<ApplicationData> = {};
  switch (step) {
    case 'name': {
      const family = str(raw.familyName);
      const given = str(raw.givenName);
      if (!family) errors.push({ field: 'familyName', code: 'required' });
      else if (!isUpperLatinName(family)) errors.push({ field: 'familyName', code: 'latin_capitals' });
      else if (family.length > 80) errors.push({ field: 'familyName', code: 'too_long' });
      if (given && !isUpperLatinName(given)) errors.push({ field: 'givenName', code: 'latin_capitals' });
      else if (given.length > 80) errors.push({ field: 'givenName', code: 'too_long' });
      out.familyName = family;
      out.givenName = given;
      break;
    }
    case 'birth': {
      const y = str(raw['dateOfBirth-year']);
      const m = str(raw['dateOfBirth-month']).padStart(2, '0');
      const d = str(raw['dateOfBirth-day']).padStart(2, '0');
      const date = typeof raw.dateOfBirth === 'string' && raw.dateOfBirth ? str(raw.dateOfBirth) : `${y.padStart(4, '0')}-${m}-${d}`;
      if (!y && !raw.dateOfBirth) errors.push({ field: 'dateOfBirth', code: 'required' });
      else if (!isLegalDate(date) || date < '1900-01-01') errors.push({ field: 'dateOfBirth', code: 'date' });
      else if (date >= today) errors.push({ field: 'dateOfBirth', code: 'date_future' });
      const nationality = str(raw.nationality).toUpperCase();
      if (!nationality) errors.push({ field: 'nationality', code: 'required' });
      else if (!isCountryCode(nationality)) errors.push({ field: 'nationality', code: 'country' });
      const gender = str(raw.gender);
      if (!['female', 'male', 'other', 'unknown'].includes(gender)) errors.push({ field: 'gender', code: 'gender' });
      out.dateOfBirth = date;
      out.nationality = nationality;
      out.gender = gender as ApplicationData['gender'];
      break;
    }
    case 'passport': {
      const number = str(raw.passportNumber);
      const compact = number.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
      if (!number) errors.push({ field: 'passportNumber', code: 'required' });
      else if (!/^[A-Z0-9]{5,20}$/.test(compact)) errors.push({ field: 'passportNumber', code: 'passport' });
      out.passportNumber = number;
      break;
    }
    case 'background': {
      const months = str(raw.experienceMonths);
      if (months !== '' && (!/^\d{1,3}$/.test(months) || Number(months) > 600)) errors.push({ field: 'experienceMonths', code: 'months' });
      const country = str(raw.residenceCountry).toUpperCase();
      if (!country) errors.push({ field: 'residenceCountry', code: 'required' });
      else if (!isCountryCode(country)) errors.push({ field: 'residenceCountry', code: 'country' });
      const region = str(raw.residenceRegion);
      if (region.length > 100) errors.push({ field: 'residenceRegion', code: 'too_long' });
      const career = typeof raw.careerSummary === 'string' ? raw.careerSummary.trim() : '';
      if (career.length > 2000) errors.push({ field: 'careerSummary', code: 'too_long' });
      out.experienceMonths = months === '' ? null : Number(months);
      out.residenceCountry = country;
      out.residenceRegion = region;
      out.careerSummary = career;
      break;
    }
  }
  if (errors.length) throw new ApplicationInputError(errors);
  return out;
};

/** The first page not yet answered (photo needs the draft's photo), or undefined when all are. */
export const firstMissingStep = (data: ApplicationData, hasPhoto: boolean): ApplicationStep | undefined => {
  if (!data.familyName) return 'name';
  if (!data.dateOfBirth || !data.nationality || !data.gender) return 'birth';
  if (!data.passportNumber) return 'passport';
  if (!data.residenceCountry) return 'background';
  if (!hasPhoto) return 'photo';
  return undefined;
};

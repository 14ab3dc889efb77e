import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { FieldProblem } from '../errors.js';

// Passwords: argon2id (OWASP minimum parameters m=19 MiB, t=2, p=1 are the library defaults).

const ARGON2ID = 2 as Algorithm;

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check when the account does not exist, so timing does not reveal it. */
export const burnPasswordCheck = async (password: string): Promise<void> => {
  dummyHash ??= hashPassword('jinzai-timing-equaliser-not-a-password');
  await verifyPassword(await dummyHash, password);
};

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = ['password', 'passw0rd', '123456789012', 'qwertyuiopas', 'jinzai', 'letmein', 'welcome'];

/**
 * Length over complexity (NIST SP 800-63B): at least 12 characters, or a passphrase of four or more words
 * (at least 10 characters in all). Not the email address or its local part, not a well-known password, not one
 * character repeated.
 */
export const passwordProblems = (password: string, email: string, field = 'password'): FieldProblem[] => {
  const msg = (ja: string, en: string): FieldProblem[] => [{ field, message: { ja, en } }];
  if (!password) return msg('パスワードを入力してください。', 'Enter a password.');
  if (password.length > PASSWORD_MAX_LENGTH) return msg(`パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください。`, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer.`);
  const words = password.trim().split(/\s+/).filter((w) => w.length >= 2);
  const passphrase = words.length >= 4 && password.length >= 10;
  if (password.length < PASSWORD_MIN_LENGTH && !passphrase) {
    return msg(
      `パスワードは${PASSWORD_MIN_LENGTH}文字以上にするか、4語以上のパスフレーズにしてください。`,
      `Password must be at least ${PASSWORD_MIN_LENGTH} characters, or a passphrase of four or more words.`,
    );
  }
  const lower = password.toLowerCase();
  const mail = email.trim().toLowerCase();
  const local = mail.split('@')[0] ?? '';
  if (mail && (lower === mail || lower.includes(mail) || (local.length >= 4 && lower.replace(/[^a-z0-9]/g, '') === local.replace(/[^a-z0-9]/g, '')))) {
    return msg('メールアドレスをパスワードに使うことはできません。', 'Your password must not be your email address.');
  }
  if (/^(.)\1+$/.test(password) || COMMON.some((c) => lower.includes(c) && lower.length <= c.length + 4)) {
    return msg('推測されやすいパスワードです。別のパスワードにしてください。', 'That password is too easy to guess. Choose another.');
  }
  return [];
};

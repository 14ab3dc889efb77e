// Mail text in the recipient's language. Plain text first (it always renders); no tracking, no remote images.

export type MailLanguage = 'ja' | 'en';
export type MailContent = { subject: string; text: string };

const SIGNATURE = {
  ja: '\n\n--\nJinzai 製造業外国人材受入れ管理システム\nこのメールは送信専用です。心当たりがない場合は破棄してください。',
  en: '\n\n--\nJinzai\nThis address does not accept replies. If you did not expect this message, you can ignore it.',
};

export const verifyEmailMail = (lang: MailLanguage, p: { name: string; link: string; hours: number }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】メールアドレスの確認',
        text: `${p.name} 様\n\nJinzai へのご登録ありがとうございます。\n次のリンクを開いて、メールアドレスの確認を完了してください（有効期限：${p.hours}時間）。\n\n${p.link}${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Confirm your email address',
        text: `Dear ${p.name},\n\nThank you for registering with Jinzai.\nOpen this link to confirm your email address (valid for ${p.hours} hours):\n\n${p.link}${SIGNATURE.en}`,
      };

export const resetPasswordMail = (lang: MailLanguage, p: { name: string; link: string; minutes: number }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】パスワードの再設定',
        text: `${p.name} 様\n\nパスワード再設定の依頼を受け付けました。\n次のリンクから新しいパスワードを設定してください（有効期限：${p.minutes}分）。\n\n${p.link}\n\n依頼していない場合は、このメールを破棄してください。パスワードは変更されません。${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Reset your password',
        text: `Dear ${p.name},\n\nWe received a request to reset your password.\nSet a new password with this link (valid for ${p.minutes} minutes):\n\n${p.link}\n\nIf you did not ask for this, ignore this message: your password has not changed.${SIGNATURE.en}`,
      };

export const passwordChangedMail = (lang: MailLanguage, p: { name: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】パスワードが変更されました',
        text: `${p.name} 様\n\nパスワードが変更され、他の端末のログインはすべて解除されました。\n心当たりがない場合は、直ちに事務局にご連絡ください。${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Your password was changed',
        text: `Dear ${p.name},\n\nYour password was changed and every other signed-in device was signed out.\nIf this was not you, contact the secretariat at once.${SIGNATURE.en}`,
      };

export const alreadyRegisteredMail = (lang: MailLanguage, p: { name: string; loginLink: string; resetLink: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】このメールアドレスは登録済みです',
        text: `${p.name} 様\n\nこのメールアドレスで新規登録の申込みがありましたが、すでにアカウントがあります。\nログイン：${p.loginLink}\nパスワードを忘れた場合：${p.resetLink}${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] You already have an account',
        text: `Dear ${p.name},\n\nSomeone asked to register this email address, but it already has an account.\nSign in: ${p.loginLink}\nForgotten your password: ${p.resetLink}${SIGNATURE.en}`,
      };

import type { MailContent, MailLanguage } from '../mail/mail-templates.js';

// Notices to the applicant about their join request, in the applicant's language.

const SIGNATURE = {
  ja: '\n\n--\nJinzai 製造業外国人材受入れ管理システム\nこのメールは送信専用です。',
  en: '\n\n--\nJinzai\nThis address does not accept replies.',
};

type P = { name: string; organisationName: string; establishmentName: string; link: string };

export const joinReceivedMail = (lang: MailLanguage, p: P & { receivedSeq: number }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】入会申請を受け付けました（到達）',
        text: `${p.name} 様\n\n${p.organisationName} ${p.establishmentName} の入会申請を受け付けました（受付番号 ${p.receivedSeq}）。\n審査の状況は次のページで確認できます。\n\n${p.link}${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Your application has been received',
        text: `Dear ${p.name},\n\nWe have received the application for ${p.organisationName}, ${p.establishmentName} (reference ${p.receivedSeq}).\nYou can follow its progress here:\n\n${p.link}${SIGNATURE.en}`,
      };

export const joinApprovedMail = (lang: MailLanguage, p: P & { listedFrom: string; roster: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】入会申請が承認されました（手続終了）',
        text: `${p.name} 様\n\n${p.organisationName} ${p.establishmentName} の入会申請を承認しました。\n${p.listedFrom} 付けで${p.roster === 'jaim' ? 'JAIM 賛助会員名簿' : '協議会構成員名簿'}に掲載しました。\n\n${p.link}${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Your application has been approved',
        text: `Dear ${p.name},\n\nThe application for ${p.organisationName}, ${p.establishmentName} has been approved.\nThe establishment is listed on the ${p.roster === 'jaim' ? 'JAIM supporting-member roster' : 'council member roster'} from ${p.listedFrom}.\n\n${p.link}${SIGNATURE.en}`,
      };

export const joinRefusedMail = (lang: MailLanguage, p: P & { reason: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】入会申請の審査結果（不承認）',
        text: `${p.name} 様\n\n${p.organisationName} ${p.establishmentName} の入会申請は、次の理由により承認されませんでした。\n\n${p.reason}\n\n${p.link}${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Decision on your application: refused',
        text: `Dear ${p.name},\n\nThe application for ${p.organisationName}, ${p.establishmentName} was not approved, for this reason:\n\n${p.reason}\n\n${p.link}${SIGNATURE.en}`,
      };

export const joinCorrectionMail = (lang: MailLanguage, p: P & { reason: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】入会申請の補正のお願い',
        text: `${p.name} 様\n\n${p.organisationName} ${p.establishmentName} の入会申請について、次の点の補正をお願いします。\n\n${p.reason}\n\n補正後、次のページから再提出してください。\n${p.link}${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Please correct your application',
        text: `Dear ${p.name},\n\nThe application for ${p.organisationName}, ${p.establishmentName} needs correcting:\n\n${p.reason}\n\nResubmit it from this page once corrected:\n${p.link}${SIGNATURE.en}`,
      };

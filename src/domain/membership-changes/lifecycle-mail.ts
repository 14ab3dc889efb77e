import type { MailContent, MailLanguage } from '../mail/mail-templates.js';

// Notices to members about changes, withdrawal and expulsion, in the recipient's language.

const SIGNATURE = {
  ja: '\n\n--\nJinzai 製造業外国人材受入れ管理システム\nこのメールは送信専用です。',
  en: '\n\n--\nJinzai\nThis address does not accept replies.',
};

type Base = { name: string; organisationName: string; link: string };

export const changeDecidedMail = (lang: MailLanguage, p: Base & { applied: boolean; effectiveFrom: string; reason: string | null }): MailContent =>
  lang === 'ja'
    ? {
        subject: p.applied ? '【Jinzai】変更の届出を反映しました' : '【Jinzai】変更の届出を受理できませんでした',
        text: `${p.name} 様\n\n${p.organisationName} の変更の届出について、${p.applied ? `${p.effectiveFrom} 付けで名簿等に反映しました。` : `次の理由により受理できませんでした。\n\n${p.reason ?? ''}`}\n\n${p.link}${SIGNATURE.ja}`,
      }
    : {
        subject: p.applied ? '[Jinzai] Your change notice has been applied' : '[Jinzai] Your change notice was not accepted',
        text: `Dear ${p.name},\n\nThe change notice for ${p.organisationName} ${p.applied ? `has been applied from ${p.effectiveFrom}.` : `was not accepted, for this reason:\n\n${p.reason ?? ''}`}\n\n${p.link}${SIGNATURE.en}`,
      };

export const withdrawalMail = (lang: MailLanguage, p: Base & { accepted: boolean; effectiveFrom: string; establishments: string; reason: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: p.accepted ? '【Jinzai】退会の届出を受け付けました' : '【Jinzai】退会の届出を受け付けできませんでした',
        text: p.accepted
          ? `${p.name} 様\n\n${p.organisationName}（${p.establishments}）の退会の届出を受け付けました。${p.effectiveFrom} をもって名簿への掲載を終了します。\n支払済みの会費は返金されません（JAIM FAQ Q3-1-4）。\n\n${p.link}${SIGNATURE.ja}`
          : `${p.name} 様\n\n${p.organisationName}（${p.establishments}）の退会の届出は、次の理由により受け付けできませんでした。\n\n${p.reason}\n\n${p.link}${SIGNATURE.ja}`,
      }
    : {
        subject: p.accepted ? '[Jinzai] Your withdrawal has been accepted' : '[Jinzai] Your withdrawal could not be accepted',
        text: p.accepted
          ? `Dear ${p.name},\n\nThe withdrawal of ${p.organisationName} (${p.establishments}) has been accepted. The roster listing ends on ${p.effectiveFrom}.\nFees already paid are not refunded (JAIM FAQ Q3-1-4).\n\n${p.link}${SIGNATURE.en}`
          : `Dear ${p.name},\n\nThe withdrawal of ${p.organisationName} (${p.establishments}) could not be accepted:\n\n${p.reason}\n\n${p.link}${SIGNATURE.en}`,
      };

export const expulsionMail = (lang: MailLanguage, p: Base & { expelledOn: string; grounds: string; rejoinFrom: string | null }): MailContent =>
  lang === 'ja'
    ? {
        subject: '【Jinzai】除名の通知',
        text: `${p.name} 様\n\n協議・連絡会運営要領第14条に基づき、${p.organisationName} を ${p.expelledOn} 付けで除名しました。\n理由: ${p.grounds}\n名簿への掲載は同日をもって終了しました。${p.rejoinFrom ? `\n${p.rejoinFrom} より前の再入会の届出は受け付けられません（第10条第4項第2号）。` : ''}${SIGNATURE.ja}`,
      }
    : {
        subject: '[Jinzai] Notice of expulsion',
        text: `Dear ${p.name},\n\nUnder art.14 of the council's operating rules, ${p.organisationName} has been expelled as of ${p.expelledOn}.\nGrounds: ${p.grounds}\nThe roster listing ended on the same day.${p.rejoinFrom ? `\nA new join notice before ${p.rejoinFrom} will be refused (art.10(4)(ii)).` : ''}${SIGNATURE.en}`,
      };

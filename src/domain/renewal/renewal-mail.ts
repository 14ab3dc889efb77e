import type { MailContent } from '../mail/mail-templates.js';

type Lang = 'ja' | 'en';
const fy = (lang: Lang, y: number) => (lang === 'ja' ? `${y}年度` : `FY${y}`);

export const renewalOpenedMail = (lang: Lang, v: { name: string; fiscalYear: number; deadline: string; link: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: `【Jinzai】${fy('ja', v.fiscalYear)}の会員資格更新の意思確認`,
        text: `${v.name} 様\n\n${fy('ja', v.fiscalYear)}の会員資格の更新について、事業所ごとに更新するかどうかを ${v.deadline} までに回答してください。\n期限までに回答がない場合、協議・連絡会の構成員資格を失います（運営要領第12条第2項）。\nJAIMの賛助会員は、この時点で退会を申し出れば翌年度の年会費はかかりません（JAIM FAQ 3-1-4）。\n\n${v.link}\n`,
      }
    : {
        subject: `[Jinzai] Renewal check for ${fy('en', v.fiscalYear)}`,
        text: `Dear ${v.name},\n\nPlease tell us for each establishment whether it renews its membership for ${fy('en', v.fiscalYear)} by ${v.deadline}.\nWithout an answer by then, council membership lapses (council operating rules art.12(2)).\nJAIM supporting members who withdraw now pay no fee for the next year (JAIM FAQ Q3-1-4).\n\n${v.link}\n`,
      };

export const renewalReminderMail = (lang: Lang, v: { name: string; fiscalYear: number; deadline: string; establishments: string[]; link: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: `【Jinzai】（再送）${fy('ja', v.fiscalYear)}の会員資格更新の回答期限は ${v.deadline} です`,
        text: `${v.name} 様\n\n次の事業所の更新の意思がまだ回答されていません: ${v.establishments.join('、')}\n期限（${v.deadline}）までに回答がない場合、構成員資格を失います（運営要領第12条第2項）。\n\n${v.link}\n`,
      }
    : {
        subject: `[Jinzai] Reminder: renewal answers for ${fy('en', v.fiscalYear)} are due by ${v.deadline}`,
        text: `Dear ${v.name},\n\nWe have no renewal answer yet for: ${v.establishments.join(', ')}\nWithout an answer by ${v.deadline}, membership lapses (council operating rules art.12(2)).\n\n${v.link}\n`,
      };

export const renewalLapsedMail = (lang: Lang, v: { name: string; establishment: string; fiscalYear: number; deadline: string; endsOn: string }): MailContent =>
  lang === 'ja'
    ? {
        subject: `【Jinzai】${v.establishment}の構成員資格が失われました`,
        text: `${v.name} 様\n\n${v.establishment}について、期限（${v.deadline}）までに更新の意思が示されなかったため、構成員資格を失いました（運営要領第12条第2項）。\n名簿への掲載は ${v.endsOn} の前日までです。再び加入する場合は、入会申請をしてください。\n`,
      }
    : {
        subject: `[Jinzai] Membership of ${v.establishment} has lapsed`,
        text: `Dear ${v.name},\n\nNo intent to renew was expressed for ${v.establishment} by the deadline (${v.deadline}), so its membership has lapsed (council operating rules art.12(2)).\nIt stays on the roster until the day before ${v.endsOn}. To join again, make a new application.\n`,
      };

import type { MailContent } from '../../mail/mail-templates.js';

// The result notice (合否通知) in the candidate's language: Japanese, English, Vietnamese or Indonesian. It says pass or
// fail with the part scores, and how to check the certificate; it never includes the date of birth or passport.

export type NoticeLanguage = 'ja' | 'en' | 'vi' | 'id';

export type ResultNotice = {
  readonly name: string;
  readonly examNumber: string;
  readonly category: { readonly ja: string; readonly en: string };
  readonly examDate: string;
  readonly outcome: 'pass' | 'fail' | 'incomplete' | 'needs_review';
  readonly writtenScore: number | null;
  readonly practicalScore: number | null;
  readonly certificateNumber: string | null;
  readonly verifyUrl: string;
};

const SIGNATURE: Record<NoticeLanguage, string> = {
  ja: '\n\n--\n製造分野特定技能評価試験 事務局（Jinzai）\nこのメールは送信専用です。',
  en: '\n\n--\nManufacturing skills exam secretariat (Jinzai)\nThis address does not accept replies.',
  vi: '\n\n--\nBan thư ký kỳ thi kỹ năng ngành sản xuất (Jinzai)\nĐịa chỉ này không nhận thư trả lời.',
  id: '\n\n--\nSekretariat ujian keterampilan bidang manufaktur (Jinzai)\nAlamat ini tidak menerima balasan.',
};

const scoreLines = (n: ResultNotice, labels: { written: string; practical: string }): string =>
  [n.writtenScore === null ? null : `${labels.written}: ${n.writtenScore}/100`, n.practicalScore === null ? null : `${labels.practical}: ${n.practicalScore}/100`]
    .filter(Boolean)
    .join('\n');

export const resultNoticeMail = (lang: NoticeLanguage, n: ResultNotice): MailContent => {
  const passed = n.outcome === 'pass';
  switch (lang) {
    case 'ja':
      return {
        subject: `【製造分野特定技能評価試験】合否のお知らせ（受験番号 ${n.examNumber}）`,
        text:
          `${n.name} 様\n\n${n.examDate} に実施した「${n.category.ja}」の試験の結果をお知らせします。\n\n結果：${passed ? '合格' : '不合格'}\n${scoreLines(n, { written: '学科', practical: '実技' })}` +
          (passed && n.certificateNumber ? `\n\n合格証明書番号：${n.certificateNumber}\n証明書の確認：${n.verifyUrl}` : '') +
          SIGNATURE.ja,
      };
    case 'vi':
      return {
        subject: `[Kỳ thi kỹ năng ngành sản xuất] Thông báo kết quả (số báo danh ${n.examNumber})`,
        text:
          `Kính gửi ${n.name},\n\nChúng tôi xin thông báo kết quả kỳ thi "${n.category.en}" ngày ${n.examDate}.\n\nKết quả: ${passed ? 'ĐẠT' : 'KHÔNG ĐẠT'}\n${scoreLines(n, { written: 'Lý thuyết', practical: 'Thực hành' })}` +
          (passed && n.certificateNumber ? `\n\nSố giấy chứng nhận: ${n.certificateNumber}\nKiểm tra giấy chứng nhận: ${n.verifyUrl}` : '') +
          SIGNATURE.vi,
      };
    case 'id':
      return {
        subject: `[Ujian keterampilan bidang manufaktur] Pemberitahuan hasil (nomor ujian ${n.examNumber})`,
        text:
          `Yth. ${n.name},\n\nBerikut hasil ujian "${n.category.en}" pada ${n.examDate}.\n\nHasil: ${passed ? 'LULUS' : 'TIDAK LULUS'}\n${scoreLines(n, { written: 'Teori', practical: 'Praktik' })}` +
          (passed && n.certificateNumber ? `\n\nNomor sertifikat: ${n.certificateNumber}\nPeriksa sertifikat: ${n.verifyUrl}` : '') +
          SIGNATURE.id,
      };
    default:
      return {
        subject: `[Manufacturing skills exam] Your result (exam number ${n.examNumber})`,
        text:
          `Dear ${n.name},\n\nHere is your result of the "${n.category.en}" exam held on ${n.examDate}.\n\nResult: ${passed ? 'PASS' : 'FAIL'}\n${scoreLines(n, { written: 'Written', practical: 'Practical' })}` +
          (passed && n.certificateNumber ? `\n\nCertificate number: ${n.certificateNumber}\nCheck the certificate: ${n.verifyUrl}` : '') +
          SIGNATURE.en,
      };
  }
};

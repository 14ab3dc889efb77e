import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import type { MailContent } from '../../mail/mail-templates.js';

// Mail to exam candidates, in the language they chose (ja/en/vi/id). Plain text, no tracking.

const SIGNATURE: Record<CandidateLanguage, string> = {
  ja: '\n\n--\n製造分野特定技能評価試験（Jinzai）\nこのメールは送信専用です。心当たりがない場合は破棄してください。',
  en: '\n\n--\nManufacturing skills exams (Jinzai)\nThis address does not accept replies. If you did not expect this message, you can ignore it.',
  vi: '\n\n--\nKỳ thi đánh giá kỹ năng ngành sản xuất (Jinzai)\nĐịa chỉ này không nhận thư trả lời. Nếu bạn không yêu cầu, hãy bỏ qua thư này.',
  id: '\n\n--\nUjian keterampilan bidang manufaktur (Jinzai)\nAlamat ini tidak menerima balasan. Jika Anda tidak memintanya, abaikan pesan ini.',
};

export const emailCodeMail = (lang: CandidateLanguage, p: { code: string; minutes: number }): MailContent => {
  const t: Record<CandidateLanguage, MailContent> = {
    ja: { subject: `確認コード ${p.code}（技能試験の申込み）`, text: `技能試験の申込みの確認コードは ${p.code} です。${p.minutes}分以内に申込み画面に入力してください。` },
    en: { subject: `Your code ${p.code} (skills exam application)`, text: `Your confirmation code for the skills exam application is ${p.code}. Enter it on the application page within ${p.minutes} minutes.` },
    vi: { subject: `Mã xác nhận ${p.code} (đăng ký thi kỹ năng)`, text: `Mã xác nhận đăng ký thi kỹ năng của bạn là ${p.code}. Hãy nhập mã trên trang đăng ký trong vòng ${p.minutes} phút.` },
    id: { subject: `Kode konfirmasi ${p.code} (pendaftaran ujian keterampilan)`, text: `Kode konfirmasi pendaftaran ujian keterampilan Anda adalah ${p.code}. Masukkan kode di halaman pendaftaran dalam ${p.minutes} menit.` },
  };
  return { subject: t[lang].subject, text: t[lang].text + SIGNATURE[lang] };
};

export const registrationMail = (lang: CandidateLanguage, p: { examNumber: string; link: string; waitlisted: boolean; fee: string }): MailContent => {
  const t: Record<CandidateLanguage, MailContent> = {
    ja: {
      subject: `受験申込みを受け付けました（受験番号 ${p.examNumber}）`,
      text: `受験番号は ${p.examNumber} です。${p.waitlisted ? '定員に達しているため、キャンセル待ちとして受け付けました。席が空いたらお知らせします。' : `受験料 ${p.fee} の入金が確認されると受験票を発行します。`}\n申込みの確認・変更・取消しはこちら（他の人に教えないでください）：\n${p.link}`,
    },
    en: {
      subject: `Application received (exam number ${p.examNumber})`,
      text: `Your exam number is ${p.examNumber}. ${p.waitlisted ? 'The sitting is full, so you are on the waiting list. We will tell you if a seat becomes free.' : `Your admission ticket is issued once your fee of ${p.fee} is confirmed.`}\nView, change or cancel your application here (do not share this link):\n${p.link}`,
    },
    vi: {
      subject: `Đã nhận đơn đăng ký (số báo danh ${p.examNumber})`,
      text: `Số báo danh của bạn là ${p.examNumber}. ${p.waitlisted ? 'Kỳ thi đã đủ chỗ nên bạn được đưa vào danh sách chờ. Chúng tôi sẽ báo khi có chỗ trống.' : `Phiếu dự thi sẽ được cấp khi lệ phí ${p.fee} được xác nhận.`}\nXem, thay đổi hoặc hủy đăng ký tại đây (không chia sẻ liên kết này):\n${p.link}`,
    },
    id: {
      subject: `Pendaftaran diterima (nomor ujian ${p.examNumber})`,
      text: `Nomor ujian Anda adalah ${p.examNumber}. ${p.waitlisted ? 'Kuota penuh, jadi Anda masuk daftar tunggu. Kami akan memberi tahu jika ada kursi kosong.' : `Kartu ujian diterbitkan setelah biaya ${p.fee} dikonfirmasi.`}\nLihat, ubah, atau batalkan pendaftaran di sini (jangan bagikan tautan ini):\n${p.link}`,
    },
  };
  return { subject: t[lang].subject, text: t[lang].text + SIGNATURE[lang] };
};

export const statusChangeMail = (lang: CandidateLanguage, p: { examNumber: string; link: string; kind: 'promoted' | 'ticket_issued' | 'cancelled' | 'rescheduled' }): MailContent => {
  const subjects: Record<CandidateLanguage, Record<typeof p.kind, string>> = {
    ja: { promoted: '席が空きました', ticket_issued: '受験票を発行しました', cancelled: '受験申込みを取り消しました', rescheduled: '受験日を変更しました' },
    en: { promoted: 'A seat is now yours', ticket_issued: 'Your admission ticket is ready', cancelled: 'Your application is cancelled', rescheduled: 'Your exam date has changed' },
    vi: { promoted: 'Đã có chỗ cho bạn', ticket_issued: 'Phiếu dự thi đã sẵn sàng', cancelled: 'Đơn đăng ký đã bị hủy', rescheduled: 'Ngày thi của bạn đã thay đổi' },
    id: { promoted: 'Kursi sudah tersedia untuk Anda', ticket_issued: 'Kartu ujian Anda sudah siap', cancelled: 'Pendaftaran Anda dibatalkan', rescheduled: 'Tanggal ujian Anda berubah' },
  };
  const subject = `${subjects[lang][p.kind]} (${p.examNumber})`;
  return { subject, text: `${subject}\n${p.link}${SIGNATURE[lang]}` };
};

export type LinkItem = { examNumber: string; examDate: string; category: string; link: string };

/** "Resend my links": a fresh link for each registration; links in earlier messages no longer open. */
export const registrationLinksMail = (lang: CandidateLanguage, p: { items: readonly LinkItem[] }): MailContent => {
  const intro: Record<CandidateLanguage, { subject: string; lead: string; old: string; row: (i: LinkItem) => string }> = {
    ja: {
      subject: '受験申込みのリンク',
      lead: 'ご依頼により、受験申込みの確認・変更・取消しのリンクを新しく発行しました（他の人に教えないでください）。',
      old: '以前のメールのリンクは使えなくなりました。',
      row: (i) => `受験番号 ${i.examNumber}（${i.examDate} ${i.category}）\n${i.link}`,
    },
    en: {
      subject: 'Links to your exam applications',
      lead: 'As requested, here are new links to view, change or cancel your exam applications (do not share them).',
      old: 'Links in earlier messages no longer work.',
      row: (i) => `Exam number ${i.examNumber} (${i.examDate}, ${i.category})\n${i.link}`,
    },
    vi: {
      subject: 'Liên kết đến đơn đăng ký thi của bạn',
      lead: 'Theo yêu cầu của bạn, đây là các liên kết mới để xem, thay đổi hoặc hủy đơn đăng ký thi (không chia sẻ các liên kết này).',
      old: 'Các liên kết trong thư trước không còn sử dụng được.',
      row: (i) => `Số báo danh ${i.examNumber} (${i.examDate}, ${i.category})\n${i.link}`,
    },
    id: {
      subject: 'Tautan ke pendaftaran ujian Anda',
      lead: 'Sesuai permintaan, berikut tautan baru untuk melihat, mengubah, atau membatalkan pendaftaran ujian Anda (jangan bagikan tautan ini).',
      old: 'Tautan di pesan sebelumnya tidak berlaku lagi.',
      row: (i) => `Nomor ujian ${i.examNumber} (${i.examDate}, ${i.category})\n${i.link}`,
    },
  };
  const t = intro[lang];
  return { subject: t.subject, text: `${t.lead}\n\n${p.items.map(t.row).join('\n\n')}\n\n${t.old}${SIGNATURE[lang]}` };
};

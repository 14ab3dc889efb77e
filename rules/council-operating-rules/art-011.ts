import { cite, defineRule, msg } from '../core/index.js';
import { type Category, SINCE_2025_AMENDMENT, SINCE_ENACTMENT } from './instrument.js';

// Art.11: (1) a category (iii) or (iv) member that is going to change anything it notified under art.10(1) notifies the
// secretariat on the prescribed form; (2) the category (v) member that notifies a change under notice art.8 tells the
// secretariat as well.

export type ChangeFacts = {
  readonly category: Category;
  /** The member is going to change an item it notified under art.10(1) (name, address, representative, establishments, form items). */
  readonly changesNotifiedItem: boolean;
};

export const changeNotificationRequired = defineRule<ChangeFacts, 'notify-secretariat' | 'not-required'>({
  id: 'council-operating-rules/art-011/change-notification',
  title: msg('届出事項の変更の届出', 'Notifying changes to notified items'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '11', '1'),
      summary: msg(
        '第3号・第4号の構成員は、入会時に届け出た事項を変えようとするときは、所定の様式で事務局に届け出る。',
        'A category (iii) or (iv) member about to change anything it notified on joining tells the secretariat on the prescribed form.',
      ),
      evaluate: ({ category, changesNotifiedItem }) => {
        const used = { category, changesNotifiedItem };
        if (category !== 'iii' && category !== 'iv')
          return { outcome: 'not-required', message: msg('この区分の構成員は第11条第1項の届出を行いません。', `Art.11(1) does not apply to category (${category}).`), used };
        return changesNotifiedItem
          ? { outcome: 'notify-secretariat', message: msg('届出事項を変更するため、事務局に変更を届け出てください。', 'A notified item is changing: notify the secretariat of the change.'), used }
          : { outcome: 'not-required', message: msg('届出事項の変更はないため、届出は不要です。', 'No notified item changes, so nothing needs notifying.'), used };
      },
    },
  ],
});

export type CategoryVChangeFacts = {
  readonly category: Category;
  /** The member filed a change notification under art.8 of the additional-standards notice. */
  readonly filedKokujiArt8Change: boolean;
};

export const categoryVChangeNotification = defineRule<CategoryVChangeFacts, 'notify-secretariat' | 'not-required'>({
  id: 'council-operating-rules/art-011/category-v-change',
  title: msg('第5号の構成員の変更の届出', 'Category (v) change notification'),
  versions: [
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '11', '2'),
      also: [cite('uwanose-kokuji', '8')],
      summary: msg(
        '第5号の構成員は、告示第8条の変更届出をしたときは、その旨を事務局にも届け出る。',
        'When the category (v) member files a change under notice art.8, it also notifies the council secretariat.',
      ),
      evaluate: ({ category, filedKokujiArt8Change }) => {
        const used = { category, filedKokujiArt8Change };
        if (category !== 'v') return { outcome: 'not-required', message: msg('第5号の構成員ではありません。', 'Not the category (v) member.'), used };
        return filedKokujiArt8Change
          ? { outcome: 'notify-secretariat', message: msg('告示第8条の変更届出をしたため、事務局にも届け出てください。', 'A notice art.8 change was filed: notify the secretariat too.'), used }
          : { outcome: 'not-required', message: msg('告示第8条の変更届出はありません。', 'No notice art.8 change was filed.'), used };
      },
    },
  ],
});

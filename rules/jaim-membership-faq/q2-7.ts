import { cite, defineRule, msg } from '../core/index.js';
import { SINCE_JAIM } from './instrument.js';

// Q2-7-2: where photos of the final product or of the plant cannot be provided (customers' rights), the template has a
// field for a free-form reason statement; a written explanation of where the part goes in the final product and what it
// does is still required, and any contract stating the rights is attached.

export type PhotoEvidenceFacts = {
  readonly productPhotos: boolean;
  readonly plantPhotos: boolean;
  readonly reasonStatement: boolean;
  /** Text explaining where the establishment's product is used in the final product and what it does. */
  readonly usageExplanation: boolean;
};

const OK = msg('完成品・工場内部の画像が提出されています。', 'Photos of the final product and the plant are given.');
const OK_REASON = msg('画像を提出できない理由書と、製造品の用途の説明が記載されています。', 'A reason statement for the missing photos and an explanation of the product’s use are given.');
const NO_REASON = msg('画像を提出できない場合は、その理由書（様式自由）が必要です。', 'Where photos cannot be given, a reason statement (free form) is required.');
const NO_USAGE = msg(
  '理由書に加えて、製造品が完成品のどの部分に使われ、どのような機能を果たすかの説明が必要です。',
  'Besides the reason statement, an explanation of where the product is used in the final product and what it does is required.',
);

export const photoEvidence = defineRule<PhotoEvidenceFacts, 'sufficient' | 'missing'>({
  id: 'jaim-membership-faq/q2-7/photo-evidence',
  title: msg('完成品・工場画像と理由書', 'Product and plant photos, or a reason statement'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-7-2'),
      summary: msg(
        '権利上の理由で完成品や工場内部の画像を出せないときは、テンプレートの欄に理由を詳しく書き、製造品の使われ方と機能の文章説明を加える。',
        'If photos of the final product or plant cannot be given for rights reasons, the reason is written in the template and a text explanation of how the product is used is added.',
      ),
      evaluate: ({ productPhotos, plantPhotos, reasonStatement, usageExplanation }) => {
        if (productPhotos && plantPhotos) return { outcome: 'sufficient', message: OK };
        if (!reasonStatement) return { outcome: 'missing', message: NO_REASON };
        if (!usageExplanation) return { outcome: 'missing', message: NO_USAGE };
        return { outcome: 'sufficient', message: OK_REASON };
      },
    },
  ],
});

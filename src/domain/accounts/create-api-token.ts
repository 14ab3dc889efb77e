import { z } from 'zod';
import { authorize } from '../access/policies.js';
import { InvalidInput } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertApiToken, type ApiTokenListItem } from '../../persistence/repositories/api-tokens.repository.js';
import { API_TOKEN_SCOPES, newApiToken } from './api-token-format.js';
import { auditMeta, type UseCaseContext } from './context.js';

export const createApiTokenInput = z.object({
  organisationId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1),
  /** Optional expiry (an instant in the future). */
  expiresAt: z.coerce.date().optional(),
});

/** An organisation admin creates an API token. The token itself is returned once and never stored. */
export const createApiToken = async (ctx: UseCaseContext, raw: z.input<typeof createApiTokenInput>): Promise<{ token: string; record: ApiTokenListItem }> => {
  const parsed = createApiTokenInput.safeParse(raw);
  const organisationId = parsed.success ? parsed.data.organisationId : (raw as { organisationId?: string }).organisationId;
  authorize(ctx.actor, 'api_tokens.manage', organisationId ? { organisationId } : {});
  if (!parsed.success) {
    throw new InvalidInput(
      parsed.error.issues.map((i) => {
        const field = String(i.path[0] ?? 'name');
        const messages: Record<string, { ja: string; en: string }> = {
          name: { ja: 'トークンの名前を入力してください（100文字以内）。', en: 'Enter a name for the token (up to 100 characters).' },
          scopes: { ja: '権限を1つ以上選んでください。', en: 'Choose at least one permission.' },
          expiresAt: { ja: '有効期限を正しい日付で入力してください。', en: 'Enter a valid expiry date.' },
        };
        return { field, message: messages[field] ?? { ja: '入力内容を確認してください。', en: 'Check this field.' } };
      }),
    );
  }
  const data = parsed.data;
  const now = ctx.clock.now();
  if (data.expiresAt && data.expiresAt <= now) {
    throw new InvalidInput([{ field: 'expiresAt', message: { ja: '有効期限は未来の日付にしてください。', en: 'The expiry date must be in the future.' } }]);
  }
  if (ctx.actor.kind !== 'user') throw new InvalidInput([]);
  const createdBy = ctx.actor.userId;
  const { token, prefix, hash } = newApiToken();
  return ctx.db.transaction(async (tx) => {
    const record = await insertApiToken(tx, { organisationId: data.organisationId, name: data.name, tokenPrefix: prefix, tokenHash: hash, scopes: [...new Set(data.scopes)], createdBy, createdAt: now, expiresAt: data.expiresAt ?? null });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'api_token.created',
      target: { type: 'api_token', id: record.id },
      summary: { after: { organisationId: data.organisationId, name: data.name, prefix, scopes: record.scopes, expiresAt: data.expiresAt?.toISOString() ?? null } },
    });
    return { token, record };
  });
};

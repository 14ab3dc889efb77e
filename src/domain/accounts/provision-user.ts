import { randomUUID } from 'node:crypto';
import type { Role } from '../access/actor.js';
import type { Db } from '../../persistence/database.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertInformationHandler } from '../../persistence/repositories/information-handlers.repository.js';
import { insertRoleGrant } from '../../persistence/repositories/roles.repository.js';
import { insertUser } from '../../persistence/repositories/users.repository.js';
import type { DataKeyring } from '../crypto/data-encryption.js';
import { hashPassword } from './password.js';
import { sealTotpSecret } from './totp-secret-storage.js';

export type ProvisionUserInput = {
  email: string;
  password: string;
  displayName: string;
  locale?: 'ja' | 'en';
  isStaff: boolean;
  roles: { role: Role; organisationId: string }[];
  /** Base32 TOTP secret; when given, two-factor is enrolled already (stored sealed with `dataKeys`). */
  totpSecret?: string;
  /** The data-encryption keys (AppServices.dataKeys); required with `totpSecret`. */
  dataKeys?: DataKeyring;
  emailVerified?: boolean;
  /** Registers the user as a named information handler (support-project-spec 4①). */
  informationHandler?: { department?: string; position?: string };
  /** When the account is recorded as created (defaults to now). */
  at?: Date;
};

/**
 * Creates a ready-to-use account with its roles, outside the sign-up journey: for the demo data loader and tests.
 * Writes the same audit events as the journeys, as the system actor. Runs in its own transaction (or the caller's).
 */
export const provisionUser = async (db: Db, input: ProvisionUserInput): Promise<{ userId: string }> => {
  const at = input.at ?? new Date();
  const passwordHash = await hashPassword(input.password);
  if (input.totpSecret && !input.dataKeys) throw new Error('provisionUser: a TOTP secret needs dataKeys to be stored sealed');
  // The sealed secret is bound to the user's id, so the id is chosen before the insert.
  const id = randomUUID();
  const sealedTotp = input.totpSecret && input.dataKeys ? sealTotpSecret(input.dataKeys, id, input.totpSecret) : null;
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      id,
      email: input.email.trim(),
      displayName: input.displayName,
      passwordHash,
      locale: input.locale ?? 'ja',
      isStaff: input.isStaff,
      emailVerifiedAt: input.emailVerified === false ? null : at,
      totpSecret: sealedTotp,
      totpEnabledAt: sealedTotp ? at : null,
      createdAt: at,
    });
    const actor = { kind: 'system' as const };
    await writeAuditEvent(tx, { action: 'user.signed_up', actor, target: { type: 'user', id: user.id }, summary: { after: { email: user.email, provisioned: true } }, occurredAt: at });
    for (const grant of input.roles) {
      const row = await insertRoleGrant(tx, { userId: user.id, role: grant.role, organisationId: grant.organisationId, grantedBy: null, grantedAt: at });
      await writeAuditEvent(tx, {
        action: 'role.granted',
        actor,
        target: { type: 'user', id: user.id },
        summary: { before: null, after: { grantId: row.id, role: grant.role, organisationId: grant.organisationId } },
        occurredAt: at,
      });
    }
    if (input.informationHandler) {
      const handler = await insertInformationHandler(tx, {
        userId: user.id,
        department: input.informationHandler.department ?? null,
        position: input.informationHandler.position ?? null,
        note: null,
        registeredBy: null,
        registeredAt: at,
      });
      await writeAuditEvent(tx, { action: 'information_handler.registered', actor, target: { type: 'information_handler', id: handler.id }, summary: { after: { userId: user.id } }, occurredAt: at });
    }
    return { userId: user.id };
  });
};

import { randomBytes } from 'node:crypto';
import { randomSecret, sha256Hex } from './secrets.js';

// API tokens look like `jz_<prefix>_<secret>`: the prefix (8 hex) is shown in lists to tell tokens apart, the secret
// is 256 random bits. Only the sha-256 of the whole token is stored.

export const API_TOKEN_SCOPES = ['join_request:read', 'join_request:write', 'organisation:write', 'roster:read'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

const PATTERN = /^jz_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export const newApiToken = (): { token: string; prefix: string; hash: string } => {
  const prefix = randomBytes(4).toString('hex');
  const token = `jz_${prefix}_${randomSecret()}`;
  return { token, prefix, hash: sha256Hex(token) };
};

export const parseApiToken = (token: string): { prefix: string; hash: string } | undefined => {
  const match = PATTERN.exec(token.trim());
  return match ? { prefix: match[1]!, hash: sha256Hex(token.trim()) } : undefined;
};

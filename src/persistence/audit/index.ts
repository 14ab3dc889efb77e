export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from './actions.js';
export { writeAuditEvent, AuditWriteError, type AuditActor, type AuditEventInput, type WrittenAuditEvent } from './write-audit-event.js';
export { appendAuditEvents } from './append-audit-events.js';
export { verifyAuditChain, type AuditChainResult } from './verify-audit-chain.js';
export { searchAuditEvents, type AuditSearchFilters, type AuditSearchPage, type AuditSearchResult, type AuditEventRow } from './search-audit-events.js';
export { GENESIS_HASH } from './hash.js';

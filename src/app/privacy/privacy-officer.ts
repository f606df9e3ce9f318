import { caseCode, caseCodeIdPrefix, parseCaseCode } from '../../domain/case-code';
import type { AuditRecord, BrokenLink } from '../../domain/audit-chain';
import type { Member } from '../../domain/roster';
import type { AppDeps } from '../deps';
import { readWholeChain, verifyOneChain } from './audit-trail';
import { PRIVACY_CHAIN, startPurge } from './purge';

/** What a privacy officer (roster role `privacy`) can do from a personal chat: read a case's trail, erase a case. */
export type PrivacyRefusal = 'not_privacy' | 'unknown_ref' | 'ambiguous_ref';
type Outcome<T> = { ok: true; value: T } | { ok: false; reason: PrivacyRefusal };

/** A hex reference: 8 up to all 24 characters of the case id (the code before issue 12, and the way out of an ambiguous code). */
export const ZAAKCODE = /^[0-9a-f]{8,24}$/;

/** What `audit`/`wis` accept: the case code on the card ("KTX-482") or a hex prefix of the case id. */
export type CaseRefInput = { code: string; prefix: string } | { code: null; prefix: string };

export function parseCaseRef(input: string): CaseRefInput | null {
  const code = parseCaseCode(input);
  if (code) return { code, prefix: caseCodeIdPrefix(code) };
  const hex = input.trim().toLowerCase();
  return ZAAKCODE.test(hex) ? { code: null, prefix: hex } : null;
}

/** Ids found by the prefix that really carry the code (the prefix covers two codes; other chains are not case ids). */
const withCode = (ids: string[], ref: CaseRefInput): string[] => (ref.code ? ids.filter((id) => caseCode(id) === ref.code) : ids);

async function privacyMember(deps: AppDeps, aadObjectId: string | undefined, attempted: string): Promise<Member | null> {
  const member = deps.directory.member(aadObjectId);
  if (member?.roles.includes('privacy')) return member;
  const at = deps.clock.now().toISOString();
  await deps.repo.appendAudit({
    id: `audit:denied:${at}:${Math.random().toString(36).slice(2, 10)}`,
    caseId: PRIVACY_CHAIN,
    at,
    action: 'access.denied',
    actorId: aadObjectId ?? 'unknown',
    detail: { attempted, reason: 'not_privacy' },
  });
  deps.log.warn({ actorId: aadObjectId ?? 'unknown', attempted }, 'security: privacy command refused (no privacy role)');
  return null;
}

export interface CaseTrail {
  chain: string;
  total: number;
  /** The newest `limit` records, oldest first. */
  records: AuditRecord[];
  broken: BrokenLink | null;
}

/** `audit <zaakcode>`: the trail of one case (also of a purged one), verified; the read itself is audited. */
export async function readCaseTrail(
  deps: AppDeps,
  aadObjectId: string | undefined,
  ref: CaseRefInput,
  limit = 20,
): Promise<Outcome<CaseTrail>> {
  const member = await privacyMember(deps, aadObjectId, 'audit.read');
  if (!member) return { ok: false, reason: 'not_privacy' };
  const chains = withCode(await deps.repo.audit.auditChains(ref.prefix), ref);
  if (chains.length === 0) return { ok: false, reason: 'unknown_ref' };
  if (chains.length > 1) return { ok: false, reason: 'ambiguous_ref' };
  const [chain] = chains;
  const all = await readWholeChain(deps.repo.audit, chain);
  const { broken } = await verifyOneChain(deps.repo.audit, chain);
  const at = deps.clock.now().toISOString();
  await deps.repo.appendAudit({
    id: `audit:read:${at}:${member.aadObjectId}`,
    caseId: chain,
    at,
    action: 'audit.read',
    actorId: member.aadObjectId,
    actorOrg: member.orgId,
    detail: { entries: all.length },
  });
  return { ok: true, value: { chain, total: all.length, records: all.slice(-limit), broken } };
}

/** `wis <zaakcode>` step 1: which case would be erased (nothing changes yet). */
export async function prepareErasure(
  deps: AppDeps,
  aadObjectId: string | undefined,
  ref: CaseRefInput,
): Promise<Outcome<{ caseId: string }>> {
  const member = await privacyMember(deps, aadObjectId, 'case.erase');
  if (!member) return { ok: false, reason: 'not_privacy' };
  // A 20-bit prefix holds two codes: read a few more than two and keep those with the code.
  const ids = withCode(await deps.repo.findCaseIdsByRef(ref.prefix, ref.code ? 16 : 2), ref);
  if (ids.length === 0) return { ok: false, reason: 'unknown_ref' };
  if (ids.length > 1) return { ok: false, reason: 'ambiguous_ref' };
  return { ok: true, value: { caseId: ids[0] } };
}

/** `wis <zaakcode>` step 2 (after confirmation): the same purge as retention, at once, audited with who. */
export async function confirmErasure(
  deps: AppDeps,
  aadObjectId: string | undefined,
  caseId: string,
): Promise<Outcome<{ started: boolean }>> {
  const member = await privacyMember(deps, aadObjectId, 'case.erase');
  if (!member) return { ok: false, reason: 'not_privacy' };
  const r = await startPurge(deps, caseId, 'erasure', { actorId: member.aadObjectId, actorOrg: member.orgId });
  if (r === 'not_found') return { ok: false, reason: 'unknown_ref' };
  return { ok: true, value: { started: r === 'started' } };
}

import { randomUUID } from 'node:crypto';
import { amsterdamToUtc } from '../../domain/local-time';
import { partnerOrgSchema } from '../../domain/orgs';
import {
  actionInputSchema,
  actionVerdictInputSchema,
  handOverCaseLead,
  mayJudgeAction,
  newAction,
  settleAction as settleRule,
  takeCaseLead,
} from '../../domain/rounds';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import type { Result } from '../errors';
import { changeCase } from './change-case';

type Args = { caseId: string; aadObjectId: string | undefined };

async function thenRefresh<T>(
  deps: AppDeps,
  caseId: string,
  r: Result<T & { changed: boolean }>,
): Promise<Result<T & { changed: boolean }>> {
  if (r.ok && r.value.changed) await requestCardRefresh(deps, caseId);
  return r;
}

/** Regie: one organisation takes the lead when nobody has it. */
export async function takeLead(deps: AppDeps, args: Args) {
  const r = await changeCase(deps, { ...args, attempted: 'lead.take' }, (c, member, now) => {
    const res = takeCaseLead(c.caseLead?.orgId, member.orgId);
    if (!res.ok) return { kind: 'refuse', code: res.error };
    if (!res.changed) return { kind: 'unchanged' };
    return { kind: 'change', next: { ...c, caseLead: { orgId: res.lead, since: now } }, action: 'lead.take', detail: { orgId: res.lead } };
  });
  return thenRefresh(deps, args.caseId, r);
}

/** Hand regie over (by the lead organisation or the chair); never two at once. */
export async function handOverLead(deps: AppDeps, args: Args & { to: string | undefined }) {
  const to = partnerOrgSchema.safeParse(args.to);
  const r = await changeCase(deps, { ...args, attempted: 'lead.handover' }, (c, member, now) => {
    if (!to.success) return { kind: 'refuse', code: 'invalid_input' };
    const res = handOverCaseLead(c.caseLead?.orgId, { orgId: member.orgId, chair: member.roles.includes('chair') }, to.data);
    if (!res.ok) return { kind: 'refuse', code: res.error };
    if (!res.changed) return { kind: 'unchanged' };
    return {
      kind: 'change',
      next: { ...c, caseLead: { orgId: res.lead, since: now } },
      action: 'lead.handover',
      detail: { from: c.caseLead?.orgId ?? '', to: res.lead },
    };
  });
  return thenRefresh(deps, args.caseId, r);
}

/** An action: what, which organisation, by when (date and time as meant in the Netherlands). */
export async function addAction(deps: AppDeps, args: Args & { what?: string; orgId?: string; dueDate?: string; dueTime?: string }) {
  const dueAt = amsterdamToUtc(args.dueDate, args.dueTime);
  const input = actionInputSchema.safeParse({ what: args.what ?? '', orgId: args.orgId, dueAt: dueAt ?? '' });
  const r = await changeCase(deps, { ...args, attempted: 'action.add' }, (c, _member, now) => {
    if (!input.success) return { kind: 'refuse', code: 'invalid_input' };
    const made = newAction(`action-${randomUUID().slice(0, 8)}`, input.data, now);
    if (!made.ok) return { kind: 'refuse', code: made.error === 'due_not_in_future' ? 'not_in_future' : 'invalid_time' };
    return {
      kind: 'change',
      next: { ...c, actions: [...c.actions, made.action] },
      action: 'action.add',
      detail: { actionId: made.action.id, orgId: made.action.orgId },
    };
  });
  return thenRefresh(deps, args.caseId, r);
}

/** Settle an overdue action: gedaan, omstandigheden veranderd or niet uitgevoerd. */
export async function settleAction(deps: AppDeps, args: Args & { actionId: string; verdict?: string }) {
  const input = actionVerdictInputSchema.safeParse({ actionId: args.actionId, verdict: args.verdict });
  const r = await changeCase(deps, { ...args, attempted: 'action.settle' }, (c, member, now) => {
    if (!input.success) return { kind: 'refuse', code: 'invalid_input' };
    const action = c.actions.find((a) => a.id === args.actionId);
    if (!action) return { kind: 'refuse', code: 'unknown_action' };
    if (!mayJudgeAction(action, { orgId: member.orgId, chair: member.roles.includes('chair') }, c.caseLead?.orgId))
      return { kind: 'refuse', code: 'not_allowed' };
    const res = settleRule(action, input.data.verdict, now);
    if (!res.ok) return { kind: 'refuse', code: 'already_settled' };
    if (!res.changed) return { kind: 'unchanged' };
    return {
      kind: 'change',
      next: { ...c, actions: c.actions.map((a) => (a.id === action.id ? res.action : a)) },
      action: 'action.settle',
      detail: { actionId: action.id, verdict: input.data.verdict },
    };
  });
  return thenRefresh(deps, args.caseId, r);
}

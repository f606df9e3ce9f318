import { buildCase, type Case, type CaseIntake } from '../domain/case';
import type { Person } from '../domain/persons';
import { termijnReminderAt } from '../domain/rounds';
import { personRefs } from '../domain/verdieping/common';
import { involvementsFromIntake } from '../domain/verdieping/people';
import type { WriteOp } from '../store/docstore';
import { newJob } from '../store/jobs';
import { verdiepingDocs } from '../store/verdieping-store';
import { regionIdForIntake } from './vt/consult';
import type { AppDeps } from './deps';
import { fail, ok, type Result } from './errors';
import { intakeReportRowOp } from './report/report-row-hook';
import { recordReturning } from './report/returning';

/**
 * The form of violence and the relationship per person, when the source sends them (issue 14 item 6):
 * involvement documents (source 'intake') in the intake's commit, insert-if-absent, so a re-delivery
 * never overwrites what the desk set on the card since. Otherwise they are set on the card.
 */
function intakeInvolvementOps(theCase: Case, intake: CaseIntake): WriteOp[] {
  return involvementsFromIntake(theCase.id, personRefs(theCase.persons), intake.persons, theCase.createdAt).map((i): WriteOp => ({
    op: 'insert',
    doc: verdiepingDocs.involvement(i),
  }));
}

export type IntakeActor = { kind: 'system'; id: string } | { kind: 'member'; aadObjectId: string };

export const POST_CARD_JOB_ID = 'job:postCard';
/** The VT question of a new case: one job in the intake's commit, retried by the job loop until it ran. */
export const VT_ASK_AT_INTAKE_JOB_ID = 'job:vtAskAtIntake';

/**
 * A new HG case arrives (intake API or the "Nieuwe zaak" dialog). Idempotent on the external id:
 * the case id is derived from it, so a re-delivery finds the same case and repairs anything a crash
 * left out (all ids are deterministic); a different body under the same id is a conflict.
 */
export async function intakeCase(
  deps: AppDeps,
  intake: CaseIntake,
  actor: IntakeActor,
): Promise<Result<{ caseId: string; created: boolean }>> {
  const location = deps.directory.location(intake.locationId);
  if (!location) return fail('unknown_location');
  if (!intake.hgFlag) return fail('not_hg');
  const actorId = actor.kind === 'system' ? actor.id : actor.aadObjectId;
  if (actor.kind === 'member') {
    const authz = deps.directory.authorize(actor.aadObjectId, location.id);
    if (!authz.ok) return fail(authz.reason);
  }

  const caseId = deps.hasher.caseId(intake.externalId);
  const intakeHash = deps.hasher.digest(intake);
  const existing = await deps.repo.getCase(caseId);
  if (existing && existing.intakeHash !== intakeHash) return fail('intake_conflict');
  // A purged (retention) or erased case is not brought back by a late re-delivery of its intake.
  if (!existing && (await deps.repo.purges.isPurged(caseId))) {
    deps.log.info({ caseId }, 'intake of a purged case refused');
    return fail('intake_conflict');
  }

  const persons: Person[] = intake.persons.map((p) => ({
    role: p.role,
    ...(p.age !== undefined ? { age: p.age } : {}),
    ...(p.personKey ? { pseudonym: deps.hasher.personPseudonym(p.personKey) } : {}),
  }));
  const now = deps.clock.now().toISOString();
  const built =
    existing ?? buildCase({ id: caseId, intake, intakeHash, persons, termijnHours: location.termijnHours, now, createdBy: actorId });
  const vtRegionId = existing ? undefined : regionIdForIntake(deps.directory.vt, intake.municipality, location.id);
  const theCase: Case = vtRegionId ? { ...built, vtRegionId } : built;

  const outcome = await deps.repo.intakeCase(
    theCase,
    {
      id: `audit:${theCase.createdAt}:intake`,
      caseId,
      at: theCase.createdAt,
      action: 'case.intake',
      actorId: theCase.createdBy,
      detail: { locationId: location.id },
    },
    [
      newJob({ id: POST_CARD_JOB_ID, caseId, type: 'postCard', dueAt: theCase.createdAt, now: theCase.createdAt }),
      // Durable timers for the termijn: a reminder in the thread before it ends, and a card refresh when it has.
      newJob({
        id: 'job:termijnReminder',
        caseId,
        type: 'termijnReminder',
        dueAt: termijnReminderAt(theCase.deadline, location.reminders.termijnMinutesBefore),
        now: theCase.createdAt,
      }),
      newJob({ id: 'job:termijnPassed', caseId, type: 'termijnPassed', dueAt: theCase.deadline, now: theCase.createdAt }),
      // Outside VT's office hours, VT's on-call staff is asked at once (in office hours VT is at the desk).
      // In the same commit as the case: a failure of the question is retried by the job loop, never lost.
      ...(theCase.vtRegionId
        ? [newJob({ id: VT_ASK_AT_INTAKE_JOB_ID, caseId, type: 'vtAskAtIntake', dueAt: theCase.createdAt, now: theCase.createdAt })]
        : []),
    ],
    [intakeReportRowOp(theCase), ...intakeInvolvementOps(theCase, intake)],
  );
  if (outcome === 'exists' && !existing) {
    // Lost a race with a concurrent delivery of the same external id: compare with the winner.
    const winner = await deps.repo.getCase(caseId);
    if (!winner || winner.intakeHash !== intakeHash) return fail('intake_conflict');
  }
  const created = outcome === 'created';
  await deps.repo.indexPersons(theCase); // insert-if-absent: a re-delivery repairs a missing entry
  await recordReturning(deps, theCase); // oude bekenden: summary, hermelding, one note per earlier lead
  deps.log.info({ caseId, locationId: location.id, created, actor: actor.kind }, created ? 'case intake' : 'case intake re-delivered');
  deps.kickJobs();
  if (created && !theCase.vtRegionId) deps.log.info({ caseId }, 'VT region unknown at intake: the desk chooses it on the card');
  return ok({ caseId, created });
}

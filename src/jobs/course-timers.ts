import { buildChannelCard } from '../cards/channel-card';
import { buildAgendaCard } from '../cards/agenda-card';
import { agendaEntry, agendaVerdiepingFacts, orderAgendaByNextMoment } from '../domain/verdieping/agenda';
import { amsterdamClock } from '../domain/local-time';
import { isCurrentRoundOpen, missingOrgs } from '../domain/rounds';
import { nlCards } from '../i18n/nl/cards';
import { nlMessages } from '../i18n/nl';
import type { Job } from '../store/jobs';
import { requestCardRefresh } from '../app/case-access';
import { noteMaybeDuplicate } from './deliver-card';
import type { AppDeps } from '../app/deps';
import type { Outbound } from '../app/ports';
import { caseLinkOf } from '../views/actieoverleg-view';
import { agendaFacts } from '../domain/agenda-entry';
import { loadChannelSummary } from '../app/views';
import { auditEscalationChange, changeEscalation, evaluateEscalation } from '../app/course/escalate';
import type { AgendaView } from '../cards/view';
import type { Location } from '../domain/roster';
import { horizonReminder } from '../app/verdieping/horizon-reminder';
import { termijnReminderApplies } from '../domain/verdieping/time-follows';

const orgList = (orgs: readonly string[]): string => orgs.map((o) => nlCards.orgs[o as keyof typeof nlCards.orgs] ?? o).join(', ');

/** Post the Actieoverleg card once; its reference is stored so later changes update it in place. */
export async function postActieoverlegJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const escalation = await deps.repo.getEscalation(job.caseId);
  if (!theCase || !escalation || escalation.body.actieoverlegRef) return;
  const location = deps.directory.location(theCase.locationId);
  const channel = await loadChannelSummary(deps, 'actieoverleg', theCase);
  if (!location || !channel) return;
  // The Actieoverleg channel (required configuration) gets the minimal summary; invitees open the card personally.
  const card = buildChannelCard(channel.summary, channel.refreshUserIds, deps.clock.now());
  const ref = await outbound.postCardToChannel(location.actieoverlegChannelId, card, { idempotencyKey: `actieoverleg:${job.caseId}` });
  await changeEscalation(deps, job.caseId, (e) => ({ ...e, actieoverlegRef: ref }));
  if (ref.maybeDuplicate) await noteMaybeDuplicate(deps, outbound, job.caseId, ref);
  await auditEscalationChange(deps, job.caseId, 'actieoverleg.posted', 'bot');
  deps.log.info({ caseId: job.caseId, activityId: ref.activityId }, 'Actieoverleg card posted');
  await requestCardRefresh(deps, job.caseId);
}

export async function refreshActieoverlegJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const escalation = await deps.repo.getEscalation(job.caseId);
  const ref = escalation?.body.actieoverlegRef;
  if (!theCase || !ref) return; // not posted yet: the post renders the newest state
  const channel = await loadChannelSummary(deps, 'actieoverleg', theCase);
  if (channel) await outbound.updateCard(ref, buildChannelCard(channel.summary, channel.refreshUserIds, deps.clock.now()));
}

/** "Wie heeft er nog buikpijn?" — remind the thread which organisations have not voted in the round. */
export async function missingVotesJob(deps: AppDeps, outbound: Outbound, job: Job, stage: 'first' | 'deputy'): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const round = Number(job.payload.round);
  if (!theCase || theCase.status !== 'open' || theCase.round !== round || !isCurrentRoundOpen(theCase.rounds)) return;
  const location = deps.directory.location(theCase.locationId);
  const ref = await deps.repo.getCardRef(theCase.id);
  if (!location || !ref) return;
  const missing = missingOrgs(location.expectedOrgs, await deps.repo.listVotes(theCase.id), round);
  if (missing.length === 0) return;
  if (stage === 'first') {
    await outbound.replyInThread(ref, { text: nlMessages.reminders.missingVotes(orgList(missing), round) });
    return;
  }
  const mris = await deps.repo.getUserMris();
  const deputies = missing
    .map((org) => ({ org, aad: location.deputies[org] }))
    .filter((d): d is { org: typeof d.org; aad: string } => typeof d.aad === 'string');
  const mentions = deputies
    .map((d) => ({ ...d, mri: mris[d.aad] }))
    .filter((d) => d.mri)
    .map((d) => ({ label: nlMessages.reminders.deputyOf(nlCards.orgs[d.org]), mri: d.mri as string }));
  const text = [nlMessages.reminders.deputy(orgList(missing)), ...mentions.map((m) => `<at>${m.label}</at>`)].join(' ');
  await outbound.replyInThread(ref, { text, mentions });
}

export async function termijnReminderJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const ref = await deps.repo.getCardRef(job.caseId);
  if (!theCase || theCase.status !== 'open' || !ref) return;
  if (typeof job.payload.horizon === 'string') return horizonReminder(deps, outbound, job.caseId, ref, job.payload.horizon);
  // In verdieping the termijn no longer counts: the horizon has its own reminder (issue 14 item 1).
  if (!termijnReminderApplies((await deps.repo.cases.loadVerdieping(job.caseId)).phase?.body)) return;
  const minutes = Math.max(0, Math.round((Date.parse(theCase.deadline) - deps.clock.now().getTime()) / 60_000));
  await outbound.replyInThread(ref, { text: nlMessages.reminders.termijnSoon(amsterdamClock(theCase.deadline), minutes) });
  await requestCardRefresh(deps, job.caseId);
}

/**
 * The agenda of a location, in agenda order, for the reminder of a moment or the "agenda" command.
 * One indexed query for the location's open cases, then one partition read per open case.
 */
export async function buildAgenda(deps: AppDeps, location: Location, at?: string): Promise<AgendaView> {
  const rows = await deps.queries.agendaData(location.id, (c) => !at || c.reAgendaAt === at);
  const now = deps.clock.now();
  const items = rows.map((r) => {
    const link = caseLinkOf(r.cardRef);
    const facts = agendaFacts({
      theCase: r.theCase,
      votes: r.votes,
      escalated: r.escalation !== null,
      vtConsultation: r.vtConsultation,
      expectedOrgs: location.expectedOrgs,
    });
    // Verdieping (issue 14): the horizon replaces the termijn, with a violated measure and the open questions' age.
    const vd = agendaVerdiepingFacts(
      { infoRequests: r.verdieping.infoRequests.map((x) => x.body), measures: r.verdieping.measures.map((x) => x.body) },
      now.toISOString(),
    );
    return { ...agendaEntry(facts, r.verdieping.phase?.body, vd), ...vd, ...(link ? { caseLink: link } : {}) };
  });
  return { location, ...(at ? { at } : {}), items: orderAgendaByNextMoment(items), now };
}

export async function agendaReminderJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const location = deps.directory.location(String(job.payload.locationId));
  const at = String(job.payload.at);
  if (!location) return;
  const agenda = await buildAgenda(deps, location, at);
  if (agenda.items.length === 0) return; // every case on it was closed or moved meanwhile
  await outbound.postCardToChannel(location.channelId, buildAgendaCard(agenda), { idempotencyKey: `agenda:${location.id}:${at}` });
}

export async function escalationCheckJob(deps: AppDeps, job: Job): Promise<void> {
  await evaluateEscalation(deps, job.caseId);
}

import { MAX_BRINGS, MAX_PLACE } from '../domain/aftercare/meeting';
import { aoOvjDecisionElements } from './after-decision';
import type { EscalationRecord } from '../domain/escalation-record';
import { amsterdamShort } from '../domain/local-time';
import type { PartnerOrg } from '../domain/orgs';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlCards as t } from '../i18n/nl/cards';
import { AFTERCARE_INPUTS, AFTERCARE_VERBS } from './aftercare-verbs';
import { aoOutcomeElements, aoOutcomeModel } from './ao-outcome';
import { renderPart } from './parts';
import { plainTruncate } from './text';
import type { AdaptiveCard, CardElement } from './types';
import type { ActieoverlegCardView } from './view';

const m = nlAftercare.meeting;
const x = nlAftercare.meetingExtra;

/** The view model bound to cards/parts/ao-meeting.json. */
export interface AoMeetingModel {
  data: { caseId: string };
  heading: string;
  moment: string | null;
  none: string | null;
  prepared: { text: string }[];
  notPrepared: string | null;
  youArePrepared: string | null;
  join: { title: string; url: string } | null;
  prepareForm: { title: string; label: string; value: string | null; max: number; submit: string } | null;
  setForm: {
    title: string;
    dateLabel: string;
    datePlaceholder: string;
    date: string | null;
    timeLabel: string;
    timePlaceholder: string;
    time: string | null;
    placeLabel: string;
    place: string | null;
    placeMax: number;
    linkLabel: string;
    link: string | null;
    submit: string;
  } | null;
  inputs: typeof AFTERCARE_INPUTS;
  verbs: typeof AFTERCARE_VERBS;
}

/**
 * The meeting on the Actieoverleg card, right under the title: when and where, who is voorbereid
 * (organisations and what they bring), the Teams link, "Voorbereid melden" for an invited partner
 * before the moment, and "Moment vastleggen" for the casusverantwoordelijke's organisation.
 */
export function aoMeetingModel(args: {
  caseId: string;
  escalation: EscalationRecord;
  viewerOrg: PartnerOrg | undefined;
  open: boolean;
  now: Date;
  /** A crowded card: what partners bring is cut shorter. */
  compact?: boolean;
}): AoMeetingModel {
  const e = args.escalation;
  const meeting = e.meeting;
  const before = meeting ? args.now.getTime() < Date.parse(meeting.at) : false;
  const viewerPrep = meeting?.preparations.find((p) => p.orgId === args.viewerOrg);
  const invited = !!meeting && !!args.viewerOrg && meeting.invitees.includes(args.viewerOrg);
  const missing = meeting ? meeting.invitees.filter((o) => !meeting.preparations.some((p) => p.orgId === o)) : [];
  const isOwnerOrg = !!args.viewerOrg && e.caseOwner?.orgId === args.viewerOrg;
  return {
    data: { caseId: args.caseId },
    heading: meeting ? `${x.heading} · ${m.prepared(meeting.preparations.length, meeting.invitees.length)}` : x.heading,
    moment: meeting ? `📅 ${m.moment(amsterdamShort(meeting.at), x.where(meeting.place, !!meeting.teamsLink))}` : null,
    none: meeting ? null : x.none,
    prepared: (meeting?.preparations ?? []).map((p) => ({
      text: x.preparedLine(t.orgs[p.orgId], plainTruncate(p.brings, args.compact ? 60 : 200)),
    })),
    notPrepared: meeting && missing.length > 0 ? x.notPreparedLine(missing.map((o) => t.orgs[o]).join(', ')) : null,
    youArePrepared: viewerPrep && before ? x.youArePrepared : null,
    join: meeting?.teamsLink ? { title: x.joinTeams, url: meeting.teamsLink } : null,
    prepareForm:
      args.open && invited && before
        ? { title: x.prepareTitle, label: x.bringsLabel, value: viewerPrep?.brings || null, max: MAX_BRINGS, submit: x.prepareSubmit }
        : null,
    setForm:
      args.open && isOwnerOrg
        ? {
            title: meeting ? x.moveTitle : x.setTitle,
            dateLabel: x.dateLabel,
            datePlaceholder: x.datePlaceholder,
            date: meeting?.localDate ?? null,
            timeLabel: x.timeLabel,
            timePlaceholder: x.timePlaceholder,
            time: meeting?.localTime ?? null,
            placeLabel: x.placeLabel,
            place: meeting?.place ?? null,
            placeMax: MAX_PLACE,
            linkLabel: x.linkLabel,
            link: meeting?.teamsLink ?? null,
            submit: x.save,
          }
        : null,
    inputs: AFTERCARE_INPUTS,
    verbs: AFTERCARE_VERBS,
  };
}

export function aoMeetingElements(model: AoMeetingModel): CardElement[] {
  return renderPart('ao-meeting', model);
}

/**
 * The card with the meeting part spliced in right after its primary actions ("Ik word
 * casusverantwoordelijke", "Naar de zaak"): the layout rule puts status, danger and the primary action
 * first (docs/cards.md). Without those actions, right after the title (the large TextBlock near the top).
 */
export function withMeetingPart(card: AdaptiveCard, elements: CardElement[]): AdaptiveCard {
  const body = card.body ?? [];
  type El = { type?: unknown; size?: unknown; actions?: { type?: unknown }[] } | null;
  const primaryAt = body.findIndex(
    (el) => (el as El)?.type === 'ActionSet' && !((el as El)?.actions ?? []).some((a) => a.type === 'Action.ToggleVisibility'),
  );
  const titleAt = body.findIndex((el) => (el as El)?.size === 'large');
  const at = primaryAt >= 0 ? primaryAt + 1 : titleAt >= 0 ? titleAt + 1 : Math.min(body.length, 2);
  return { ...card, body: [...body.slice(0, at), ...elements, ...body.slice(at)] };
}

/** The meeting part of the Actieoverleg card for this viewer (the form only while the case is open). */
export function aoMeetingElementsFor(view: ActieoverlegCardView, compact = false): CardElement[] {
  const args = {
    caseId: view.case.id,
    escalation: view.escalation,
    viewerOrg: view.viewerOrg,
    open: view.case.status === 'open',
    now: view.now,
  };
  // Once recorded, the outcome is what the card is for: it comes before the (past) meeting. An OvJ
  // decision that came before (or since) stands above both (issue 15).
  return [
    ...aoOvjDecisionElements(view.ovjDecision, view.escalation.at, view.now, compact),
    ...aoOutcomeElements(aoOutcomeModel({ ...args, compact })),
    ...aoMeetingElements(aoMeetingModel({ ...args, compact })),
  ];
}

import type { AppDeps } from '../app/deps';
import {
  confirmReading,
  enterVerdieping,
  moveHorizon,
  proposeReading,
  setInvolvement,
  setSafetyPlanEntry,
  type HorizonOutcome,
  type ReadingOutcome,
} from '../app/verdieping/reading-commands';
import type { VerdiepingOutcome } from '../app/verdieping/reading-command';
import {
  confirmReadingDataSchema,
  horizonDataSchema,
  involvementDataSchema,
  proposeReadingDataSchema,
  safetyDataSchema,
  vdInput,
  VD_VERBS,
  VD_VIEW_VERB,
} from '../cards/verdieping-inputs';
import { caseActionDataSchema } from '../cards/verbs';
import { buildVerdiepingCard } from '../cards/verdieping-view-card';
import { viewCase } from '../views/case-view';
import { dutchError } from './errors-nl';
import { answerInvoke } from './invoke-response';
import { amsterdamShort } from '../domain/local-time';
import { nlVerdiepingReading } from '../i18n/nl';
import { cardVerb, type CardVerb } from './card-verbs';

const ok = nlVerdiepingReading.ok;
/** The confirmation, or "nothing changed" for a re-delivered or repeated click. */
const said =
  <T>(text: (v: T) => string) =>
  (o: VerdiepingOutcome<T>): string =>
    o.changed ? text(o.value) : ok.unchanged;

/**
 * The verbs of the shared reading in verdieping (issue 14 items 1, 2, 3, 6): rows of the card-verb
 * table (src/teams/card-verbs.ts). Each answers with the actor's case card, the confirmation or the
 * Dutch reason on top, and what they typed kept on a refusal of the duiding.
 */
export function verdiepingReadingVerbs(deps: AppDeps): CardVerb[] {
  return [
    // The read-only verdieping view (the forms of verdieping, off the case card): audited as a case view.
    cardVerb({
      verb: VD_VIEW_VERB,
      schema: caseActionDataSchema,
      command: (d, actor) => viewCase(deps, d.caseId, actor.aadObjectId),
      answer: { kind: 'direct', respond: (context, r) => answerInvoke(context, r.ok ? buildVerdiepingCard(r.value) : dutchError(r.error)) },
    }),
    cardVerb({
      verb: VD_VERBS.enter,
      schema: horizonDataSchema,
      command: (d, actor) => enterVerdieping(deps, { caseId: d.caseId, aadObjectId: actor.aadObjectId, input: vdInput.horizon(d) }),
      answer: { kind: 'case', okText: said<HorizonOutcome>((v) => ok.entered(amsterdamShort(v.at))) },
    }),
    cardVerb({
      verb: VD_VERBS.moveHorizon,
      schema: horizonDataSchema,
      command: (d, actor) => moveHorizon(deps, { caseId: d.caseId, aadObjectId: actor.aadObjectId, input: vdInput.horizon(d) }),
      answer: { kind: 'case', okText: said<HorizonOutcome>((v) => ok.moved(amsterdamShort(v.at))) },
    }),
    cardVerb({
      verb: VD_VERBS.proposeReading,
      schema: proposeReadingDataSchema,
      command: (d, actor) => proposeReading(deps, { caseId: d.caseId, aadObjectId: actor.aadObjectId, input: vdInput.reading(d) }),
      answer: {
        kind: 'case',
        okText: said<ReadingOutcome>((v) => ok.proposed(v.version)),
      },
    }),
    cardVerb({
      verb: VD_VERBS.confirmReading,
      schema: confirmReadingDataSchema,
      command: (d, actor) => confirmReading(deps, { caseId: d.caseId, aadObjectId: actor.aadObjectId, input: vdInput.confirm(d) }),
      answer: { kind: 'case', okText: said<ReadingOutcome>((v) => ok.confirmed(v.version)) },
    }),
    cardVerb({
      verb: VD_VERBS.setSafety,
      schema: safetyDataSchema,
      command: (d, actor) => setSafetyPlanEntry(deps, { caseId: d.caseId, aadObjectId: actor.aadObjectId, input: vdInput.safety(d) }),
      answer: { kind: 'case', okText: said(() => ok.safetySet) },
    }),
    cardVerb({
      verb: VD_VERBS.setInvolvement,
      schema: involvementDataSchema,
      command: (d, actor) => setInvolvement(deps, { caseId: d.caseId, aadObjectId: actor.aadObjectId, input: vdInput.involvement(d) }),
      answer: { kind: 'case', okText: said(() => ok.involvementSet) },
    }),
  ];
}

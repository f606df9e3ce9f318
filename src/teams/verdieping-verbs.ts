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
  type VerdiepingOutcome,
} from '../app/verdieping/reading-commands';
import {
  confirmReadingDataSchema,
  horizonDataSchema,
  involvementDataSchema,
  proposeReadingDataSchema,
  safetyDataSchema,
  draftOf,
  piiConfirmed,
  vdInput,
  VD_INPUTS,
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
import { verdiepingFormVerb } from './verdieping-form-verb';

const ok = nlVerdiepingReading.ok;
/** The confirmation, or "nothing changed" for a re-delivered or repeated click. */
const said =
  <T>(text: (v: T) => string) =>
  (o: VerdiepingOutcome<T>): string =>
    o.changed ? text(o.value) : ok.unchanged;
/** The answer is the case as the command's one commit left it. */
const after = <T>(o: VerdiepingOutcome<T>) => o.after;
/** A refused form with a need-to-know toggle keeps what was typed and the toggle ('false' before it was shown). */
const draftWithToggle = (toggle: string) => (d: Record<string, string | undefined>) => ({ ...draftOf(d), [toggle]: d[toggle] ?? 'false' });

/**
 * The verbs of the shared reading in verdieping (issue 14 items 1, 2, 3, 6): rows of the card-verb
 * table (src/teams/card-verbs.ts). Each answers with the actor's case card, the confirmation or the
 * Dutch reason on top; a refused form answers with the verdieping view and what was typed in it.
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
    verdiepingFormVerb({
      verb: VD_VERBS.enter,
      schema: horizonDataSchema,
      command: (d, aad) => enterVerdieping(deps, { answerView: 'action', caseId: d.caseId, aadObjectId: aad, input: vdInput.horizon(d) }),
      okText: said<HorizonOutcome>((v) => ok.entered(amsterdamShort(v.at))),
      draft: draftOf,
      snapshot: after,
    }),
    verdiepingFormVerb({
      verb: VD_VERBS.moveHorizon,
      schema: horizonDataSchema,
      command: (d, aad) => moveHorizon(deps, { answerView: 'action', caseId: d.caseId, aadObjectId: aad, input: vdInput.horizon(d) }),
      okText: said<HorizonOutcome>((v) => ok.moved(amsterdamShort(v.at))),
      draft: draftOf,
      snapshot: after,
    }),
    verdiepingFormVerb({
      verb: VD_VERBS.proposeReading,
      schema: proposeReadingDataSchema,
      command: (d, aad) =>
        proposeReading(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: aad,
          input: vdInput.reading(d),
          piiConfirm: piiConfirmed(d[VD_INPUTS.readingPiiConfirm]),
        }),
      okText: said<ReadingOutcome>((v) => ok.proposed(v.version)),
      snapshot: after,
      draft: draftWithToggle(VD_INPUTS.readingPiiConfirm),
    }),
    cardVerb({
      verb: VD_VERBS.confirmReading,
      schema: confirmReadingDataSchema,
      command: (d, actor) =>
        confirmReading(deps, { answerView: 'action', caseId: d.caseId, aadObjectId: actor.aadObjectId, input: vdInput.confirm(d) }),
      answer: { kind: 'case', okText: said<ReadingOutcome>((v) => ok.confirmed(v.version)), snapshot: after },
    }),
    verdiepingFormVerb({
      verb: VD_VERBS.setSafety,
      schema: safetyDataSchema,
      command: (d, aad) =>
        setSafetyPlanEntry(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: aad,
          input: vdInput.safety(d),
          piiConfirm: piiConfirmed(d[VD_INPUTS.safetyPiiConfirm]),
        }),
      okText: said(() => ok.safetySet),
      snapshot: after,
      draft: draftWithToggle(VD_INPUTS.safetyPiiConfirm),
    }),
    verdiepingFormVerb({
      verb: VD_VERBS.setInvolvement,
      schema: involvementDataSchema,
      command: (d, aad) =>
        setInvolvement(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: aad,
          input: vdInput.involvement(d),
          piiConfirm: piiConfirmed(d[VD_INPUTS.involvementPiiConfirm]),
        }),
      okText: said(() => ok.involvementSet),
      snapshot: after,
      draft: draftWithToggle(VD_INPUTS.involvementPiiConfirm),
    }),
  ];
}

import { buildAdviceEditDialog } from '../../../src/cards/advice-edit-dialog';
import { buildCaseCard, CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { buildDetailsCard, DETAILS_CARD_LIMITS } from '../../../src/cards/details-card';
import { adviceEditDataSchema, adviceEditDialogSubmitSchema, caseActionDataSchema, DIALOGS, INPUTS, VERBS } from '../../../src/cards/verbs';
import { nlDialogsInline } from '../../../src/i18n/nl/dialogs-inline';
import { adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { largeView, sampleCase, typicalView } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { ofType, texts, utf16Bytes, type Node } from './walk';

/** Issue 12, item 4: the dialogs' content and forms in the message itself, for clients that cannot open a dialog. */
const caseId = sampleCase().id;
const executes = (card: unknown) => ofType(card, 'Action.Execute');
const details = (card: { body: unknown[] }): Node[] =>
  (ofType(card.body, 'Container').find((c) => c.id === 'details')?.items ?? []) as Node[];

describe('"Alle details hier tonen" on the case card', () => {
  it('is the last thing behind "Meer tonen" on a typical card, with its hint', () => {
    const items = details(buildCaseCard(typicalView()));
    const last = items.at(-1) as Node;
    expect(last.type).toBe('ActionSet');
    expect(last.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        title: nlDialogsInline.details.hereButton,
        verb: VERBS.detailsHere,
        data: { caseId },
      }),
    ]);
    expect(caseActionDataSchema.safeParse((last.actions as Node[])[0]?.data).success).toBe(true);
    expect(texts(items)).toContain(nlDialogsInline.details.hereHint);
  });

  it('gives way to a contribution where the size limit leaves no room (the largest case)', () => {
    // Fewer refresh users shift the room left after the contributions by ~180 bytes a step: on some
    // of these crowded cards the button fits, on others it gives way; a contribution is on every one.
    const large = largeView();
    const cards = Array.from({ length: 12 }, (_, n) => buildCaseCard({ ...large, refreshUserIds: large.refreshUserIds.slice(0, 60 - n) }));
    for (const card of cards) {
      expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
      expect(texts(card).filter((x) => x.startsWith('Bijdrage ')).length).toBeGreaterThan(0);
    }
    const here = cards.map((card) => executes(card).some((a) => a.verb === VERBS.detailsHere));
    expect(here).toContain(false);
    expect(here).toContain(true);
  });

  it('stays on a closed case (it only reads)', () => {
    const card = buildCaseCard(typicalView({ case: sampleCase({ status: 'closed' }) }));
    expect(executes(card).map((a) => a.verb)).toContain(VERBS.detailsHere);
  });
});

describe('the Details view in the message', () => {
  it('is the dialog with "Terug naar de zaak", within the case card limit on the largest case', () => {
    const here = buildDetailsCard(largeView(), { here: { maxBytes: CASE_CARD_LIMITS.maxBytes } });
    const dialog = buildDetailsCard(largeView());
    expect(adaptiveCardProblems(here)).toEqual([]);
    expect(utf16Bytes(here)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    // The large case does not fit whole: the dialog is larger, the message version keeps to its limit.
    expect(utf16Bytes(dialog)).toBeGreaterThan(CASE_CARD_LIMITS.maxBytes);
    expect(utf16Bytes(dialog)).toBeLessThanOrEqual(DETAILS_CARD_LIMITS.maxBytes);
    expect(here.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', title: nlDialogsInline.backToCase, verb: VERBS.open, data: { caseId } }),
    ]);
    expect(dialog.actions).toBeUndefined();
    // What it leaves out it counts, as the dialog does.
    expect(texts(here).some((x) => /oudere|eerdere/i.test(x))).toBe(true);
  });

  it('shows the same as the dialog when the case fits', () => {
    const view = typicalView();
    const { actions: _a, ...here } = buildDetailsCard(view, { here: { maxBytes: CASE_CARD_LIMITS.maxBytes } });
    void _a;
    expect(here).toEqual(buildDetailsCard(view));
  });
});

describe('"Hier aanpassen": the advice form in the message', () => {
  const concept = (over = {}) => typicalView({ advice: adviceRecord('draft'), palette: PALETTE, ...over });

  it('sits beside the dialog button on the leanest card only', () => {
    const lean = largeView();
    const leanCard = buildCaseCard({ ...lean, advice: adviceRecord('draft'), palette: PALETTE });
    const here = executes(leanCard).find((a) => a.verb === VERBS.editAdviceHere);
    expect(here).toMatchObject({ title: nlDialogsInline.editAdvice.hereButton, data: { caseId } });
    expect(ofType(leanCard, 'Action.Submit').some((s) => (s.data as Node).dialog === DIALOGS.editAdvice)).toBe(true);
    // The fuller cards carry the form itself.
    expect(executes(buildCaseCard(concept())).some((a) => a.verb === VERBS.editAdviceHere)).toBe(false);
    expect(executes(buildCaseCard(concept())).some((a) => a.verb === VERBS.editAdvice)).toBe(true);
  });

  it("is the dialog's form with an Action.Execute submit; both submits parse with the shared input schema", () => {
    const view = { case: sampleCase(), palette: PALETTE, advice: adviceRecord('draft'), draft: undefined };
    const here = buildAdviceEditDialog(view, { here: true });
    const dialog = buildAdviceEditDialog(view);
    if (!here || !dialog) throw new Error('no form');
    expect(adaptiveCardProblems(here)).toEqual([]);
    expect(here.body).toEqual(dialog.body);
    const inputs = {
      [INPUTS.adviceSummary]: 'Nieuw advies',
      [INPUTS.adviceInterventions]: 'huisverbod',
      [INPUTS.advicePiiConfirm]: 'false',
    };
    const submit = executes(here).find((a) => a.verb === VERBS.editAdvice) as Node;
    expect(submit.associatedInputs).toBe('auto');
    const inline = adviceEditDataSchema.parse({ ...(submit.data as object), ...inputs });
    const viaDialog = adviceEditDialogSubmitSchema.parse({ ...(ofType(dialog, 'Action.Submit')[0]?.data as object), ...inputs });
    expect(inline).toEqual(expect.objectContaining({ caseId, [INPUTS.adviceSummary]: 'Nieuw advies' }));
    expect({ ...viaDialog, dialog: undefined }).toEqual({ ...inline, dialog: undefined });
    expect(executes(here).find((a) => a.title === nlDialogsInline.backToCase)).toMatchObject({ verb: VERBS.open, data: { caseId } });
  });
});

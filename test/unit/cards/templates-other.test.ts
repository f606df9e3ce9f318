import { buildActieoverlegCard } from '../../../src/cards/actieoverleg-card';
import { buildAdviceCard } from '../../../src/cards/advice-card';
import { buildAdviceEditDialog } from '../../../src/cards/advice-edit-dialog';
import { buildEraseConfirmCard } from '../../../src/cards/erase-confirm-card';
import { buildNewCaseCard } from '../../../src/cards/new-case-card';
import { buildNewCasePromptCard } from '../../../src/cards/new-case-prompt';
import { templateJson } from '../../../src/cards/template';
import type { AdaptiveCard } from '../../../src/cards/types';
import { buildVtConsultationCard } from '../../../src/cards/vt-consultation-card';
import { buildVtMorningSummaryCard } from '../../../src/cards/vt-summary-card';
import { adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { actieoverlegView, largeActieoverlegView, NOW, sampleCase, sampleEscalation, sampleLocation } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { nodes, ofType } from './walk';
import { summaryView, vtConsultationView } from './vt-fixtures';

/**
 * The templates of the VT, Actieoverleg and advice cards and of the new-case and advice-editor
 * dialogs: each opens as an Adaptive Card on its own (the Designer), and each state binds every
 * `${…}` (an unbound expression would show as text) into a valid 1.5 card.
 */
const TEMPLATES: ['cards' | 'dialogs', string][] = [
  ['cards', 'vt-consultation'],
  ['cards', 'vt-summary'],
  ['cards', 'actieoverleg'],
  ['cards', 'advice'],
  ['dialogs', 'new-case'],
  ['dialogs', 'advice-edit'],
  ['dialogs', 'advice-details-page'],
  ['cards', 'new-case-prompt'],
  ['cards', 'erase-confirm'],
];

const advice = (status: 'draft' | 'sent' | 'decided', extra: object = {}) =>
  buildAdviceCard({ case: sampleCase(), location: sampleLocation(), advice: adviceRecord(status), palette: PALETTE, now: NOW, ...extra });

const STATES: [string, () => AdaptiveCard | undefined][] = [
  ['vt-consultation: asked', () => buildVtConsultationCard(vtConsultationView())],
  ['vt-consultation: closed case', () => buildVtConsultationCard(vtConsultationView({ case: sampleCase({ status: 'closed' }) }))],
  ['vt-summary: typical', () => buildVtMorningSummaryCard(summaryView())],
  ['vt-summary: empty', () => buildVtMorningSummaryCard(summaryView({ items: [] }))],
  ['actieoverleg: typical', () => buildActieoverlegCard(actieoverlegView())],
  ['actieoverleg: large, chair', () => buildActieoverlegCard(largeActieoverlegView())],
  [
    'actieoverleg: no reasons, owner',
    () =>
      buildActieoverlegCard(
        actieoverlegView({
          escalation: sampleEscalation({ reasons: [], caseOwner: { orgId: 'om', aadObjectId: 'aad-x', at: NOW.toISOString() } }),
          caseLink: undefined,
        }),
      ),
  ],
  ['advice: concept', () => advice('draft')],
  ['advice: sent', () => advice('sent', { viewerMayDecide: true })],
  ['advice: decided', () => advice('decided')],
  ['advice: details dialog', () => advice('sent', { expanded: true })],
  ['new-case: empty', () => buildNewCaseCard({ locations: [{ id: 'a', name: 'ZSM A' }] })],
  [
    'new-case: error and values',
    () => buildNewCaseCard({ locations: [{ id: 'a', name: 'ZSM A' }], error: 'Kies een delict.', values: { summary: '${x}' } }),
  ],
  [
    'new-case-prompt: one location',
    () => buildNewCasePromptCard({ locations: [{ id: 'a', name: 'ZSM A' }], inlineVerb: 'newCase.inline' }),
  ],
  [
    'new-case-prompt: error and values again',
    () =>
      buildNewCasePromptCard({
        locations: [
          { id: 'a', name: 'ZSM A' },
          { id: 'b', name: 'ZSM B' },
        ],
        inlineVerb: 'newCase.inline',
        error: 'Kies een delict.',
        values: { summary: '${x}' },
      }),
  ],
  ['erase-confirm', () => buildEraseConfirmCard({ caseId: 'a'.repeat(24), shown: 'Zaak 20d9d8a4', verb: 'privacy.erase' })],
  [
    'advice-edit: in the message (no dialog)',
    () => buildAdviceEditDialog({ case: sampleCase(), palette: PALETTE, advice: adviceRecord('draft'), draft: undefined }, { here: true }),
  ],
  ['advice-edit', () => buildAdviceEditDialog({ case: sampleCase(), palette: PALETTE, advice: adviceRecord('draft'), draft: undefined })],
];

describe('templates in cards/ and dialogs/ (VT, Actieoverleg, advice, new case, advice editor)', () => {
  it.each(TEMPLATES)('%s/%s.json is an Adaptive Card 1.5 template', (folder, name) => {
    const json = templateJson(folder, name) as { type?: string; version?: string; body?: unknown[] };
    expect([json.type, json.version, Array.isArray(json.body)]).toEqual(['AdaptiveCard', '1.5', true]);
    // No Dutch text in the template: every user-facing string comes from src/i18n/nl through the model.
    const literal = nodes(json)
      .flatMap((n) => ['text', 'title', 'label', 'placeholder', 'errorMessage'].map((k) => n[k]))
      .filter((v): v is string => typeof v === 'string' && !/^(⚠ )?\$\{[^}]+\}$/.test(v));
    expect(literal).toEqual([]);
  });

  it.each(STATES)('%s: every expression bound, valid, no yellow text', (_name, build) => {
    const card = build() as AdaptiveCard;
    const unbound = nodes(card).flatMap((n) => Object.entries(n).filter(([, v]) => typeof v === 'string' && /\$\{(?!x\})/.test(v)));
    expect(unbound).toEqual([]);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(ofType(card, 'TextBlock').filter((b) => b.color === 'warning')).toEqual([]);
  });

  it.each(STATES)('%s: every input has a Dutch label, and every text input a placeholder or a value', (_name, build) => {
    const inputs = nodes(build()).filter((n) => String(n.type).startsWith('Input.'));
    for (const i of inputs) {
      expect([i.id, typeof (i.label ?? i.title)]).toEqual([i.id, 'string']);
      expect([i.id, String(i.label ?? i.title)]).not.toEqual([i.id, expect.stringMatching(/\b(Select|Enter|Type|the|date)\b/)]);
      if (i.type === 'Input.Text') expect([i.id, typeof (i.placeholder ?? i.value)]).toEqual([i.id, 'string']);
    }
  });

  it('binding does not evaluate what a user typed ("${x}" stays as typed)', () => {
    const card = buildNewCaseCard({ locations: [{ id: 'a', name: 'ZSM A' }], values: { summary: '${x}' } });
    expect(nodes(card).find((n) => n.id === 'summary')?.value).toBe('${x}');
  });
});

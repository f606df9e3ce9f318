import {
  actionInputSchema,
  actionVerdictInputSchema,
  caseLeadHandOverInputSchema,
  closeDespiteConcernInputSchema,
  concreteQuestionInputSchema,
  reAgendaInputSchema,
} from '../../../../src/domain/rounds/inputs';
import type { ZodTypeAny } from 'zod';

const valid: [string, ZodTypeAny, Record<string, unknown>][] = [
  ['action', actionInputSchema, { what: 'Huisbezoek', orgId: 'politie', dueAt: '2026-03-02T12:00:00+01:00' }],
  ['verdict', actionVerdictInputSchema, { actionId: 'a1', verdict: 'not_carried_out', note: 'geen contact' }],
  ['close despite concern', closeDespiteConcernInputSchema, { reason: 'OvJ besluit: dagvaarding, VT volgt' }],
  ['re-agenda', reAgendaInputSchema, { at: '2026-03-03T09:00:00Z' }],
  ['hand-over', caseLeadHandOverInputSchema, { to: 'rvdk' }],
  ['concrete question', concreteQuestionInputSchema, { question: 'Vervolging, ja of nee?' }],
];

describe('user inputs for rounds', () => {
  it.each(valid)('accepts a valid %s', (_label, schema, input) => {
    expect(schema.safeParse(input).success).toBe(true);
  });

  it.each(valid)('rejects an unknown field in %s (strict)', (_label, schema, input) => {
    expect(schema.safeParse({ ...input, orgOverride: 'om' }).success).toBe(false);
  });

  it.each([
    ['action without a time zone', actionInputSchema, { what: 'Huisbezoek', orgId: 'politie', dueAt: '2026-03-02 12:00' }],
    ['action for an unknown organisation', actionInputSchema, { what: 'Huisbezoek', orgId: 'ggz', dueAt: '2026-03-02T12:00:00Z' }],
    ['blank action', actionInputSchema, { what: '   ', orgId: 'vt', dueAt: '2026-03-02T12:00:00Z' }],
    ['verdict "open"', actionVerdictInputSchema, { actionId: 'a1', verdict: 'open' }],
    ['reason of 19 characters', closeDespiteConcernInputSchema, { reason: 'x'.repeat(19) }],
    ['padded short reason', closeDespiteConcernInputSchema, { reason: `   ${'x'.repeat(19)}   ` }],
    ['re-agenda without time', reAgendaInputSchema, {}],
    ['hand-over to nobody', caseLeadHandOverInputSchema, { to: '' }],
  ])('rejects %s', (_label, schema, input) => {
    expect(schema.safeParse(input).success).toBe(false);
  });
});

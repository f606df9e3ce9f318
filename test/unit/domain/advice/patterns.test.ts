import { composeAdvice } from '../../../../src/domain/advice/compose';
import { findPatterns, type PatternInput } from '../../../../src/domain/advice/patterns';
import { adviceCase, adviceInput, CASE_ID, contrib, vote } from './fixtures';

const base = (overrides: Partial<PatternInput> = {}): PatternInput => ({
  case: adviceCase({
    kmFlag: false,
    facts: { ...adviceCase().facts, childrenInvolved: false, childAges: [], summary: 'Ruzie in woning.' },
  }),
  contributions: [],
  votes: [],
  earlierCases: [],
  ...overrides,
});
const kinds = (input: PatternInput) => findPatterns(input).map((p) => `${p.kind}:${p.detail}`);

describe('findPatterns: oude bekenden', () => {
  it('counts the earlier cases of the same persons, with each case as a source (oldest first)', () => {
    const patterns = findPatterns(
      base({
        earlierCases: [
          { caseId: 'earlier-b', intakeAt: '2025-06-01T10:00:00.000Z', sharedPseudonyms: 1 },
          { caseId: 'earlier-a', intakeAt: '2024-01-01T10:00:00.000Z', sharedPseudonyms: 2 },
          { caseId: 'earlier-b', intakeAt: '2025-06-01T10:00:00.000Z', sharedPseudonyms: 1 }, // repeat
          { caseId: CASE_ID, intakeAt: '2026-11-23T19:15:00.000Z', sharedPseudonyms: 2 }, // this case
          { caseId: 'later', intakeAt: '2027-01-01T10:00:00.000Z', sharedPseudonyms: 1 }, // not earlier
          { caseId: 'nobody-shared', intakeAt: '2023-01-01T10:00:00.000Z', sharedPseudonyms: 0 },
        ],
      }),
    );
    expect(patterns).toEqual([
      {
        kind: 'returning',
        detail: '2 eerdere zaken met dezelfde personen',
        sources: [
          { kind: 'earlier_case', id: 'earlier-a', at: '2024-01-01T10:00:00.000Z' },
          { kind: 'earlier_case', id: 'earlier-b', at: '2025-06-01T10:00:00.000Z' },
        ],
      },
    ]);
  });

  it('says "1 eerdere zaak" for one, and nothing without earlier cases', () => {
    expect(kinds(base({ earlierCases: [{ caseId: 'e1', intakeAt: '2025-01-01T00:00:00.000Z', sharedPseudonyms: 1 }] }))).toEqual([
      'returning:1 eerdere zaak met dezelfde personen',
    ]);
    expect(kinds(base())).toEqual([]);
  });
});

describe('findPatterns: from the intake', () => {
  it('marks children with their ages (oldest first) and a weapon, from the intake', () => {
    const c = adviceCase({ facts: { ...adviceCase().facts, childAges: [4, 13, 9], weaponMentioned: true, summary: 'Ruzie.' } });
    const patterns = findPatterns(base({ case: c }));
    expect(patterns.map((p) => [p.kind, p.detail, p.sources.map((s) => s.kind)])).toEqual([
      ['children', 'kinderen betrokken (13 jr, 9 jr, 4 jr)', ['intake']],
      ['weapon', 'wapen genoemd bij de melding', ['intake']],
    ]);
  });

  it('marks children without ages, and a stalking offence', () => {
    const c = adviceCase({ facts: { ...adviceCase().facts, childAges: [], offenceCategory: 'stalking', summary: 'Ruzie.' } });
    expect(kinds(base({ case: c }))).toEqual(['children:kinderen betrokken', 'stalking:delict: stalking']);
  });
});

describe('findPatterns: keywords in what the partners wrote', () => {
  it('finds stalking, dwingende controle and the risk instruments, each with the sources where they were found', () => {
    const patterns = findPatterns(
      base({
        contributions: [
          contrib(0, 'politie', { text: 'Ex-partner STALKT haar al maanden; SASH afgenomen.' }),
          contrib(1, 'vt', { text: 'Beeld van Dwingende  Controle.', needToKnow: 'MASIC-score bepaalt de aanpak van de veiligheid.' }),
          contrib(2, '3ro', { text: 'Geen bijzonderheden.' }),
        ],
        votes: [
          vote(1, 'vt', true, { reason: 'b-safer hoog; coercive control.' }),
          vote(2, 'rvdk', true, { reason: 'RiHG ingevuld, stalking bevestigd.' }),
        ],
      }),
    );
    const at = (kind: string, detail?: string) =>
      patterns
        .find((p) => p.kind === kind && (detail === undefined || p.detail === detail))
        ?.sources.map((s) => `${s.kind}:${s.id}:${s.orgId}`);
    expect(patterns.map((p) => `${p.kind}:${p.detail}`)).toEqual([
      'stalking:stalking genoemd',
      'coercive_control:dwingende controle genoemd',
      'risk_assessment:B-SAFER',
      'risk_assessment:SASH',
      'risk_assessment:RiHG',
      'risk_assessment:MASIC',
    ]);
    expect(at('stalking')).toEqual(['contribution:contrib-0:politie', 'vote:vote:2:rvdk:rvdk']);
    expect(at('coercive_control')).toEqual(['contribution:contrib-1:vt', 'vote:vote:1:vt:vt']);
    expect(at('risk_assessment', 'B-SAFER')).toEqual(['vote:vote:1:vt:vt']);
    expect(at('risk_assessment', 'SASH')).toEqual(['contribution:contrib-0:politie']);
    expect(at('risk_assessment', 'RiHG')).toEqual(['vote:vote:2:rvdk:rvdk']);
    expect(at('risk_assessment', 'MASIC')).toEqual(['contribution:contrib-1:vt']);
  });

  it('matches whole words only', () => {
    const patterns = findPatterns(
      base({ contributions: [contrib(0, 'politie', { text: 'Messing deurklink, sashimi gegeten, bsafery en rihgs, masicx.' })] }),
    );
    expect(patterns).toEqual([]);
  });

  it('finds a weapon in the texts and joins it with the intake', () => {
    const text = { text: 'Verdachte had een mes bij zich.' };
    expect(findPatterns(base({ contributions: [contrib(0, 'politie', text)] })).map((p) => [p.kind, p.detail])).toEqual([
      ['weapon', 'wapen genoemd in de contextinformatie'],
    ]);
    const c = adviceCase({ kmFlag: false, facts: { ...base().case.facts, weaponMentioned: true } });
    const both = findPatterns(base({ case: c, contributions: [contrib(0, 'politie', text)] }));
    expect(both.map((p) => [p.kind, p.detail, p.sources.map((s) => s.kind)])).toEqual([
      ['weapon', 'wapen genoemd bij de melding', ['intake', 'contribution']],
    ]);
  });

  it('searches the police summary too, with the intake as source', () => {
    const c = adviceCase({ kmFlag: false, facts: { ...base().case.facts, summary: 'Buren melden stalking door ex.' } });
    expect(findPatterns(base({ case: c }))).toEqual([
      { kind: 'stalking', detail: 'stalking genoemd', sources: [{ kind: 'intake', id: CASE_ID, at: '2026-11-23T19:15:00.000Z' }] },
    ]);
  });

  it('lists a source once however often the word appears in it', () => {
    const patterns = findPatterns(
      base({ contributions: [contrib(0, 'vt', { text: 'stalking, stalking', needToKnow: 'Stalking is het patroon hier.' })] }),
    );
    expect(patterns[0]?.sources).toHaveLength(1);
  });
});

describe('patterns in the composed advice', () => {
  it('are part of the draft, in the fixed order', () => {
    const draft = composeAdvice(adviceInput());
    expect(draft.patterns.map((p) => `${p.kind}:${p.detail}`)).toEqual([
      'returning:1 eerdere zaak met dezelfde personen',
      'children:kinderen betrokken (13 jr, 9 jr)',
      'stalking:stalking genoemd',
      'coercive_control:dwingende controle genoemd',
      'risk_assessment:B-SAFER',
      'risk_assessment:SASH',
    ]);
  });
});

import { ADVICE_VERDIEPING_DENSITIES, adviceVerdiepingModels, shortModel } from '../../../src/cards/advice-verdieping';
import { renderPart } from '../../../src/cards/parts';
import { CARD_SCHEMA } from '../../../src/cards/types';
import type { PartSample } from './part-samples';
import { largeScenarioData, scenarioData } from './advice-verdieping-fixtures';
import { largeView, NOW, sampleCase } from './fixtures';

/** The verdieping parts of the advice (cards/parts/advice-*.json): the scenario, unconfirmed, and the stress case at its leanest. */
export function adviceVerdiepingPartSamples(): PartSample[] {
  const wrap = (name: string, part: string, model: object): PartSample => ({
    name,
    part,
    card: { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body: renderPart(part, model) },
  });
  const [full] = ADVICE_VERDIEPING_DENSITIES;
  const lean = ADVICE_VERDIEPING_DENSITIES[ADVICE_VERDIEPING_DENSITIES.length - 1];
  const theCase = sampleCase();
  const m = adviceVerdiepingModels(scenarioData(theCase), NOW, full);
  const data = scenarioData(theCase, { versions: 1, safetyFor: ['kind-1'] });
  const none = adviceVerdiepingModels(
    { ...data, docs: { ...data.docs, readings: data.docs.readings.map((r) => ({ ...r, body: { ...r.body, confirmed: undefined } })) } },
    NOW,
    full,
  );
  const samples: PartSample[] = [];
  const add = (name: string, part: string, model: object | null) => {
    if (!model) throw new Error(`no model for ${name}`);
    samples.push(wrap(name, part, model));
  };
  add('advice-reading: confirmed with a pending proposal', 'advice-reading', m.reading);
  add('advice-reading: none confirmed', 'advice-reading', none.reading);
  add('advice-safety-plan: a holder for everyone', 'advice-safety-plan', m.safetyPlan);
  add('advice-safety-plan: a child without a holder', 'advice-safety-plan', none.safetyPlan);
  add('advice-signals: violation, outcome, measure', 'advice-signals', m.signals);
  add('advice-questions: answered and open', 'advice-questions', m.questions);
  add('advice-missing: not spoken to', 'advice-missing', m.missing);
  add('advice-verdieping-short: the stress case', 'advice-verdieping-short', shortModel(largeScenarioData(largeView().case), lean));
  return samples;
}

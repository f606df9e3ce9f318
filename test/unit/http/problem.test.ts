import { caseIntakeSchema } from '../../../src/domain/case';
import { describeIssue } from '../../../src/http/problem';
import { sampleIntake } from '../../helpers/fixtures';

describe('problem details', () => {
  it('describe every issue without the submitted value', () => {
    const secretValue = 'Piet Pietersen 12-03-1980';
    const parsed = caseIntakeSchema.safeParse({
      ...sampleIntake(),
      offenceCategory: secretValue,
      custody: secretValue,
      summary: 5,
      externalId: secretValue,
    });
    expect(parsed.success).toBe(false);
    const problems = parsed.success ? [] : parsed.error.issues.map(describeIssue);
    expect(problems.map((p) => p.path).sort()).toEqual(['custody', 'externalId', 'offenceCategory', 'summary']);
    expect(JSON.stringify(problems)).not.toContain('Piet');
  });
});

import { concernPicture, voteId, voteInputSchema, type ConcernVote } from '../../../src/domain/vote';

const v = (orgId: ConcernVote['orgId'], round: number, concern: boolean, castAt: string): ConcernVote => ({
  id: voteId(round, orgId),
  caseId: 'c',
  round,
  orgId,
  concern,
  acuteUnsafe: false,
  voterId: 'x',
  castAt,
});

describe('buikpijn votes', () => {
  it('gives one deterministic id per organisation per round', () => {
    expect(voteId(2, 'vt')).toBe('vote:2:vt');
    expect(voteId(2, 'vt')).not.toBe(voteId(3, 'vt'));
  });

  it('needs a reason for buikpijn but not for geen buikpijn', () => {
    expect(voteInputSchema.safeParse({ concern: true }).success).toBe(false);
    expect(voteInputSchema.safeParse({ concern: true, reason: '  ' }).success).toBe(false);
    expect(voteInputSchema.safeParse({ concern: true, reason: 'kinderen in beeld' }).success).toBe(true);
    expect(voteInputSchema.safeParse({ concern: false }).success).toBe(true);
    expect(voteInputSchema.safeParse({ concern: false, acuteUnsafe: true }).success).toBe(false);
  });

  it('keeps the latest vote per organisation of the asked round', () => {
    const picture = concernPicture(
      [
        v('vt', 1, true, '2026-01-01T10:00:00Z'),
        v('vt', 1, false, '2026-01-01T10:05:00Z'),
        v('om', 1, true, '2026-01-01T10:01:00Z'),
        v('vt', 2, true, '2026-01-01T11:00:00Z'),
      ],
      1,
    );
    expect(picture.get('vt')?.concern).toBe(false);
    expect(picture.get('om')?.concern).toBe(true);
    expect(picture.size).toBe(2);
  });
});

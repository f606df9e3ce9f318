import type { z } from 'zod';
import type { ViewVia } from '../../domain/views';
import { fail, fieldsOf, type Result } from '../errors';

/** What a verdieping signal command (questions, instruments, measures) gets from its verb row. */
export interface SignalCommandArgs {
  caseId: string;
  aadObjectId: string | undefined;
  input: unknown;
  piiConfirm?: boolean;
  answerView?: ViewVia;
}

/** The runCaseCommand command of a signal verb. */
export const signalCommand = (a: SignalCommandArgs, attempted: string) => ({
  caseId: a.caseId,
  aadObjectId: a.aadObjectId,
  attempted,
  ...(a.answerView ? { answerView: a.answerView } : {}),
});

/** Invalid input is reported with the fields (English, no values). */
export const invalidInput = <T>(issues: z.ZodIssue[]): Result<T> => fail('invalid_input', fieldsOf(issues));

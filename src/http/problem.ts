import type { Response } from 'express';
import type { ZodIssue } from 'zod';

export interface FieldProblem {
  path: string;
  message: string;
}

/** RFC 7807 problem details. Messages never contain submitted values (they may be personal data). */
export function sendProblem(res: Response, status: number, code: string, title: string, errors?: FieldProblem[]): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `urn:zsm-hg-bot:problem:${code}`, title, status, ...(errors ? { errors } : {}) }));
}

/** Describe a zod issue by its rule only (zod's own messages can echo the received value). */
export function describeIssue(issue: ZodIssue): FieldProblem {
  const path = issue.path.join('.') || '(body)';
  switch (issue.code) {
    case 'invalid_type':
      return { path, message: issue.received === 'undefined' ? 'is required' : `must be of type ${issue.expected}` };
    case 'invalid_enum_value':
      return { path, message: `must be one of: ${issue.options.join(', ')}` };
    case 'invalid_literal':
      return { path, message: `must be ${JSON.stringify(issue.expected)}` };
    case 'unrecognized_keys':
      // Counted, never named: a field name can itself be personal data ("jan_jansen_1984").
      return { path, message: `${issue.keys.length} unknown field(s)` };
    case 'too_small':
      return {
        path,
        message:
          issue.type === 'array'
            ? `needs at least ${String(issue.minimum)} item(s)`
            : issue.type === 'string'
              ? `must have at least ${String(issue.minimum)} character(s)`
              : `must be at least ${String(issue.minimum)}`,
      };
    case 'too_big':
      return {
        path,
        message:
          issue.type === 'array'
            ? `allows at most ${String(issue.maximum)} item(s)`
            : issue.type === 'string'
              ? `must have at most ${String(issue.maximum)} character(s)`
              : `must be at most ${String(issue.maximum)}`,
      };
    case 'invalid_string':
      return { path, message: 'has an invalid format' };
    case 'invalid_union_discriminator':
      return { path, message: `must be one of: ${issue.options.map(String).join(', ')}` };
    default:
      return { path, message: 'is invalid' };
  }
}

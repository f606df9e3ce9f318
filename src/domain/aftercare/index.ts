export * from './meeting';
export * from './outcome';
export * from './repeat-escalation';
export * from './handover';
export * from './returning';
export * from './follow-up';
export * from './report';
export * from './report-row';

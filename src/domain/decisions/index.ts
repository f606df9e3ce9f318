export * from './types';
export * from './follow-up';
export * from './case-decisions';
export * from './course-decisions';

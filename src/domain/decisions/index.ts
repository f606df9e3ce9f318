export * from './types';
export * from './follow-up';
export * from './case-decisions';
export * from './vt-decisions';
export * from './advice-decisions';
export * from './course-decisions';
export * from './close-decisions';

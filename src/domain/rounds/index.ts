export * from './round';
export * from './escalation';
export * from './case-lifecycle';
export * from './termijn';
export * from './inputs';
export type { Instant } from './time';

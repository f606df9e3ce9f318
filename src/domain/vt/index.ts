/** VT (Veilig Thuis) on-call consultation outside office hours: config, office hours, on-call, consultation. */
export * from './config';
export * from './office-hours';
export { resolveOnCall, type OnCallResolution, type OnCallSource } from './on-call';
export * from './consultation';
export { vtHolidayOn, type DutchHoliday } from './holidays';
export { VT_ZONE, WEEKDAYS, type Instant } from './time';
export * from './record';

export * from './common';
export * from './config';
export * from './phase';
export * from './shared-reading';
export * from './safety-plan';
export * from './info-request';
export * from './safety-signals';
export * from './people';

export * from './schema.ts';
export * from './load.ts';
export * from './selectors.ts';
export * from './layers.ts';

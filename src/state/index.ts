export * from './url.ts';
export * from './store.ts';

import { describe, it, expect } from 'vitest';
import { classifyMapError, mapFailureText } from './start.ts';
import { ensureLang } from '../i18n/index.ts';

describe('map start failures', () => {
  it('sorts maplibre’s start-up errors into their causes', () => {
    expect(classifyMapError(new Error('Worker failed to load. Check that the worker URL is correct.'))).toEqual({ reason: 'worker', detail: 'Worker failed to load. Check that the worker URL is correct.' });
    expect(classifyMapError(new Error('Failed to initialize WebGL'))).toEqual({ reason: 'nowebgl' });
    expect(classifyMapError(new Error('sources.provinces: source is invalid'))).toMatchObject({ reason: 'style' });
    expect(classifyMapError('Invalid LngLat object: (NaN, NaN)')).toMatchObject({ reason: 'other', detail: 'Invalid LngLat object: (NaN, NaN)' });
    expect(classifyMapError({ status: 500 })).toMatchObject({ reason: 'other', detail: '{"status":500}' });
  });

  it('says the cause in both languages, not always "no WebGL"', async () => {
    await ensureLang('en');
    const worker = { reason: 'worker', detail: 'Worker failed to load' } as const;
    expect(mapFailureText('zh', worker)).toContain('Worker failed to load');
    expect(mapFailureText('en', worker)).toMatch(/background script did not start \(Worker failed to load\)/);
    expect(mapFailureText('en', { reason: 'nowebgl' })).toMatch(/WebGL/);
    expect(mapFailureText('zh', worker)).not.toBe(mapFailureText('zh', { reason: 'nowebgl' }));
  });
});

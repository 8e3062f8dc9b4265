import { describe, it, expect } from 'vitest';
import { fillMeetingFile, meetingQuery } from './meetingFile.ts';

const TEMPLATE = '<head><script type="application/json" id="atlas-start">null</script></head>';

describe('meeting file', () => {
  it('keeps the deck and the language, starts on the first slide', () => {
    expect(meetingQuery('?slides=a~b&slide=3&lang=en&notes=1')).toBe('?slides=a%7Eb&lang=en');
    expect(meetingQuery('?deck=west&slide=2')).toBe('?deck=west');
    expect(meetingQuery('')).toBe('');
  });

  it('writes the start into the template as JSON that cannot close its script', () => {
    const out = fillMeetingFile(TEMPLATE, '?slides=x!</script><b>&lang=en');
    const json = /id="atlas-start">(.*)<\/script>/.exec(out)![1]!;
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ search: '?slides=x%21%3C%2Fscript%3E%3Cb%3E&lang=en' });
  });

  it('refuses a template without its start block', () => {
    expect(() => fillMeetingFile('<html></html>', '')).toThrow(/no start block/);
  });
});

import { describe, it, expect } from 'vitest';
import { withUserLayer } from './withUserLayer.ts';

describe('offline edition with a user layer', () => {
  const page = '<head><script type="application/json" id="atlas-user-layer">null</script></head>';
  it('writes the layer where the edition reads it, unable to close its script', () => {
    const out = withUserLayer(page, JSON.stringify({ file: '</script><img src=x onerror=alert(1)>' }));
    const json = /id="atlas-user-layer">(.*)<\/script>/.exec(out)![1]!;
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ file: '</script><img src=x onerror=alert(1)>' });
  });
  it('refuses a page without the place for it', () => {
    expect(() => withUserLayer('<html></html>', 'null')).toThrow(/no place/);
  });
});

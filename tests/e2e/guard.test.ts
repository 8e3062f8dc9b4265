/** The guard itself must be able to fail: a page that misbehaves is caught. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage } from './harness.ts';

describe('browser-test guard', () => {
  const site = useSite();

  it('fails on a request to another origin, and the request never leaves', async () => {
    // bypassCSP: the site's own Content-Security-Policy would stop the request first (next test);
    // here the network guard itself must see it.
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html', { bypassCSP: true });
    guard.assertClean();
    const outcome = await page.evaluate(() =>
      fetch('http://example.com/tracker.gif').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    assert.equal(outcome, 'blocked');
    assert.deepEqual(guard.offOrigin, ['http://example.com/tracker.gif']);
    assert.throws(() => guard.assertClean(), /request to another origin: http:\/\/example\.com\/tracker\.gif/);
    await close();
  });

  it('with the site CSP, an off-origin request is refused and still fails the guard', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html');
    const outcome = await page.evaluate(() =>
      fetch('http://example.com/tracker.gif').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    assert.equal(outcome, 'blocked');
    assert.deepEqual(guard.offOrigin, [], 'the CSP stopped it before the network');
    assert.throws(() => guard.assertClean(), /console error: .*Content Security Policy/);
    await close();
  });

  it('fails on a console error', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html');
    await page.evaluate(() => console.error('something broke'));
    assert.throws(() => guard.assertClean(), /console error: something broke/);
    await close();
  });

  it('fails on an uncaught page error', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html');
    // Wait for the error itself, not a fixed 50 ms (a loaded machine delivered it later).
    await Promise.all([page.waitForEvent('pageerror'), page.evaluate(() => setTimeout(() => { throw new Error('uncaught boom'); }, 0))]);
    assert.throws(() => guard.assertClean(), /page error: uncaught boom/);
    await close();
  });
});

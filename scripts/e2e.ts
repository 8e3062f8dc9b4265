/**
 * `npm run test:e2e`: the browser tests with one server of the built site and one chromium for all of
 * them. Starts `vite preview` of dist/ (or of ATLAS_DIST) and a chromium browser server, then runs
 * node --test on the test files with ATLAS_ORIGIN and ATLAS_BROWSER_WS set, which tests/e2e/harness.ts's
 * `useSite()` uses (each test still opens its own browser context). Tests that need other chromium
 * flags or another server start their own.
 *
 *   npm run test:e2e                                   every tests/e2e/*.test.ts
 *   npm run test:e2e -- tests/e2e/map.test.ts          some files
 *   npm run test:e2e -- --test-name-pattern=WebGL      node --test options pass through (--name=value)
 *
 * Prints node:test's output as it comes, exits with its status (non-zero when a test fails), and stops
 * the server and the browser in every case: success, failure, a crash of this script, Ctrl-C, SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, startPreview, type Server } from '../tests/e2e/harness.ts';

const E2E_DIR = join(ROOT, 'tests', 'e2e');
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** What this script started, held as soon as it is starting (a signal can come at any time). */
interface Shared {
  server: Promise<Server> | null;
  browser: Promise<BrowserServer> | null;
  tests: ChildProcess | null;
  /** Set once stopping has begun: a signal and the end of the run wait for the same stop. */
  stopped: Promise<void> | null;
}

/** The test files and node --test options from the command line; every tests/e2e/*.test.ts when no file is named. */
function parseArgs(argv: string[]): { files: string[]; options: string[] } {
  const files = argv.filter((a) => !a.startsWith('-'));
  const options = argv.filter((a) => a.startsWith('-'));
  if (!files.length) files.push(...readdirSync(E2E_DIR).filter((f) => f.endsWith('.test.ts')).sort().map((f) => relative(ROOT, join(E2E_DIR, f))));
  if (!options.some((o) => o.startsWith('--test-concurrency'))) options.push('--test-concurrency=2');
  return { files, options };
}

function launchShared(): Promise<BrowserServer> {
  // Signals are this script's to handle (below): it stops the browser after the tests' processes.
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, host: '127.0.0.1', handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}

/** Runs node --test; resolves with its exit status (1 when a signal ended it, or stopping had begun). */
function runTests(shared: Shared, files: string[], options: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (shared.stopped) return Promise.resolve(1);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...options, ...files], { cwd: ROOT, stdio: 'inherit', env });
    shared.tests = child;
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Stops what was started, the tests' processes first (they use the browser and the server); once. */
function stopAll(shared: Shared): Promise<void> {
  shared.stopped ??= (async () => {
    const tests = shared.tests;
    if (tests && tests.exitCode === null && tests.signalCode === null) {
      const exited = new Promise((r) => tests.once('exit', r));
      tests.kill('SIGTERM');
      await exited;
    }
    const stopBrowser = shared.browser?.then((b) => b.close());
    const stopServer = shared.server?.then((s) => s.stop());
    await Promise.allSettled([stopBrowser, stopServer]);
  })();
  return shared.stopped;
}

function onSignals(shared: Shared): void {
  for (const [signal, status] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      console.error(`\ne2e: ${signal}, stopping the tests, the browser and the server`);
      void stopAll(shared).finally(() => process.exit(status));
    });
  }
}

async function main(): Promise<number> {
  const { files, options } = parseArgs(process.argv.slice(2));
  const shared: Shared = { server: null, browser: null, tests: null, stopped: null };
  onSignals(shared);
  try {
    shared.server = startPreview();
    shared.browser = launchShared();
    const [server, browser] = await Promise.all([shared.server, shared.browser]);
    const env = { ...process.env, ATLAS_ORIGIN: server.origin, ATLAS_BROWSER_WS: browser.wsEndpoint() };
    console.log(`e2e: ${files.length} test files; the built site at ${server.origin} and one chromium, shared`);
    const started = performance.now();
    const status = await runTests(shared, files, options, env);
    console.log(`e2e: ${status === 0 ? 'passed' : `failed (exit status ${status})`} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return status;
  } finally {
    await stopAll(shared);
  }
}

main().then(
  (status) => process.exit(status),
  (err: unknown) => {
    console.error('e2e:', err);
    process.exit(1);
  },
);

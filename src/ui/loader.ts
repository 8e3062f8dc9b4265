/** Loading state and load failures: a message saying what went wrong and a retry button. */
import { h, clear } from './dom.ts';
import { LoadError } from '../data/load.ts';
import { t, type Lang } from '../i18n/index.ts';

export function describeFailure(err: unknown, lang: Lang): string {
  if (err instanceof LoadError) {
    const f = err.failure;
    switch (f.kind) {
      case 'http':
        return t(lang, 'load.error.http', { status: f.status, file: f.file });
      case 'network':
        return t(lang, 'load.error.network', { file: f.file });
      case 'json':
        return t(lang, 'load.error.json', { file: f.file });
      case 'schema':
        return t(lang, 'load.error.schema', { file: f.file, detail: f.detail });
    }
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs `task` with a progress indicator shown after a short delay; on failure shows the reason and
 * a retry button that runs it again. Resolves with the task's result once it succeeds.
 */
export function withRetry<T>(host: HTMLElement, lang: Lang, task: () => Promise<T>, delayMs = 300): Promise<T> {
  return new Promise((resolve) => {
    const attempt = () => {
      clear(host);
      host.hidden = false;
      host.classList.remove('is-error');
      const timer = setTimeout(() => host.append(h('div', { class: 'loading', role: 'status' }, t(lang, 'load.loading'))), delayMs);
      task().then(
        (value) => {
          clearTimeout(timer);
          clear(host);
          host.hidden = true;
          resolve(value);
        },
        (err: unknown) => {
          clearTimeout(timer);
          clear(host);
          host.classList.add('is-error');
          host.append(
            h(
              'div',
              { class: 'load-error', role: 'alert' },
              h('h2', {}, t(lang, 'load.failed')),
              h('p', {}, describeFailure(err, lang)),
              h('button', { type: 'button', class: 'retry', onclick: attempt }, t(lang, 'load.retry')),
            ),
          );
        },
      );
    };
    attempt();
  });
}

/**
 * The main window and its speaker-notes window keep to the same slide: BroadcastChannel (same origin by
 * construction), else window.postMessage to the opener / the notes window, checked against our origin.
 */
export type DeckRef = { kind: 'file'; id: string } | { kind: 'url'; param: string };

export type SyncMessage =
  | { type: 'state'; deck: DeckRef; slide: number; total: number }
  | { type: 'goto'; deck: DeckRef; slide: number }
  | { type: 'hello'; deck: DeckRef };

const CHANNEL = 'cluster-atlas-present';

export function sameDeck(a: DeckRef, b: DeckRef): boolean {
  return a.kind === b.kind && (a.kind === 'file' ? a.id === (b as typeof a).id : a.param === (b as typeof a).param);
}

function isMessage(d: unknown): d is SyncMessage {
  if (!d || typeof d !== 'object') return false;
  const m = d as Record<string, unknown>;
  return (m['type'] === 'state' || m['type'] === 'goto' || m['type'] === 'hello') && !!m['deck'] && typeof m['deck'] === 'object';
}

export interface Sync {
  post(msg: SyncMessage): void;
  /** A window to reach by postMessage when BroadcastChannel is missing (the notes window). */
  peer(win: Window | null): void;
}

export function createSync(onMessage: (msg: SyncMessage) => void, win: Window = window): Sync {
  const origin = win.location.origin;
  let peer: Window | null = win.opener as Window | null;
  let channel: BroadcastChannel | null = null;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent) => {
      if (isMessage(e.data)) onMessage(e.data);
    };
  } else {
    win.addEventListener('message', (e) => {
      if (e.origin === origin && isMessage(e.data)) onMessage(e.data);
    });
  }
  return {
    post(msg) {
      if (channel) channel.postMessage(msg);
      else if (peer && !peer.closed) peer.postMessage(msg, origin);
    },
    peer(w) {
      peer = w;
    },
  };
}

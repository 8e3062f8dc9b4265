/**
 * What the keys do. Clickers send →/← or PageDown/PageUp (some also "." or B to blank, F5/Esc);
 * keyboards add Space, Home/End and a slide number followed by Enter.
 *
 *   → ↓ PageDown Space     next            ← ↑ PageUp Shift+Space   previous
 *   Home / End             first / last     digits, then Enter        go to that slide
 *   F                      full screen      O                         overview of all slides
 *   N                      speaker notes    B or .                    blank the screen
 *   Esc                    leave overview / blank / number entry
 */
export type Action =
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'goto'; n: number }
  | { kind: 'fullscreen' }
  | { kind: 'overview' }
  | { kind: 'notes' }
  | { kind: 'blank' }
  | { kind: 'escape' }
  | { kind: 'digits'; typed: string };

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** A small state machine: keys in, actions out. `typed` holds the digits of a pending slide number. */
export function createKeyMap(): { handle(e: KeyLike): Action | null; typed(): string } {
  let typed = '';
  const handle = (e: KeyLike): Action | null => {
    if (e.ctrlKey || e.altKey || e.metaKey) return null;
    if (/^[0-9]$/.test(e.key)) {
      typed = (typed + e.key).slice(-3);
      return { kind: 'digits', typed };
    }
    if (e.key === 'Enter' && typed) {
      const n = Number(typed);
      typed = '';
      return { kind: 'goto', n };
    }
    if (e.key === 'Backspace' && typed) {
      typed = typed.slice(0, -1);
      return { kind: 'digits', typed };
    }
    const hadDigits = typed !== '';
    typed = '';
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
        return { kind: 'next' };
      case ' ':
      case 'Spacebar':
        return { kind: e.shiftKey ? 'prev' : 'next' };
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
        return { kind: 'prev' };
      case 'Home':
        return { kind: 'first' };
      case 'End':
        return { kind: 'last' };
      case 'f':
      case 'F':
        return { kind: 'fullscreen' };
      case 'o':
      case 'O':
        return { kind: 'overview' };
      case 'n':
      case 'N':
        return { kind: 'notes' };
      case 'b':
      case 'B':
      case '.':
        return { kind: 'blank' };
      case 'Escape':
        return { kind: 'escape' };
      default:
        return hadDigits ? { kind: 'digits', typed: '' } : null;
    }
  };
  return { handle, typed: () => typed };
}

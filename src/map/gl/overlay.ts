/**
 * The WebGL map's marks layer: deck.gl through MapLibreOverlay (overlaid, not interleaved), counting its
 * frames so that a caller can wait for the marks as last set to be on screen.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';

export interface MarksOverlay {
  /** The control to add to the map. */
  control: MapLibreOverlay;
  setLayers(layers: Layer[]): void;
  /** Resolves once deck.gl has drawn a frame after the layers were last set. */
  drawn(): Promise<void>;
  /** Resolves every wait at once (nothing more will be drawn: the context is lost, or the map removed). */
  release(): void;
}

export function createMarksOverlay(): MarksOverlay {
  // No layer is pickable: the map picks on the CPU (pick.ts), so a pointer move never reads pixels back.
  let frames = 0;
  /** The deck.gl frame count when the layers were last set: a frame after it shows them. */
  let setAt = 0;
  const waiting: { after: number; resolve: () => void }[] = [];
  const control = new MapLibreOverlay({
    interleaved: false,
    layers: [],
    onAfterRender: () => {
      frames++;
      for (const w of waiting.splice(0)) (w.after < frames ? w.resolve() : waiting.push(w));
    },
  });
  return {
    control,
    setLayers(layers) {
      setAt = frames;
      control.setProps({ layers });
    },
    drawn() {
      return new Promise((resolve) => (setAt < frames ? resolve() : waiting.push({ after: setAt, resolve })));
    },
    release() {
      for (const w of waiting.splice(0)) w.resolve();
    },
  };
}

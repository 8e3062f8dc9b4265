import { describe, it, expect } from 'vitest';
import { cameraOf, projectionAt, transformed, clampCamera, cameraFitting, rounded } from './camera.ts';
import { fitChina } from './projection.ts';

const size = { width: 800, height: 600 };

describe('the SVG map camera in the WebGL map terms', () => {
  it('a camera drawn and read back is the same camera', () => {
    const c = { lon: 113.26, lat: 23.13, zoom: 6.5 };
    const back = cameraOf(projectionAt(c, size), size);
    expect(back.lon).toBeCloseTo(c.lon, 9);
    expect(back.lat).toBeCloseTo(c.lat, 9);
    expect(back.zoom).toBeCloseTo(c.zoom, 9);
  });

  it('puts the centre in the middle of the box at maplibre scale (512-px world at zoom 0)', () => {
    const p = projectionAt({ lon: 0, lat: 0, zoom: 0 }, { width: 512, height: 512 });
    expect(p([0, 0])).toEqual([256, 256]);
    const [x] = p([180, 0])!;
    expect(x).toBeCloseTo(512, 6);
  });

  it('a gesture transform moves each drawn point to k·p + (x, y)', () => {
    const p = fitChina(size);
    const t = { k: 2, x: -300, y: -120 };
    const q = transformed(p, t);
    for (const at of [
      [116.4, 39.9],
      [87.6, 43.8],
      [110.3, 20.0],
    ] as [number, number][]) {
      const [x0, y0] = p(at)!;
      const [x1, y1] = q(at)!;
      expect(x1).toBeCloseTo(2 * x0 - 300, 6);
      expect(y1).toBeCloseTo(2 * y0 - 120, 6);
    }
  });

  it('keeps the camera over China and between just out of the fitted view and zoom 11', () => {
    const fitted = cameraOf(fitChina(size), size);
    expect(clampCamera({ lon: 10, lat: -40, zoom: 20 }, fitted)).toMatchObject({ zoom: 11 });
    const c = clampCamera({ lon: 10, lat: -40, zoom: 0 }, fitted);
    expect(c.lon).toBeGreaterThan(70);
    expect(c.lat).toBeGreaterThan(15);
    expect(c.zoom).toBeCloseTo(fitted.zoom - 0.5, 9);
  });

  it('frames bounds inside the box and rounds as the WebGL map reports', () => {
    const c = cameraFitting(
      [
        [118, 38],
        [135, 54],
      ],
      size,
      24,
    );
    const p = projectionAt(c, size);
    const [x0, y0] = p([118, 54])!;
    const [x1, y1] = p([135, 38])!;
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(23.9);
    expect(x1).toBeLessThanOrEqual(size.width - 23.9);
    expect(y1).toBeLessThanOrEqual(size.height - 23.9);
    expect(rounded({ lon: 1.23456, lat: 2.34567, zoom: 3.4567 })).toEqual({ lon: 1.235, lat: 2.346, zoom: 3.46 });
  });
});

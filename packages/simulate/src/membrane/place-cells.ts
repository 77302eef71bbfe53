import type { Rng } from '@tamkit/core';

/** A drawn cell: centre column x and row y, radius r, all in pixels. */
export interface SimulatedCell {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** Settings of {@link placeCells}, in pixels. */
export interface CellPlacement {
  readonly width: number;
  readonly height: number;
  readonly cellCount: number;
  readonly radiusPx: number;
  readonly radiusSdPx: number;
  readonly clusterFraction: number;
}

const ATTEMPTS = 200;

/**
 * Places cells fully inside the field: first clusters of 2–4 cells (until `clusterFraction` of
 * the cells are clustered), each new member touching a random earlier member with centres
 * 0.8–0.95 × (r1 + r2) apart; then single cells at uniform positions kept at least
 * 0.95 × (r1 + r2) from every other cell (so singles may just touch). A cell that finds no room
 * after 200 tries is not drawn, so a crowded field may hold fewer than `cellCount` cells.
 */
export function placeCells(settings: CellPlacement, rng: Rng): SimulatedCell[] {
  const { width, height, cellCount, radiusPx, radiusSdPx, clusterFraction } = settings;
  const cells: SimulatedCell[] = [];
  const drawRadius = (): number => Math.max(0.6 * radiusPx, radiusPx + radiusSdPx * rng.normal());
  const inside = (x: number, y: number, r: number): boolean =>
    x >= r && y >= r && x <= width - 1 - r && y <= height - 1 - r;
  const fits = (x: number, y: number, r: number, factor: number, ignore: ReadonlySet<number>): boolean => {
    for (let i = 0; i < cells.length; i++) {
      if (ignore.has(i)) {
        continue;
      }
      const c = cells[i]!;
      const limit = factor * (c.r + r);
      if ((c.x - x) ** 2 + (c.y - y) ** 2 < limit * limit) {
        return false;
      }
    }
    return true;
  };
  const clusteredTarget = Math.round(clusterFraction * cellCount);
  let clustered = 0;
  let attempts = 0;
  while (clustered < clusteredTarget - 1 && attempts < ATTEMPTS * 10) {
    attempts++;
    const size = Math.min(2 + rng.nextInt(3), clusteredTarget - clustered);
    const r0 = drawRadius();
    const x0 = r0 + rng.next() * (width - 1 - 2 * r0);
    const y0 = r0 + rng.next() * (height - 1 - 2 * r0);
    if (!inside(x0, y0, r0) || !fits(x0, y0, r0, 1.2, new Set())) {
      continue;
    }
    const members: SimulatedCell[] = [{ x: x0, y: y0, r: r0 }];
    for (let tries = 0; members.length < size && tries < ATTEMPTS; tries++) {
      const anchor = members[rng.nextInt(members.length)]!;
      const r = drawRadius();
      const angle = rng.next() * 2 * Math.PI;
      const d = (0.8 + 0.15 * rng.next()) * (anchor.r + r);
      const x = anchor.x + d * Math.cos(angle);
      const y = anchor.y + d * Math.sin(angle);
      const clearOfMembers = members.every((m) => (m.x - x) ** 2 + (m.y - y) ** 2 >= (0.8 * (m.r + r)) ** 2);
      if (inside(x, y, r) && clearOfMembers && fits(x, y, r, 1.2, new Set())) {
        members.push({ x, y, r });
      }
    }
    if (members.length < 2) {
      continue;
    }
    cells.push(...members);
    clustered += members.length;
  }
  while (cells.length < cellCount) {
    let placed = false;
    for (let tries = 0; tries < ATTEMPTS && !placed; tries++) {
      const r = drawRadius();
      const x = r + rng.next() * (width - 1 - 2 * r);
      const y = r + rng.next() * (height - 1 - 2 * r);
      if (inside(x, y, r) && fits(x, y, r, 0.95, new Set())) {
        cells.push({ x, y, r });
        placed = true;
      }
    }
    if (!placed) {
      break;
    }
  }
  return cells;
}

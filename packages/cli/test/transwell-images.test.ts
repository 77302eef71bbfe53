import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, run, tempDir } from './helpers.js';

const truth = JSON.parse(readFileSync(join(repoRoot, 'fixtures/transwell/truth.json'), 'utf8')) as {
  images: Record<string, { cells: number }>;
};

interface ImagesDoc {
  tamkit: { command: string };
  kind: string;
  images: ({ file: string; count: number; objects: number; overlay: string | null } | { file: string; error: { code: string } })[];
}

describe('tamkit transwell images', () => {
  it('counts the cells of every image in a folder within the measured error', async () => {
    const { code, stdout } = await run(['transwell', 'images', 'fixtures/transwell/images', '--stain', 'nuclear', '--pixel-size', '0.65', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as ImagesDoc;
    expect(doc.tamkit.command).toBe('transwell images');
    expect(doc.kind).toBe('transwell-images');
    expect(doc.images.map((i) => i.file)).toEqual(Object.keys(truth.images).map((k) => `fixtures/transwell/${k}`).sort());
    for (const image of doc.images) {
      if (!('count' in image)) {
        throw new Error(`${image.file} failed`);
      }
      const t = truth.images[image.file.replace('fixtures/transwell/', '')]!.cells;
      // Largest error measured on simulated nuclear fields: 6.4 % (docs/transwell.md); at least one cell.
      expect(Math.abs(image.count - t)).toBeLessThanOrEqual(Math.max(1, Math.ceil(0.07 * t)));
    }
  });

  it('writes one overlay PNG per image', async () => {
    const dir = tempDir();
    const { code, stdout } = await run(['transwell', 'images', 'fixtures/transwell/images/CCL2-A-1.png', '--stain', 'nuclear', '--overlays', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^file +cells +objects +rejected +threshold\n/);
    expect(readdirSync(dir)).toEqual(['CCL2-A-1.overlay.png']);
    // PNG signature (PNG 1.2 §3.1)
    expect(Array.from(readFileSync(join(dir, 'CCL2-A-1.overlay.png')).subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });

  it('reports an unreadable image on one line and goes on', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-broken.png'), 'not an image');
    copyFileSync(join(repoRoot, 'fixtures/transwell/images/CCL2-B-1.png'), join(dir, 'b.png'));
    const { code, stdout, stderr } = await run(['transwell', 'images', dir, '--stain', 'nuclear', '--pixel-size', '0.65', '--json']);
    expect(code).toBe(2);
    const errors = stderr.split('\n').filter((l) => !l.includes(' warning '));
    expect(errors.filter(Boolean)).toHaveLength(1);
    expect(errors[0]).toContain('a-broken.png: TRANSWELL_IMAGE_UNDECODABLE');
    const doc = JSON.parse(stdout) as ImagesDoc;
    expect(doc.images).toHaveLength(2);
    expect(doc.images[0]).toMatchObject({ error: { code: 'TRANSWELL_IMAGE_UNDECODABLE' } });
    expect(doc.images[1]).toHaveProperty('count');
  });
});

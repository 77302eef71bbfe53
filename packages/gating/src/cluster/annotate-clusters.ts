import type { TamkitWarning } from '@tamkit/core';
import {
  countCodes,
  NOT_CLASSIFIED,
  PHENOTYPE_CLASSES,
  type Classification,
  type PhenotypeClass,
  type RolePanel,
} from '../phenotype/classification.js';
import { computeRoleCalls, resolveRoleRule, type RoleRuleOptions } from '../phenotype/role-rule.js';
import type { KmeansClusterResult } from './kmeans-cluster.js';

/** A k-means classification: each cluster named by its centre, every event coded by its cluster's name. */
export interface ClusterClassification extends Classification {
  readonly method: 'kmeans';
  readonly seed: number;
  /** Phenotype class of each cluster, by cluster index. */
  readonly clusterClasses: readonly PhenotypeClass[];
}

/**
 * Names each k-means cluster M1, M2, double_positive or double_negative by applying the role rule of
 * {@link classifyByRules} to its centre (the centre's value per marker against that marker's
 * threshold), never by cluster index, then codes every event with its cluster's class. Several
 * clusters may share a class. The result records the clustering seed.
 *
 * @param markerNames the key of each clustered column, in the column order given to kmeansCluster.
 * @param thresholds per-marker cut-offs on the clustering (display) scale.
 * @throws {ClassificationError} `CLASSIFY_EMPTY_ROLE`, `CLASSIFY_MISSING_COLUMN` (a panel marker
 *   that was not clustered), `CLASSIFY_MISSING_THRESHOLD`.
 * @throws {RangeError} when markerNames does not match the clustered dimensions.
 * @example
 * const clusters = kmeansCluster([cd86, cd206], parentMask, { k: 4, seed: 7 });
 * const c = annotateClusters(clusters, ['CD86', 'CD206'], { m1: ['CD86'], m2: ['CD206'] }, { CD86: 1.2, CD206: 1.5 });
 * c.counts.M1; // events in clusters whose centre is CD86+ CD206−
 */
export function annotateClusters(
  result: KmeansClusterResult,
  markerNames: readonly string[],
  panel: RolePanel,
  thresholds: Readonly<Record<string, number>>,
  options: RoleRuleOptions = {},
): ClusterClassification {
  const { k, dimensions: d, centres } = result;
  if (markerNames.length !== d) {
    throw new RangeError(`markerNames has ${markerNames.length} names for ${d} clustered columns`);
  }
  const rule = resolveRoleRule(options);
  // Each marker becomes a column of k values (one per centre), so the centres go through exactly
  // the same role rule as events do in classifyByRules.
  const centreColumns: Record<string, Float64Array> = {};
  markerNames.forEach((name, j) => {
    const col = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      col[c] = centres[c * d + j]!;
    }
    centreColumns[name] = col;
  });
  const calls = computeRoleCalls(centreColumns, null, panel, thresholds, rule);
  const clusterClasses: PhenotypeClass[] = [];
  for (let c = 0; c < k; c++) {
    clusterClasses.push(PHENOTYPE_CLASSES[calls.codes[c]!] ?? 'double_negative');
  }
  const codes = new Uint8Array(result.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const cluster = result.codes[i]!;
    codes[i] = cluster === NOT_CLASSIFIED ? NOT_CLASSIFIED : calls.codes[cluster]!;
  }
  const warnings: TamkitWarning[] = [...result.warnings];
  return {
    classes: PHENOTYPE_CLASSES,
    codes,
    counts: countCodes(codes),
    parentCount: result.parentCount,
    excluded: result.excluded,
    method: 'kmeans',
    params: {
      k,
      markers: [...markerNames],
      rule: rule.rule,
      ruleK: rule.k,
      aggregate: rule.aggregate,
      markersNeeded: calls.needed,
      sampleSize: result.sampleSize,
      iterations: result.iterations,
      clusterSizes: Array.from(result.sizes),
      thresholds: { ...thresholds },
    },
    seed: result.seed,
    clusterClasses,
    warnings,
  };
}

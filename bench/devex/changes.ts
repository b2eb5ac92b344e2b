/*
 * The review-flow and golden-path-impact part of the DevEx benchmark: pull requests whose merge
 * commits are commits of the benchmark's deployments (so most have a deploy stage), and a catalog
 * whose components carry golden-path lineage (three templates, two versions each, on 60 % of the
 * services; the rest made from none).
 */
import type { Entity } from '@backstage/catalog-model';
import type { DevexEvent } from '@paved/plugin-devex-common';
import {
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
} from '@paved/plugin-golden-paths-common';

const HOUR = 3_600_000;

/** Where each deployment went and when, recorded while the deployments are generated. */
export class DeploymentLog {
  readonly services: Int32Array;
  readonly finishedAt: Float64Array;

  constructor(size: number) {
    this.services = new Int32Array(size);
    this.finishedAt = new Float64Array(size);
  }

  record(n: number, service: number, finishedAt: number) {
    this.services[n] = service;
    this.finishedAt[n] = finishedAt;
  }
}

/** Components of the benchmark's services, with lineage on 60 % of them. */
export function benchCatalog(
  services: number,
  serviceRef: (n: number) => string,
): Entity[] {
  return Array.from({ length: services }, (_, n): Entity => {
    const name = serviceRef(n).split('/')[1];
    const lineage = n % 10 < 6;
    const annotations: Record<string, string> = lineage
      ? {
          [ANNOTATION_TEMPLATE]: `template:default/bench-template-${n % 3}`,
          [ANNOTATION_TEMPLATE_VERSION]: n % 2 === 0 ? '1.0.0' : '1.1.0',
        }
      : {};
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations,
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'bench-team' },
    };
  });
}

/**
 * Pull requests, each merged as the first commit of a random deployment (on that deployment's
 * service, shortly before it finished); one in ten is not reviewed, one in twenty is still open.
 */
export function* changeBatches(options: {
  count: number;
  deployments: DeploymentLog;
  batch: number;
  random: () => number;
  logNormalHours: (median: number) => number;
  serviceRef: (n: number) => string;
  sha: (n: number, i: number) => string;
}): Generator<DevexEvent[]> {
  const { count, deployments, random, logNormalHours } = options;
  const iso = (ms: number) => new Date(ms).toISOString();
  let batch: DevexEvent[] = [];
  for (let p = 0; p < count; p++) {
    const n = Math.floor(random() * deployments.services.length);
    const mergedAt = deployments.finishedAt[n] - logNormalHours(2) * HOUR;
    const reviewed = random() >= 0.1;
    const firstReviewAt = mergedAt - logNormalHours(6) * HOUR;
    const openedAt =
      (reviewed ? firstReviewAt : mergedAt) - logNormalHours(4) * HOUR;
    const open = random() < 0.05;
    batch.push({
      id: `pr-${p}`,
      source: 'bench',
      type: 'change',
      subject: options.serviceRef(deployments.services[n]),
      data: {
        openedAt: iso(openedAt),
        firstCommitAt: iso(openedAt - logNormalHours(10) * HOUR),
        ...(reviewed ? { firstReviewAt: iso(firstReviewAt) } : {}),
        ...(open
          ? {}
          : { mergedAt: iso(mergedAt), mergeCommit: options.sha(n, 0) }),
        additions: Math.round(logNormalHours(80)),
        deletions: Math.round(logNormalHours(30)),
      },
    });
    if (batch.length >= options.batch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

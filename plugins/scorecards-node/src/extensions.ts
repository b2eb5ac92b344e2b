import {
  BackstageCredentials,
  BackstageUserPrincipal,
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  CheckDefinition,
  Fact,
  FactDescriptor,
} from '@paved/plugin-scorecards-common';

/** A fact as a collector returns it; the backend stamps source and time. */
export type CollectedFact = Omit<Fact, 'source' | 'observedAt'> & {
  observedAt?: string;
};

/**
 * Gathers facts about catalog entities from one source. Scorecards calls it on its schedule (once
 * across replicas) and for entities that changed in the catalog.
 */
export interface FactCollector {
  /** Source name, stored with each fact: `catalog`, `repository`, `devex`... */
  id: string;
  /** The facts it produces. */
  descriptors: FactDescriptor[];
  /** Entities it has something to say about (e.g. only those with a source location). */
  appliesTo?(entity: Entity): boolean;
  /**
   * Facts for these entities. A source that cannot be read for one entity returns that entity's
   * facts as `unknown` with the reason, rather than throwing for the whole batch.
   */
  collect(
    entities: Entity[],
    context: { logger: LoggerService; now: Date },
  ): Promise<CollectedFact[]>;
}

/** What a fixer needs to start a fix for one check of one entity. */
export interface FixRequest {
  entity: Entity;
  entityRef: string;
  check: CheckDefinition;
  /** The check's `fixer.input`, placeholders filled in for this entity. */
  input: Record<string, unknown>;
  /** The user who clicked "Fix it": fixers act on their behalf, with their rights. */
  credentials: BackstageCredentials<BackstageUserPrincipal>;
}

/** What a fixer started: its own id for it, and where a person can follow it. */
export interface StartedFix {
  externalId: string;
  url?: string;
  message?: string;
}

/**
 * Something that makes a failing check pass: a scaffolder template that commits or opens a change
 * request on the owner's repository, a golden-path upgrade... Named by checks' `fixer.id`.
 */
export interface ScorecardFixer {
  id: string;
  title: string;
  description: string;
  start(request: FixRequest): Promise<StartedFix>;
  /**
   * Where a started fix stands. `completed` means its change landed (merged, or committed); the
   * entity's facts are then collected again so the check is re-evaluated.
   */
  status(fix: { externalId: string }): Promise<{
    status: 'started' | 'completed' | 'failed';
    message?: string;
  }>;
}

export interface ScorecardsFactCollectorsExtensionPoint {
  addFactCollector(...collectors: FactCollector[]): void;
}

/** Lets backend modules contribute facts (e.g. `scorecards-backend-module-<source>`). */
export const scorecardsFactCollectorsExtensionPoint =
  createExtensionPoint<ScorecardsFactCollectorsExtensionPoint>({
    id: 'scorecards.fact-collectors',
  });

export interface ScorecardsFixersExtensionPoint {
  addFixer(...fixers: ScorecardFixer[]): void;
}

/** Lets backend modules contribute fixers (e.g. the golden-path upgrade). */
export const scorecardsFixersExtensionPoint =
  createExtensionPoint<ScorecardsFixersExtensionPoint>({
    id: 'scorecards.fixers',
  });

// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************
/* eslint-disable */
export type { paths } from './paths.generated';
export type { components } from './components.generated';
export type { operations } from './operations.generated';

export type webhooks = Record<string, never>;
export type $defs = Record<string, never>;

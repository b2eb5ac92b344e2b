/**
 * Paved's trust rules for the catalog: users and groups only from the organisation's trusted
 * sources; entities of registered locations owned by a team of the person who registered them.
 *
 * @packageDocumentation
 */
export { catalogModuleTrustRules as default } from './module';
export { orgRuleViolations, TRUSTED_ORG_SOURCES_RULE } from './orgSources/orgRules';

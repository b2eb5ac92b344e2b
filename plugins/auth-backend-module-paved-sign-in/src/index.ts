/**
 * Paved's sign-in: company SSO (OIDC) and GitHub resolved to exactly one catalog user, and the
 * two development users (`guest`, `guest-platform`).
 *
 * @packageDocumentation
 */
export { authModulePavedSignIn as default } from './module';
export {
  emailMatchingUniqueUserEntity,
  userNameMatchingUniqueUserEntity,
  ANNOTATION_GITHUB_USER_LOGIN,
} from './resolvers/signInResolvers';
export { ONE_USER_PER_IDENTITY_RULE } from './resolvers/uniqueCatalogUser';

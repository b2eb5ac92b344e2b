export interface Config {
  app?: {
    signIn?: {
      /**
       * Sign-in methods offered on the sign-in page, in order: `guest` (development only),
       * `github`, `oidc`. The backend must have the matching auth provider configured.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'github' | 'oidc'>;
    };
  };
}

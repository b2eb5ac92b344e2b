export interface Config {
  auth?: {
    providers?: {
      /** Development only: signs in as the example developer. */
      guest?: {
        /** The catalog user to sign in as, e.g. user:default/sam.rivera. */
        userEntityRef: string;
        /** Serve it outside NODE_ENV=development (tests only; never in production). */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
      /** Development only: signs in as the example platform engineer. */
      'guest-platform'?: {
        /** The catalog user to sign in as, e.g. user:default/priya.natarajan. */
        userEntityRef: string;
        /** Serve it outside NODE_ENV=development (tests only; never in production). */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}

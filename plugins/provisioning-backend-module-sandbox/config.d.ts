export interface Config {
  provisioning?: {
    providers?: {
      /** The `sandbox` provider (this module); see README.md. */
      sandbox?: {
        /**
         * Admin connection of the PostgreSQL server that hosts sandbox databases
         * (default postgresql://postgres@127.0.0.1:5432/postgres). Needs CREATEROLE and CREATEDB.
         * @visibility secret
         */
        connection?: string;
        /** Host name handed to users when it differs from the admin connection's host. */
        host?: string;
        /** Port handed to users when it differs from the admin connection's port. */
        port?: number;
        /** Operations run against each admin server at once, to stay under its connection limit (default 4). */
        maxConcurrency?: number;
        /** Where snapshots are kept: pg_dump files and Redis key dumps (default `<paved.dataDirectory>/provisioning/snapshots`). */
        snapshotDirectory?: string;
        /** Sandbox Redis: one ACL user per request, confined to its own key prefix. */
        redis?: {
          /**
           * Admin connection of the Redis server (default redis://127.0.0.1:6379): a user allowed
           * to run ACL SETUSER / ACL DELUSER, SCAN and UNLINK.
           * @visibility secret
           */
          connection?: string;
          /** Host name handed to users when it differs from the admin connection's host. */
          host?: string;
          /** Port handed to users when it differs from the admin connection's port. */
          port?: number;
        };
      };
    };
  };
}

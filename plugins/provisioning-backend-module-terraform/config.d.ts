export interface Config {
  provisioning?: {
    providers?: {
      /** The `terraform` provider (this module); see README.md. */
      terraform?: {
        /** Folder of the PostgreSQL module whose variables.tf checks every rendered call. */
        moduleDirectory?: string;
        /** `source` of the rendered module call; default `../../../modules/postgresql`. */
        moduleSource?: string;
        repository?: {
          /** Defaults to `<paved.gitHost.directory>/infrastructure.git`, created when missing. */
          url?: string;
          branch?: string;
          directory?: string;
          authorName?: string;
          authorEmail?: string;
        };
        terraformCloud?: {
          /** Default https://app.terraform.io */
          baseUrl?: string;
          /** @visibility secret */
          token: string;
          workspaceId: string;
          autoApply?: boolean;
        };
        defaultVersion?: string;
        /** The Redis module, for Redis requests. */
        redis?: {
          /** Folder of the Redis module whose variables.tf checks every rendered call. */
          moduleDirectory?: string;
          /** `source` of the rendered module call; default `../../../modules/redis`. */
          moduleSource?: string;
          /** Version when a request names none (default 7.0). */
          defaultVersion?: string;
        };
      };
    };
  };
}

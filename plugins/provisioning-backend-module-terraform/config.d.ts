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
      };
    };
  };
}

export interface Config {
  provisioning?: {
    providers?: {
      /** The `crossplane` provider (this module); see README.md. */
      crossplane?: {
        /** `composite` (Crossplane v2 namespaced XR, default) or `claim` (legacy v1 claim). */
        mode?: 'composite' | 'claim';
        /** `gitops` (default without a cluster) commits manifests; `apply` uses server-side apply. */
        delivery?: 'gitops' | 'apply';
        /** Folder with xrd.yaml and legacy/xrd.yaml; defaults to the repository's infrastructure/crossplane. */
        definitionsDirectory?: string;
        /**
         * Folder of ValidatingAdmissionPolicy files every rendered manifest must pass before it is
         * committed or applied; defaults to the repository's policies/.
         */
        policiesDirectory?: string;
        namespaces?: {
          /** Prefix before the owning group's name, e.g. `team-`. */
          prefix?: string;
          /** Namespace per owner entity ref, e.g. `group:default/payments: payments-db`. */
          overrides?: { [ownerRef: string]: string };
        };
        gitops?: {
          /** Defaults to `<paved.gitHost.directory>/infrastructure-gitops.git`, created when missing. */
          repository?: string;
          branch?: string;
          directory?: string;
          authorName?: string;
          authorEmail?: string;
        };
        cluster?: {
          /** API server URL, or `in-cluster`. */
          url: string;
          /** @visibility secret */
          token?: string;
          caData?: string;
          skipTLSVerify?: boolean;
        };
        fieldManager?: string;
        defaultVersion?: string;
      };
    };
  };
}

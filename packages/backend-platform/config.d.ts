export interface Config {
  /** Settings that concern the whole platform, read once by `@paved/backend-platform`. */
  paved?: {
    /**
     * The platform team: approves infrastructure requests, administers the catalog, receives
     * low survey scores and feedback. A group entity ref. Defaults to `group:default/platform`.
     */
    platformTeam?: string;
    /**
     * Directory of development state (SQLite files, the local git host, snapshots), relative to
     * the backend's working directory. Defaults to `.data` in the repository root.
     */
    dataDirectory?: string;
    /** The local git host: bare repositories that golden paths publish to without GitHub/GitLab. */
    gitHost?: {
      /** Directory of the bare repositories. Defaults to `<dataDirectory>/git`. */
      directory?: string;
    };
  };
}

export interface Config {
  /** Paved's golden paths (read by `@paved/plugin-golden-paths-node`: the scaffolder module and the golden-paths backend). */
  paved?: {
    // paved.gitHost.directory and paved.platformTeam: see @paved/backend-platform.
    /** Where the golden-path templates publish new repositories. */
    publish?: {
      /** `local` (default): the local git host; `github` / `gitlab`: the stock publish actions. */
      target?: 'local' | 'github' | 'gitlab';
      /** Used when target is `github`; needs a matching `integrations.github` entry. */
      github?: {
        /** Defaults to github.com. */
        host?: string;
        /** Organisation that owns new repositories. */
        owner: string;
      };
      /** Used when target is `gitlab`; needs a matching `integrations.gitlab` entry. */
      gitlab?: {
        /** Defaults to gitlab.com. */
        host?: string;
        /** Group that owns new repositories. */
        owner: string;
      };
    };
  };
}

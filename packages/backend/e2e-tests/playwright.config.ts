import { defineConfig } from '@playwright/test';
// The repository's Playwright settings (Debian's Chromium and the flags it needs here) live in the
// root config, which this one extends.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import portalConfig from '../../../playwright.config';

/**
 * The production sign-in check of `make prod-check`: Debian's Chromium against the built backend
 * behind TLS (PAVED_BASE_URL, https with a certificate made for the run, hence
 * `ignoreHTTPSErrors`) and the local OpenID Connect provider prod-check starts.
 */
export default defineConfig({
  ...portalConfig,
  testDir: __dirname,
  outputDir: '../../../e2e-test-results/production-sign-in',
  timeout: 120_000,
  use: {
    ...portalConfig.use,
    baseURL: process.env.PAVED_BASE_URL,
    ignoreHTTPSErrors: true,
  },
});

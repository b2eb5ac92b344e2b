/**
 * ESLint for every Paved package: Backstage's configuration plus the rule that keeps cross-plugin
 * contracts in one place. Annotation keys (`paved.dev/...`) and event topics are declared once,
 * in the `-common` package that owns them; other packages' sources import the constant.
 * Tests and docs may spell them out.
 */
const factory = require('@backstage/cli/config/eslint-factory');

const TOPICS = [
  'provisioning.request',
  'golden-paths.service-created',
  'githost.merge-request',
];
const message =
  'Annotation keys and event topics live in their -common package: import the constant';

// Backstage 1.55 deprecates the AlertApi (it logs so at runtime); the ToastApi replaces it.
const deprecatedAlertApi = [
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
].map(name => ({
  name,
  importNames: ['alertApiRef'],
  message:
    'AlertApi is deprecated: post a toast with toastApiRef from @backstage/frontend-plugin-api',
}));

module.exports = dir =>
  factory(dir, {
    restrictedImports: deprecatedAlertApi,
    // Test helpers named expect… (e.g. expectToast) assert.
    testRules: {
      'jest/expect-expect': [
        'warn',
        { assertFunctionNames: ['expect', 'expect*'] },
      ],
    },
    ...(dir.endsWith('-common')
      ? {}
      : {
          restrictedSrcSyntax: [
            { selector: 'Literal[value=/^paved\\.dev\\//]', message },
            {
              selector: 'TemplateElement[value.raw=/^paved\\.dev\\//]',
              message,
            },
            ...TOPICS.map(topic => ({
              selector: `Literal[value="${topic}"]`,
              message,
            })),
          ],
        }),
  });

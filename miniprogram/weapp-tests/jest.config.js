/**
 * `npm run test:weapp`: the BUILT weapp (dist/weapp from `npm run build:weapp`) rendered under
 * miniprogram-simulate with WeChat's template compiler. Not part of `npm test`: it needs the build.
 */
const path = require('node:path')

module.exports = {
  displayName: 'weapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>'],
  testMatch: ['**/*.weapp.test.ts'],
  // Above the harness's own 3 s waits, so a stuck page fails with what it shows, not a timeout.
  testTimeout: 10000,
  globalSetup: '<rootDir>/harness/require-build.js',
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } }],
  },
  // The built pages run as WeChat would run them: untouched by any transform.
  transformIgnorePatterns: [
    '/node_modules/',
    `${path.sep}dist${path.sep}`,
    // check:weapp --dist <dir> may name a build anywhere.
    ...(process.env.WEAPP_DIST
      ? [path.resolve(process.env.WEAPP_DIST).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')]
      : []),
  ],
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/../../shared/$1' },
}

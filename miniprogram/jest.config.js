/**
 * The mini-program's jest project (listed in the root jest.config.js). rootDir is this folder;
 * shared/ is reached through the same aliases webpack uses.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
  },
]

module.exports = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  // miniprogram-simulate renders native components into a DOM: jsdom for every test here.
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.test.ts?(x)'],
  transform: { '^.+\\.[tj]sx?$': swc },
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/../shared/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|scss)$': '<rootDir>/test/style-stub.js',
    '\\.(png|jpe?g|gif)$': '<rootDir>/test/file-stub.js',
  },
}

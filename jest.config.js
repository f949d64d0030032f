/** One `npm test` for everything: backend (node) and mini-program (jsdom / miniprogram-simulate). */
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
  projects: [
    {
      displayName: 'backend',
      testEnvironment: 'node',
      roots: ['<rootDir>/shared', '<rootDir>/cloudfunctions', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
    },
    ...(require('node:fs').existsSync(__dirname + '/miniprogram/jest.config.js')
      ? ['<rootDir>/miniprogram/jest.config.js']
      : []),
  ],
}

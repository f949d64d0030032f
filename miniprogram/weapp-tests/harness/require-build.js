/**
 * These tests read the build, they never make it: say so plainly when dist/weapp is missing.
 * `npm run test:weapp` runs this file first (a one-line message, exit 1); jest also runs it as
 * globalSetup, so `npx jest -c miniprogram/weapp-tests/jest.config.js` fails the same way.
 */
const { existsSync } = require('node:fs')
const path = require('node:path')

const DIST = path.resolve(process.env.WEAPP_DIST || path.join(__dirname, '../../../dist/weapp'))

const problem = () => {
  const missing = ['app.js', 'app.json', 'base.wxml'].filter((f) => !existsSync(path.join(DIST, f)))
  return missing.length
    ? `test:weapp renders the built mini-program, but ${path.relative(process.cwd(), DIST) || DIST} ` +
        `has no ${missing.join(', ')}. Run \`npm run build:weapp\` first.`
    : null
}

module.exports = async () => {
  const message = problem()
  if (message) throw new Error(message)
}

if (require.main === module) {
  const message = problem()
  if (message) {
    console.error(message)
    process.exit(1)
  }
}

import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')

/** The lint rules `npm test` runs (eslint.config.mjs) catch what they are there for. */
describe('lint', () => {
  /** Lints `code` as if it were `file` (ESLint's own CLI reading stdin); answers the rules that fired. */
  const lint = async (code: string, file: string): Promise<(string | null)[]> => {
    let out: string
    try {
      out = execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
          '--stdin',
          '--stdin-filename',
          file,
          '--format',
          'json',
        ],
        {
          cwd: ROOT,
          input: code,
          encoding: 'utf8',
        },
      )
    } catch (e) {
      out = (e as { stdout: string }).stdout // exit 1: problems found
    }
    const [result] = JSON.parse(out) as { messages: { ruleId: string | null }[] }[]
    return result!.messages.map((m) => m.ruleId)
  }

  it('refuses a hook called conditionally and an effect that forgets a dependency', async () => {
    const code = [
      "import { useEffect, useState } from 'react'",
      'export function Probe({ on, id }: { on: boolean; id: string }) {',
      '  if (on) useState(0)',
      '  useEffect(() => console.log(id), [])',
      '  return null',
      '}',
    ].join('\n')
    const rules = await lint(code, 'miniprogram/src/lint-probe.tsx')
    expect(rules).toEqual(
      expect.arrayContaining(['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps']),
    )
  }, 60_000)

  it('refuses an unused variable in TypeScript', async () => {
    expect(
      await lint('const unused = 1\nexport {}\n', 'cloudfunctions/src/lint-probe.ts'),
    ).toContain('@typescript-eslint/no-unused-vars')
  }, 60_000)
})

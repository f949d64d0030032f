import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ErrorCodes, defaultMessages } from '@shared/errors/error-codes'

/**
 * Every error code a function answers is registered in shared/errors/error-codes.ts (clients branch
 * on them, and each needs a Chinese default message). Scans cloudfunctions/src for whole string
 * literals shaped like a code (`'FAMILY.NAME'`) and fails on any the registry lacks.
 */
const SRC = join(__dirname, '..', 'src')

/** Whole literals shaped like codes that are vendors' words, not ours (WeChat Pay's event types). */
const NOT_OUR_CODES = new Set(['TRANSACTION.SUCCESS', 'REFUND.SUCCESS'])

const CODE_LITERAL = /(['"`])([A-Z]+\.[A-Z_]+)\1/g

const codeLiterals = (text: string): string[] =>
  [...text.matchAll(CODE_LITERAL)].map((m) => m[2]!).filter((c) => !NOT_OUR_CODES.has(c))

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  )

const registered = new Set<string>(Object.values(ErrorCodes))

describe('error codes: all registered', () => {
  test('the scan picks out code-shaped literals and nothing else', () => {
    const text = `answer(false, 'DELIVERY.BAD_SIGNATURE'); code: "COMMON.VALIDATION"; \`ORDER.WRONG_STATE\`
      'a.b' 'Order.Paid' 'COMMON.' '.X' 'COMMON.VALIDATION.MORE' 'v1.2' 'ORDER.WRONG_STATE' + 'x' 'TRANSACTION.SUCCESS'
      'see ORDER.WRONG_STATE here' "https://API.EXAMPLE.COM"`
    expect(codeLiterals(text)).toEqual([
      'DELIVERY.BAD_SIGNATURE',
      'COMMON.VALIDATION',
      'ORDER.WRONG_STATE',
      'ORDER.WRONG_STATE',
    ])
  })

  test('every code-shaped literal in cloudfunctions/src is in ErrorCodes, with a default message', () => {
    const files = sources(SRC)
    expect(files.length).toBeGreaterThan(50) // the scan reads the sources, not an empty folder
    const unregistered: string[] = []
    for (const file of files) {
      for (const code of codeLiterals(readFileSync(file, 'utf8'))) {
        if (!registered.has(code) || !defaultMessages[code as keyof typeof defaultMessages])
          unregistered.push(`${relative(SRC, file)}: ${code}`)
      }
    }
    expect(unregistered).toEqual([])
  })
})

import { z } from 'zod'
import { defineContract } from '@shared/contracts/define-contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { startTestCloud, type TestCloud } from '../../../test/harness'
import { createHandler } from '../create-handler'

/** An action that takes and gives nothing: its route throws. */
const throwing = (summary: string, auth: 'public' | 'identified') => ({
  summary,
  auth,
  input: z.object({}),
  output: z.object({}),
  errors: [],
})

const Echo = defineContract('echo', {
  echo: {
    summary: 'Answers what it was given, for testing the handler.',
    auth: 'public',
    input: z.object({ text: z.string().max(5, '最多 5 个字') }).strict(),
    output: z.object({ text: z.string() }),
    errors: [],
  },
  boom: throwing('Throws an unexpected error, for testing the handler.', 'public'),
  denied: throwing('Throws an expected error, for testing the handler.', 'identified'),
})

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => {
  cloud.stop()
  jest.restoreAllMocks()
})

const main = createHandler(Echo, {
  // Returns an extra field: the output contract must strip it.
  echo: async ({ text }) => ({ text, secretOpenid: 'o-x' }) as { text: string },
  boom: async () => {
    throw new Error('database exploded at /var/lib/secret')
  },
  denied: async () => {
    throw new AppError(ErrorCodes.FORBIDDEN)
  },
})

describe('createHandler', () => {
  it('answers data parsed through the output contract, dropping undeclared fields', async () => {
    expect(await main({ action: 'echo', input: { text: 'hi' } }, {})).toEqual({
      ok: true,
      data: { text: 'hi' },
    })
  })

  it('turns schema failures into COMMON.VALIDATION with the field path', async () => {
    expect(await main({ action: 'echo', input: { text: 'toolong' } }, {})).toEqual({
      ok: false,
      error: {
        code: 'COMMON.VALIDATION',
        message: '最多 5 个字',
        details: { path: 'text', issues: [{ path: 'text', message: '最多 5 个字' }] },
      },
    })
  })

  it('refuses input nested deeper than 32 levels with COMMON.VALIDATION, not a stack overflow', async () => {
    const nest = (depth: number, leaf: unknown = 'x') => {
      let v: unknown = leaf
      for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v]
      return v
    }
    for (const depth of [33, 10_000, 200_000]) {
      expect(await main({ action: 'echo', input: { text: nest(depth - 1) } }, {})).toEqual({
        ok: false,
        error: { code: 'COMMON.VALIDATION', message: '请求内容嵌套过深（最多 32 层）' },
      })
    }
    // 32 levels pass the depth check and reach the contract as usual.
    expect(await main({ action: 'echo', input: { text: nest(31) } }, {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION', details: { path: 'text' } },
    })
  })

  it('hides unexpected errors behind COMMON.INTERNAL', async () => {
    const res = await main({ action: 'boom', input: {} }, {})
    expect(res).toEqual({
      ok: false,
      error: { code: 'COMMON.INTERNAL', message: '服务开小差了，请稍后再试' },
    })
    expect(JSON.stringify(res)).not.toContain('secret')
  })

  it('checks auth before the route and passes expected errors through', async () => {
    expect(await main({ action: 'denied', input: {} }, {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
    expect(await main({ action: 'denied', input: {} }, cloud.contextFor('o-1'))).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN', message: '没有权限进行此操作' },
    })
  })

  it('names unknown actions', async () => {
    expect(await main({ action: 'toString', input: {} }, {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION' },
    })
    expect(await main({ action: 'nope' }, {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION', message: '云函数 echo 没有操作 nope' },
    })
  })
})

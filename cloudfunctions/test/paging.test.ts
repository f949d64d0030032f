import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { PageQuerySchema } from '@shared/contracts/common.schema'
import type { Contract } from '@shared/contracts/define-contract'
import { LISTING_LIMITS } from '@shared/domain/listing'

/**
 * Every paged action takes its cursor and limit from PageQuerySchema: one paging rule, one default.
 * The contracts are found as the authorization matrix finds them (shared stays free of node:fs).
 */
const contractsDir = join(__dirname, '../../shared/contracts')
const inputs = readdirSync(contractsDir)
  .filter((f) => f.endsWith('.contract.ts'))
  .flatMap((f) => Object.values(require(join(contractsDir, f)) as Record<string, unknown>))
  .filter(
    (v): v is Contract =>
      typeof (v as Partial<Contract> | null)?.name === 'string' &&
      typeof (v as Contract).actions === 'object',
  )
  .flatMap((c) =>
    Object.entries(c.actions).map(([action, spec]) => ({
      name: `${c.name}.${action}`,
      input: spec.input,
    })),
  )
const paged = inputs.flatMap(({ name, input }) =>
  input instanceof z.ZodObject && 'cursor' in input.shape ? [{ name, input }] : [],
)

describe('paging', () => {
  it('finds the paged actions', () => {
    expect(paged.map((p) => p.name)).toEqual(
      expect.arrayContaining(['listing.feed', 'order.mine', 'social.favorites', 'user.notices']),
    )
  })

  it.each(paged.map((p) => [p.name, p.input] as const))(
    '%s pages with PageQuerySchema and stays strict',
    (_name, input) => {
      expect(input.shape.cursor).toBe(PageQuerySchema.shape.cursor)
      expect(input.shape.limit).toBe(PageQuerySchema.shape.limit)
      expect(input._zod.def.catchall).toBeInstanceOf(z.ZodNever)
    },
  )

  it('defaults the page size and bounds it', () => {
    expect(PageQuerySchema.parse({})).toEqual({ limit: LISTING_LIMITS.pageDefault })
    expect(PageQuerySchema.safeParse({ limit: LISTING_LIMITS.pageMax + 1 }).success).toBe(false)
    expect(PageQuerySchema.strict().safeParse({ cursor: 'x', limit: 5, page: 2 }).success).toBe(
      false,
    )
  })
})

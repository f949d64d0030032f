import { z } from 'zod'
import { ADDRESS_LIMITS, ADDRESS_TAGS } from '../domain/address'
import { regionProblem } from '../domain/regions'
import { ErrorCodes } from '../errors/error-codes'
import { IdSchema, PhoneSchema } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'

/** 省/市/区 from the shared table (shared/domain/regions.ts); a city kept at city level takes district ''. */
export const RegionSchema = z
  .object({
    province: z.string({ error: '请选择省份' }).trim(),
    city: z.string({ error: '请选择城市' }).trim(),
    district: z.string().trim().default(''),
  })
  .strict()
  .superRefine((r, ctx) => {
    const problem = regionProblem(r)
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.part], message: problem.message })
  })
export type RegionInput = z.input<typeof RegionSchema>

/** What the add/edit form sends. */
export const AddressInputSchema = z
  .object({
    name: userText({
      min: 1,
      max: ADDRESS_LIMITS.nameMax,
      label: '收货人',
      required: '请填写收货人',
      tooShort: '请填写收货人',
      tooLong: `收货人最多 ${ADDRESS_LIMITS.nameMax} 字`,
    }).regex(/^[\u4e00-\u9fa5A-Za-z·. ]+$/, '收货人只能包含中文或字母'),
    phone: z.string({ error: '请填写手机号' }).trim().pipe(PhoneSchema),
    region: RegionSchema,
    detail: userText({
      min: ADDRESS_LIMITS.detailMin,
      max: ADDRESS_LIMITS.detailMax,
      label: '详细地址',
      required: '请填写详细地址',
      tooShort: '请填写详细地址（街道、门牌号）',
      tooLong: `详细地址最多 ${ADDRESS_LIMITS.detailMax} 字`,
    })
      .refine((s) => /[\u4e00-\u9fa5A-Za-z]/.test(s), '详细地址需包含街道或小区名称')
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u001f<>]/.test(s), '详细地址包含不支持的字符'),
    tag: z.enum(ADDRESS_TAGS, { error: '标签只能是 家、公司 或 学校' }).nullable().default(null),
    /** Makes this the default address as it is saved. */
    isDefault: z.boolean().default(false),
  })
  .strict()
export type AddressInput = z.input<typeof AddressInputSchema>

const RegionViewSchema = z.object({ province: z.string(), city: z.string(), district: z.string() })

/** One address in the list: name, phone and detail masked (李* 138****8000 文三路478号****). */
export const AddressSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  phone: z.string(),
  region: RegionViewSchema,
  /** 上海市 浦东新区 / 浙江省 杭州市 西湖区. */
  regionText: z.string(),
  detail: z.string(),
  tag: z.enum(ADDRESS_TAGS).nullable(),
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.number().int(),
})
export type AddressSummary = z.infer<typeof AddressSummarySchema>

/** One address in full: only its owner ever receives this (editing, checkout). */
export const AddressSchema = AddressSummarySchema
export type Address = z.infer<typeof AddressSchema>

export const AddressListSchema = z.object({
  /** The default first, then newest first. */
  items: z.array(AddressSummarySchema),
  max: z.number().int(),
})
export type AddressList = z.infer<typeof AddressListSchema>

const ById = z.object({ id: IdSchema }).strict()

export const AddressContract = defineContract('address', {
  list: {
    summary: "The caller's addresses, masked, default first.",
    auth: 'user',
    input: z.object({}).strict(),
    output: AddressListSchema,
    errors: [],
  },
  get: {
    summary:
      'One of the caller’s own addresses in full (for editing and checkout); anyone else’s is NOT_FOUND.',
    auth: 'user',
    input: ById,
    output: AddressSchema,
    errors: [],
  },
  create: {
    summary: 'Saves a new address (the first one becomes the default); at most 20 per user.',
    auth: 'user',
    input: AddressInputSchema,
    output: AddressSchema,
    errors: [ErrorCodes.ADDRESS_TOO_MANY],
  },
  update: {
    summary: 'Replaces an address if it is still at expectedVersion (else COMMON.CONFLICT).',
    auth: 'user',
    input: AddressInputSchema.extend({
      id: IdSchema,
      expectedVersion: z.number().int().min(1),
    }).strict(),
    output: AddressSchema,
    errors: [],
  },
  remove: {
    summary:
      'Deletes an address; when it was the default, the newest remaining one takes its place.',
    auth: 'user',
    input: ById,
    output: AddressListSchema,
    errors: [],
  },
  setDefault: {
    summary: 'Makes one address the default; there is only ever one.',
    auth: 'user',
    input: ById,
    output: AddressListSchema,
    errors: [],
  },
})

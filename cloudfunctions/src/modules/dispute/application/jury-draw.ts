import { drawWeight, weightedSample, type DisputeRules } from '@shared/domain/dispute'
import { DAY } from '@shared/domain/time'
import type { Deps } from '../../deps'
import { chatPartnersOf } from '../../chat'
import { tradePartnersOf } from '../../order'
import { groupKeysOf, shareContactsOf } from '../../share'
import { communitiesOf } from '../../social'
import { isBanned, isOperator, usersCreatedBefore, type UserRecord } from '../../user'
import { JuryDuties, JurorReputations, type DisputeRecord } from '../domain/dispute.records'
import { ineligibility, uniformFrom, type Ineligible } from '../domain/jury.rules'

/** How far back a party's trades, chats and shares are looked at for links. */
const LINKS_LOOKED_AT = 200

/** Everyone a party is linked to by a trade, a chat or a share, and the places they share (communities, groups). */
const linksOf = async (deps: Deps, userId: string) => {
  const [trades, chats, shares, communities, groups] = await Promise.all([
    tradePartnersOf(deps, userId, LINKS_LOOKED_AT),
    chatPartnersOf(deps, userId, LINKS_LOOKED_AT),
    shareContactsOf(deps, userId, LINKS_LOOKED_AT),
    communitiesOf(deps, userId),
    groupKeysOf(deps, userId, LINKS_LOOKED_AT),
  ])
  return {
    people: new Set([...trades, ...chats, ...shares]),
    places: new Set([...communities.map((c) => `c:${c.id}`), ...[...groups].map((g) => `g:${g}`)]),
  }
}

/** The communities and groups a candidate is in, keyed as `linksOf` keys them. */
const placesOf = async (deps: Deps, userId: string) => {
  const [communities, groups] = await Promise.all([
    communitiesOf(deps, userId),
    groupKeysOf(deps, userId, LINKS_LOOKED_AT),
  ])
  return [...communities.map((c) => `c:${c.id}`), ...[...groups].map((g) => `g:${g}`)]
}

export interface DrawResult {
  jurorIds: string[]
  /** Why candidates were passed over (for tests and the operators' view of a failed draw). */
  skipped: Partial<Record<Ineligible, number>>
}

/**
 * Draws the panel: candidates are accounts old enough to serve, put in a random order weighted
 * by juror reputation (reliable jurors more likely, everyone a real chance; uniform numbers from
 * the CSPRNG behind SecretCodes), then taken in that order while eligible (shared/domain rules:
 * credit tier, not banned, the week's cap, no link to either party) until the panel is full.
 * Fewer than `panelSize` eligible means the jury cannot form.
 */
export const drawJury = async (
  deps: Deps,
  d: Pick<DisputeRecord, 'buyerId' | 'sellerId'>,
  rules: DisputeRules,
  now: number,
): Promise<DrawResult> => {
  const candidates = await usersCreatedBefore(
    deps,
    now - rules.minAccountAgeMs,
    rules.candidatePool,
  )
  const weighted = await Promise.all(
    candidates.map(async (u) => {
      const rep = await deps.store.get(JurorReputations, u._id)
      return { item: u, weight: drawWeight(rep ?? { agreed: 0, counted: 0 }) }
    }),
  )
  const order = weightedSample(
    weighted,
    weighted.length,
    uniformFrom((n, a) => deps.codes.draw(n, a)),
  )
  const [buyer, seller] = await Promise.all([linksOf(deps, d.buyerId), linksOf(deps, d.sellerId)])
  const people = new Set([...buyer.people, ...seller.people])
  const places = new Set([...buyer.places, ...seller.places])
  const jurorIds: string[] = []
  const skipped: DrawResult['skipped'] = {}
  for (const u of order) {
    if (jurorIds.length >= rules.panelSize) break
    const why = await whyNot(deps, u, d, rules, now, people, places)
    if (why) skipped[why] = (skipped[why] ?? 0) + 1
    else jurorIds.push(u._id)
  }
  return { jurorIds, skipped }
}

const whyNot = async (
  deps: Deps,
  u: UserRecord,
  d: Pick<DisputeRecord, 'buyerId' | 'sellerId'>,
  rules: DisputeRules,
  now: number,
  people: Set<string>,
  places: Set<string>,
) => {
  // The cheap facts first; the reads only for candidates that pass them.
  const quick = ineligibility(
    {
      isParty: u._id === d.buyerId || u._id === d.sellerId,
      isOperator: isOperator(u),
      banned: isBanned(u, now),
      accountAgeMs: now - u.createdAt,
      tier: rules.minJurorTier,
      casesThisWeek: 0,
      connected: people.has(u._id),
    },
    rules,
  )
  if (quick) return quick
  const [tier, cases, theirPlaces] = await Promise.all([
    deps.hooks.creditTier(deps, u._id),
    deps.store.count(JuryDuties, { jurorId: u._id, assignedAt: { $gt: now - 7 * DAY } }),
    placesOf(deps, u._id),
  ])
  return ineligibility(
    {
      isParty: false,
      isOperator: false,
      banned: false,
      accountAgeMs: now - u.createdAt,
      tier: tier.key,
      casesThisWeek: cases,
      connected: theirPlaces.some((p) => places.has(p)),
    },
    rules,
  )
}

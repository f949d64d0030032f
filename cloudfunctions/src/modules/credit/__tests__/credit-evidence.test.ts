// Compares the isomorphic SHA-256 in shared/ with node:crypto, so it lives on the Node side.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { canonicalJson } from '@shared/domain/credit/canonical-json'
import {
  GENESIS_HASH,
  headLeaf,
  linkHash,
  merkleProofs,
  merkleRoot,
  verifyChain,
  verifyEvidence,
  verifyInclusion,
  type ChainLink,
} from '@shared/domain/credit/credit-evidence'
import { sha256Hex } from '@shared/domain/credit/sha256'

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

const chainOf = (events: Record<string, unknown>[]): ChainLink[] => {
  let prev = GENESIS_HASH
  return events.map((e, i) => {
    const event = { ...e, seq: i + 1 }
    const hash = linkHash(prev, event)
    const link = { seq: i + 1, event, prevHash: prev, hash }
    prev = hash
    return link
  })
}

const events = [
  { kind: 'trade_sold', sourceId: 'O1', at: 1, amountFen: 12_800, partnerId: 'B' },
  { kind: 'review_received', sourceId: 'R1', at: 2, stars: 5, partnerId: 'B' },
  { kind: 'late_shipment', sourceId: 'O2', at: 3 },
]

describe('sha256', () => {
  it('matches node:crypto on known and random text (CJK and emoji too)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe(nodeSha('abc'))
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (s) => sha256Hex(s) === nodeSha(s),
      ),
    )
    expect(sha256Hex('信用存证😀'.repeat(40))).toBe(nodeSha('信用存证😀'.repeat(40)))
  })
})

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    )
  })
})

describe('hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chainOf(events))).toEqual({ ok: true })
  })

  it('detects a rewritten past event even when its own hash is recomputed', () => {
    const chain = chainOf(events)
    const tampered = chain.map((l) => ({ ...l, event: { ...l.event } }))
    tampered[0].event.amountFen = 999_999
    expect(verifyChain(tampered)).toMatchObject({ ok: false, seq: 1 })
    // A forger who rehashes link 1 breaks link 2's prevHash.
    tampered[0].hash = linkHash(GENESIS_HASH, tampered[0].event)
    expect(verifyChain(tampered)).toMatchObject({ ok: false, seq: 2 })
  })

  it('detects a removed or reordered event', () => {
    const chain = chainOf(events)
    expect(verifyChain([chain[0], chain[2]]).ok).toBe(false)
    expect(verifyChain([chain[1], chain[0], chain[2]]).ok).toBe(false)
  })
})

describe('Merkle proofs', () => {
  it('every leaf of any tree size proves into the root; another leaf does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        const leaves = Array.from({ length: n }, (_, i) => sha256Hex(`leaf${i}`))
        const root = merkleRoot(leaves)
        const proofs = merkleProofs(leaves)
        return proofs.every(
          (p) =>
            p.root === root &&
            verifyInclusion(p) &&
            !verifyInclusion({ ...p, leaf: sha256Hex('someone else') }),
        )
      }),
    )
  })

  it('verifies evidence end to end and catches a history rewritten after anchoring', () => {
    const chain = chainOf(events)
    const head = chain[2]
    const leaves = [headLeaf('A', 1, 'x'.repeat(64)), headLeaf('U', 3, head.hash), sha256Hex('c')]
    const proof = merkleProofs(leaves)[1]
    const anchoredHead = { seq: 3, hash: head.hash }
    expect(verifyEvidence({ userId: 'U', chain, anchoredHead, proof })).toEqual({
      ok: true,
      anchored: true,
    })
    // The whole chain rewritten consistently from link 1: valid as a chain, but not what was anchored.
    const forged = chainOf([{ ...events[0], amountFen: 1 }, events[1], events[2]])
    expect(verifyChain(forged)).toEqual({ ok: true })
    expect(verifyEvidence({ userId: 'U', chain: forged, anchoredHead, proof }).ok).toBe(false)
    // Someone else's proof, or a root other than the published one.
    expect(verifyEvidence({ userId: 'V', chain, anchoredHead, proof }).ok).toBe(false)
    expect(
      verifyEvidence({ userId: 'U', chain, anchoredHead, proof, expectedRoot: sha256Hex('r') }).ok,
    ).toBe(false)
  })
})

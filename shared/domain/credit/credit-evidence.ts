/**
 * 信用存证: each user's credit events form a hash chain (every link hashes the previous link's
 * hash and the canonical event), and each day the chain heads are combined into one Merkle root
 * recorded with its date. Rewriting, removing or reordering any past event changes every hash
 * after it, and so the head, which no longer matches the root anchored that day.
 * Pure and isomorphic: the server builds with these functions and anyone can verify with them.
 */

import { canonicalJson } from './canonical-json'
import { sha256Hex } from './sha256'

/** The prevHash of a chain's first link. */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainLink {
  seq: number
  event: Record<string, unknown>
  prevHash: string
  hash: string
}

export interface MerkleSibling {
  hash: string
  side: 'left' | 'right'
}

export interface MerkleProof {
  leaf: string
  index: number
  siblings: MerkleSibling[]
  root: string
}

/** A link's hash: SHA-256 over the previous hash followed by the event's canonical JSON. */
export const linkHash = (prevHash: string, event: Record<string, unknown>): string =>
  sha256Hex(prevHash + canonicalJson(event))

/** A day's Merkle leaf for one user's head: domain-separated so a leaf is never an inner node. */
export const headLeaf = (userId: string, seq: number, headHash: string): string =>
  sha256Hex(`linquan-credit-leaf\n${userId}\n${seq}\n${headHash}`)

const parent = (left: string, right: string) => sha256Hex(`linquan-credit-node\n${left}${right}`)

/** Where a chain first fails, or null when every link holds. */
export const verifyChain = (
  chain: readonly ChainLink[],
): { ok: true } | { ok: false; seq: number; reason: string } => {
  let prev = GENESIS_HASH
  for (const [i, link] of chain.entries()) {
    if (link.seq !== i + 1) return { ok: false, seq: link.seq, reason: '序号不连续' }
    if (link.event.seq !== link.seq) return { ok: false, seq: link.seq, reason: '事件序号不符' }
    if (link.prevHash !== prev) return { ok: false, seq: link.seq, reason: '前一哈希不符' }
    if (linkHash(prev, link.event) !== link.hash)
      return { ok: false, seq: link.seq, reason: '事件内容与哈希不符' }
    prev = link.hash
  }
  return { ok: true }
}

/** The levels of a Merkle tree, leaves first; an odd node out is carried up unchanged. */
const levelsOf = (leaves: readonly string[]): string[][] => {
  if (leaves.length === 0) throw new Error('a Merkle tree needs at least one leaf')
  const levels = [leaves.slice()]
  while (levels[levels.length - 1].length > 1) {
    const level = levels[levels.length - 1]
    const next: string[] = []
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? parent(level[i], level[i + 1]) : level[i])
    levels.push(next)
  }
  return levels
}

export const merkleRoot = (leaves: readonly string[]): string => {
  const levels = levelsOf(leaves)
  return levels[levels.length - 1][0]
}

/** Every leaf's inclusion proof at once (the day's anchoring stores each user's own). */
export const merkleProofs = (leaves: readonly string[]): MerkleProof[] => {
  const levels = levelsOf(leaves)
  const root = levels[levels.length - 1][0]
  return leaves.map((leaf, index) => {
    const siblings: MerkleSibling[] = []
    let i = index
    for (const level of levels.slice(0, -1)) {
      const sibling = i % 2 === 0 ? i + 1 : i - 1
      if (sibling < level.length)
        siblings.push({ hash: level[sibling], side: i % 2 === 0 ? 'right' : 'left' })
      i = Math.floor(i / 2)
    }
    return { leaf, index, siblings, root }
  })
}

/** Whether the proof hashes its leaf up to its root. */
export const verifyInclusion = (proof: MerkleProof): boolean => {
  let hash = proof.leaf
  for (const s of proof.siblings)
    hash = s.side === 'right' ? parent(hash, s.hash) : parent(s.hash, hash)
  return hash === proof.root
}

export type EvidenceVerdict =
  { ok: true; anchored: boolean } | { ok: false; reason: string; seq?: number }

/**
 * Checks a user's evidence end to end: the chain holds, the anchored head is one of its links, and
 * that head's leaf is in the day's root. `expectedRoot` is the root published for the day (pass it
 * when it is known from elsewhere; without it the proof's own root is trusted).
 */
export const verifyEvidence = (evidence: {
  userId: string
  chain: readonly ChainLink[]
  anchoredHead: { seq: number; hash: string } | null
  proof: MerkleProof | null
  expectedRoot?: string
}): EvidenceVerdict => {
  const chain = verifyChain(evidence.chain)
  if (!chain.ok) return chain
  if (!evidence.anchoredHead || !evidence.proof) return { ok: true, anchored: false }
  const { seq, hash } = evidence.anchoredHead
  if (evidence.chain[seq - 1]?.hash !== hash)
    return { ok: false, seq, reason: '存证的链头与当前记录不符' }
  if (headLeaf(evidence.userId, seq, hash) !== evidence.proof.leaf)
    return { ok: false, seq, reason: '存证叶子与链头不符' }
  if (!verifyInclusion(evidence.proof)) return { ok: false, reason: '默克尔证明不成立' }
  if (evidence.expectedRoot && evidence.expectedRoot !== evidence.proof.root)
    return { ok: false, reason: '默克尔根与公布的不符' }
  return { ok: true, anchored: true }
}

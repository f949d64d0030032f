import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Conversations, Messages } from '../src/modules/chat/domain/chat.records'
import { main as chat } from '../src/functions/chat'
import { publishListing } from './fixtures'
import { invoke, signUp, startTestCloud } from './harness'

const DIR = join(__dirname, '..', 'database-rules')
const OPERATIONS = ['read', 'write', 'create', 'update', 'delete']
const rules = () =>
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      collection: f.replace(/\.json$/, ''),
      rule: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>,
    }))

describe('database security rules (cloudfunctions/database-rules)', () => {
  it('names a real collection per file, with CloudBase operations and expressions of at most 1024 characters', () => {
    const collections = new Set([Messages.name, Conversations.name])
    for (const { collection, rule } of rules()) {
      expect(collections).toContain(collection)
      for (const [op, expr] of Object.entries(rule)) {
        expect(OPERATIONS).toContain(op)
        if (typeof expr === 'string') expect(expr.length).toBeLessThanOrEqual(1024)
        else expect(typeof expr).toBe('boolean')
      }
    }
  })

  it('lets only a conversation’s two parties read its messages, and nobody write them from the client', async () => {
    const rule = rules().find((r) => r.collection === Messages.name)!.rule
    expect(rule.write).toBe(false)
    // The fields the rule reads exist on the conversation, holding the parties' OPENIDs.
    const cloud = startTestCloud()
    try {
      await signUp(cloud, 'o-seller', 'o-buyer')
      const listing = await publishListing(cloud, 'o-seller', { title: '九成新 索尼耳机' })
      const res = await invoke(chat, cloud, 'o-buyer', 'open', { listingId: listing.id })
      if (!res.ok) throw new Error(res.error.code)
      const stored = (await cloud.container.store.get(Conversations, res.data.id))!
      expect(stored).toMatchObject({ buyerOpenid: 'o-buyer', sellerOpenid: 'o-seller' })
      for (const field of ['buyerOpenid', 'sellerOpenid'])
        expect(rule.read).toContain(
          `get(\`database.${Conversations.name}.\${doc.conversationId}\`).${field}`,
        )
      expect(JSON.stringify(res.data)).not.toContain('o-buyer')
    } finally {
      cloud.stop()
    }
  })
})

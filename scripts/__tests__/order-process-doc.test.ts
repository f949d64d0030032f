import { readFileSync } from 'node:fs'
import { ORDER_PROCESS_DOC, orderProcessDoc } from '../order-process-doc'

describe('docs/order-process.md', () => {
  it('is what the graph says today (regenerate with `npm run docs:order-process`)', () => {
    expect(readFileSync(ORDER_PROCESS_DOC, 'utf8')).toBe(orderProcessDoc())
  })

  it('draws every transition of the graph', () => {
    const doc = orderProcessDoc()
    for (const name of ['pay', 'contestReturn', 'returnUnconfirmed', 'compensationRefused'])
      expect(doc).toContain(`: ${name} (`)
  })
})

import { PermanentJobError } from '../application/outbox'

describe('PermanentJobError', () => {
  it('is recognised across copies of the module (a bundle and the local cloud host)', () => {
    // What another copy's class produces: a different class with the same registered brand.
    class OtherCopy extends Error {
      readonly [Symbol.for('linquan.PermanentJobError')] = true
    }
    expect(new OtherCopy('gone')).toBeInstanceOf(PermanentJobError)
    expect(new PermanentJobError('gone')).toBeInstanceOf(PermanentJobError)
    expect(new Error('transient')).not.toBeInstanceOf(PermanentJobError)
    expect(null).not.toBeInstanceOf(PermanentJobError)
  })
})

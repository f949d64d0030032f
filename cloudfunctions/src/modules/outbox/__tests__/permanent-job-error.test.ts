import { PermanentJobError } from '../application/outbox'

describe('PermanentJobError', () => {
  it('is recognised across copies of the module (a bundle and the local cloud host)', () => {
    // What another copy's class produces: another Error carrying the same registered brand.
    const fromOtherCopy = Object.assign(new Error('gone'), {
      [Symbol.for('linquan.PermanentJobError')]: true,
    })
    expect(fromOtherCopy).toBeInstanceOf(PermanentJobError)
    expect(new PermanentJobError('gone')).toBeInstanceOf(PermanentJobError)
    expect(new Error('transient')).not.toBeInstanceOf(PermanentJobError)
    expect(null).not.toBeInstanceOf(PermanentJobError)
  })
})

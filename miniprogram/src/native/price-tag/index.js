// A native component so it can be rendered (and tested) without Taro's runtime. It must format
// money exactly like shared/domain/money.ts formatFen; price-tag.test.ts checks that they agree.

/** "12,800" or "12.50" from fen, without the ¥ sign (the template draws it smaller). */
function amountOf(fen) {
  var abs = Math.abs(Math.round(Number(fen) || 0))
  var yuan = Math.floor(abs / 100)
  var cents = abs % 100
  var whole = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  var text = cents === 0 ? whole : whole + '.' + (cents < 10 ? '0' : '') + cents
  return (fen < 0 ? '-' : '') + text
}

Component({
  options: { addGlobalClass: true },
  properties: {
    /** Price in fen. */
    fen: { type: Number, value: 0 },
    /** Original price in fen; 0 or less hides it. */
    original: { type: Number, value: 0 },
    /** A service's unit label (小时, 次 …): the price reads ¥80/小时. Empty for goods. */
    unit: { type: String, value: '' },
    /** 'small' in cards, 'large' on the detail page. */
    size: { type: String, value: 'small' },
  },
  data: { amount: '0', originalText: '' },
  observers: {
    'fen, original': function (fen, original) {
      this.setData({
        amount: amountOf(fen),
        originalText: original > 0 ? '¥' + amountOf(original) : '',
      })
    },
  },
  lifetimes: {
    attached: function () {
      this.setData({
        amount: amountOf(this.data.fen),
        originalText: this.data.original > 0 ? '¥' + amountOf(this.data.original) : '',
      })
    },
  },
})

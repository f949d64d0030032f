/** The H5 stand-in for WeChat's payment sheet. Clearly a sandbox; never looks like real WeChat Pay. */

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

export interface CashierView {
  prepayId: string
  description: string
  merchant: string
  totalFen: number
  state: string
  /** Where to go after paying or cancelling (loopback or relative only). */
  redirectUrl?: string
  /** Sandbox base path, e.g. `/sandbox/wechat-pay`. */
  base: string
}

export const cashierHtml = (v: CashierView): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>沙箱 · 模拟微信支付</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC",sans-serif;background:#ededed}
.banner{background:#c0392b;color:#fff;text-align:center;padding:6px;font-size:13px}
.sheet{background:#fff;margin:24px 16px;border-radius:12px;padding:24px;text-align:center}
.amount{font-size:36px;font-weight:600;margin:12px 0}.muted{color:#888;font-size:14px}
button{display:block;width:100%;padding:12px;margin-top:12px;border:0;border-radius:8px;font-size:17px}
#pay{background:#07c160;color:#fff}#cancel{background:#f2f2f2;color:#333}#result{margin-top:16px;font-size:15px}
</style></head><body>
<div class="banner" data-testid="sandbox-banner">沙箱 · 模拟微信支付（不会产生真实扣款）</div>
<div class="sheet">
<div class="muted" id="merchant">${esc(v.merchant)}</div>
<div class="muted" id="description">${esc(v.description)}</div>
<div class="amount" id="amount">¥${(v.totalFen / 100).toFixed(2)}</div>
${
  v.state === 'NOTPAY'
    ? `<button id="pay">确认支付</button><button id="cancel">取消</button>`
    : `<div class="muted">订单状态：${esc(v.state)}</div>`
}
<div id="result" role="status"></div>
</div>
<script>
(function(){
  var prepayId=${JSON.stringify(v.prepayId).replace(/</g, '\\u003c')};
  var redirect=${JSON.stringify(v.redirectUrl ?? '').replace(/</g, '\\u003c')};
  var result=document.getElementById('result');
  function go(status){ if(redirect){ location.href=redirect+(redirect.indexOf('?')<0?'?':'&')+'pay_result='+status } }
  var pay=document.getElementById('pay'), cancel=document.getElementById('cancel');
  if(pay) pay.onclick=function(){
    pay.disabled=true;
    fetch(${JSON.stringify(v.base)}+'/cashier/pay',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({prepay_id:prepayId})})
      .then(function(r){return r.json().then(function(b){return {ok:r.ok,b:b}})})
      .then(function(x){ if(x.ok){ result.textContent='支付成功'; document.body.setAttribute('data-paid','1'); setTimeout(function(){go('success')},300) } else { result.textContent='支付失败：'+(x.b.message||x.b.code); pay.disabled=false } })
      .catch(function(){ result.textContent='网络错误'; pay.disabled=false });
  };
  if(cancel) cancel.onclick=function(){ result.textContent='已取消支付'; go('cancel') };
})();
</script>
</body></html>`

/** Only loopback or relative redirects: the cashier must not become an open redirect. */
export const safeRedirect = (url: string | null): string | undefined => {
  if (!url) return undefined
  if (url.startsWith('/') && !url.startsWith('//')) return url
  try {
    const u = new URL(url)
    if (
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
    )
      return url
  } catch {
    /* not a URL */
  }
  return undefined
}

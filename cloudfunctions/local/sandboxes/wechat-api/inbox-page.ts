import { formatCst, type InboxMessage } from './state'
import type { UpdatableCard } from './updatable-cards'

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/** WeChat's card colours: state 0 orange (#FA9D39), state 1 grey (#CCCCCC); 在售 gets green. */
const BADGE: Record<string, string> = { 在售: '#07c160', 已预订: '#fa9d39', 已售出: '#b2b2b2' }

/** One updatable card: 邻圈's label, what WeChat prints, and every change. */
const cardHtml = (
  c: UpdatableCard,
  now: number,
) => `<article class="card upd" data-activity-id="${esc(c.activity_id)}" data-label="${esc(c.label)}">
  <header><span class="app">动态消息</span><time>${esc(formatCst(c.createdAt))}</time></header>
  <h2><span class="badge" style="background:${BADGE[c.label] ?? '#576b95'}">${esc(c.label)}</span> ${esc(c.wechatText || '尚未分享')}</h2>
  <p class="to">activity_id ${esc(c.activity_id.slice(0, 16))}… · ${now >= c.expiresAt ? '已过期' : `有效至 ${esc(formatCst(c.expiresAt))}`}${c.openid ? ` · 分享者 ${esc(c.openid)}` : ''}</p>
  <ol class="history">${c.history.map((h) => `<li><time>${esc(formatCst(h.at))}</time> ${h.via === 'share' ? `分享${h.openid ? ` (${esc(h.openid)})` : ''}` : `更新为 state ${h.target_state}`} → ${esc(h.label)}</li>`).join('')}</ol>
</article>`

/**
 * `GET /inbox?openid=`: a user's messages laid out like WeChat's 服务通知 list (newest first), so
 * the H5 app in dev can show what WeChat would have pushed, and the updatable cards the user
 * created or shared with the state each shows now. Without openid: everyone's.
 */
export const inboxHtml = (
  openid: string | null,
  messages: InboxMessage[],
  allCards: UpdatableCard[] = [],
  now = Date.now(),
): string => {
  const cards = openid
    ? allCards.filter((c) => c.openid === openid || c.history.some((h) => h.openid === openid))
    : allCards
  const messageCards = messages
    .map(
      (m) => `<article class="card">
  <header><span class="app">邻圈</span><time>${esc(formatCst(m.sentAt))}</time></header>
  <h2>${esc(m.title)}</h2>
  ${openid ? '' : `<p class="to">→ ${esc(m.touser)}</p>`}
  <dl>${m.rows.map((r) => `<div><dt>${esc(r.label)}</dt><dd>${esc(r.value)}</dd></div>`).join('')}</dl>
  <footer>${m.kind === 'subscribe' ? `进入小程序查看${m.page ? ` <small>${esc(m.page)}</small>` : ''}` : '查看详情'}<span>›</span></footer>
</article>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>服务通知${openid ? ` · ${esc(openid)}` : ''}</title>
<style>
body{margin:0;background:#ededed;font:14px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#191919}
.bar{position:sticky;top:0;background:#ededed;text-align:center;font-weight:600;font-size:17px;padding:12px 0}
main{max-width:520px;margin:0 auto;padding:0 12px 24px}
.card{background:#fff;border-radius:8px;margin:12px 0;padding:14px 16px 0}
.card header{display:flex;justify-content:space-between;color:#888;font-size:12px}
.card h2{font-size:17px;font-weight:500;margin:6px 0 10px}
.card dl{margin:0 0 12px}.card dl div{display:flex;gap:12px;margin:4px 0}
.card dt{color:#888;min-width:5.5em}.card dd{margin:0;word-break:break-all}
.card footer{display:flex;justify-content:space-between;border-top:1px solid #eee;padding:10px 0;color:#576b95}
.to{color:#888;font-size:12px;margin:-6px 0 8px}.empty{text-align:center;color:#888;margin-top:40px}
small{color:#aaa}
.badge{display:inline-block;color:#fff;border-radius:4px;padding:0 6px;font-size:13px;margin-right:4px}
.history{margin:0 0 12px;padding-left:18px;color:#888;font-size:12px}
h3{font-size:14px;color:#888;font-weight:400;margin:20px 4px 0}
</style></head>
<body><div class="bar">服务通知</div><main>
${messageCards || '<p class="empty">暂无通知</p>'}
<h3>动态消息卡片</h3>
${cards.map((c) => cardHtml(c, now)).join('\n') || '<p class="empty">暂无动态消息</p>'}
</main></body></html>`
}

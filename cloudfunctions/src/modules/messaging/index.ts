/** messaging: the WeChat server API (ports/wechat-api.port) as outbox jobs. */
export { runWechatCall } from './application/wechat-job'

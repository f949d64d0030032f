/** inbox: the in-app notices under 消息. */
export { insertNotice, sendNotice } from './application/notices.use-case'
export type { NoticeRecord } from './domain/notice.record'

/**
 * The people you can sign in as locally (the H5 demo-user picker). OPENIDs look like WeChat's
 * only in spirit: the `o-demo-` prefix makes them impossible to confuse with real ones.
 */
export interface DemoUser {
  openid: string
  nickname: string
  city: '上海' | '杭州'
  /** Where this person usually sells from; most of their listings are near here. */
  district: string
  /**
   * A platform operator too (纠纷处理, 先行赔付, the moderation queue), so disputes and reports can
   * be decided locally: o-demo-08 decides, o-demo-06 answers the appeals against its decisions.
   */
  moderator?: boolean
}

export const DEMO_USERS: readonly DemoUser[] = [
  { openid: 'o-demo-01', nickname: '小鹿爱搬家', city: '上海', district: '徐汇区' },
  { openid: 'o-demo-02', nickname: '阿杰的数码铺', city: '上海', district: '浦东新区' },
  { openid: 'o-demo-03', nickname: '静安王阿姨', city: '上海', district: '静安区' },
  { openid: 'o-demo-04', nickname: '杨浦读书人', city: '上海', district: '杨浦区' },
  { openid: 'o-demo-05', nickname: '西湖边的猫', city: '杭州', district: '西湖区' },
  // The second moderator: appeals go to a moderator other than the one who decided.
  {
    openid: 'o-demo-06',
    nickname: '滨江程序员',
    city: '杭州',
    district: '滨江区',
    moderator: true,
  },
  { openid: 'o-demo-07', nickname: '拱墅宝妈', city: '杭州', district: '拱墅区' },
  { openid: 'o-demo-08', nickname: '余杭小周', city: '杭州', district: '余杭区', moderator: true },
]

export const isDemoOpenid = (openid: unknown): openid is string =>
  typeof openid === 'string' && DEMO_USERS.some((u) => u.openid === openid)

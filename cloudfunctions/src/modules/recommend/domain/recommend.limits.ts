import { MINUTE } from '@shared/domain/time'
import { slidingRule } from '../../core/ports/rate-limiter.port'

/**
 * A first page of 推荐 ranks hundreds of listings; later pages only read the frozen ranking and
 * are not limited. A person refreshes now and then, so 30 rankings a minute is plenty; an
 * address may be many people behind one NAT (a campus), so it gets more.
 */
export const RANK_PER_USER = slidingRule('recommend-rank-user', 30, MINUTE)
export const RANK_PER_ADDRESS = slidingRule('recommend-rank-ip', 120, MINUTE)

export const RECOMMEND_TOO_OFTEN = '刷新太频繁了，请稍后再试'

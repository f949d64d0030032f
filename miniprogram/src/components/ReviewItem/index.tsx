import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Avatar } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import type { PublicReview } from '@shared/contracts/review.contract'
import { RATING_LABELS, ratingLevel } from '@shared/domain/review'
import { formatRelativeTime } from '@shared/domain/relative-time'
import './review-item.scss'

export interface ReviewItemProps {
  review: PublicReview & { state?: 'submitted' | 'published' }
  now: number
  /** Whose name heads the card: the reviewer (a storefront, 收到的) or the one rated (我评价的). */
  heading?: 'reviewer' | 'reviewee'
  /** Shows what was traded under the text (lists of many orders' reviews). */
  showItem?: boolean
  id?: string
}

/** ★★★★☆ as text: light to render in both builds, read the same by screen readers. */
export const starsText = (stars: number) => '★'.repeat(stars) + '☆'.repeat(5 - stars)

const preview = (urls: string[], current: string) =>
  void Taro.previewImage({ urls, current }).catch(() => undefined)

function Photos({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null
  return (
    <View className='review-item__photos'>
      {urls.map((url) => (
        <Image
          key={url}
          className='review-item__photo'
          src={url}
          mode='aspectFill'
          onClick={() => preview(urls, url)}
        />
      ))}
    </View>
  )
}

/**
 * One review as 闲鱼 shows it: who, the stars and 好评/中评/差评, tags, text, photos, then the
 * 追评 and the reply. People appear by nickname and avatar only.
 */
export function ReviewItem({
  review: r,
  now,
  heading = 'reviewer',
  showItem = false,
  id,
}: ReviewItemProps) {
  const who = heading === 'reviewer' ? r.reviewer : r.reviewee
  const level = ratingLevel(r.stars)
  const role =
    heading === 'reviewer'
      ? r.by === 'buyer'
        ? '买家'
        : '卖家'
      : r.by === 'buyer'
        ? '卖家'
        : '买家'
  return (
    <View className='review-item' id={id} data-by={r.by} data-stars={r.stars}>
      <View className='review-item__head'>
        <Avatar size='32' src={who.avatarUrl ?? ''} />
        <View className='review-item__who'>
          <Text className='review-item__name'>
            {heading === 'reviewee' ? `给${role} ${who.nickname}` : who.nickname}
            {heading === 'reviewer' && <Text className='review-item__role'> · {role}</Text>}
          </Text>
          <Text className='review-item__time'>
            {formatRelativeTime(r.publishedAt ?? r.submittedAt, now)}
          </Text>
        </View>
        <View className={`review-item__rating is-${level}`}>
          <Text className='review-item__stars'>{starsText(r.stars)}</Text>
          <Text className='review-item__level'>{RATING_LABELS[level]}</Text>
        </View>
      </View>
      {r.state === 'submitted' && (
        <Text className='review-item__blind'>仅你可见：对方评价后或评价期结束时公开</Text>
      )}
      {r.tags.length > 0 && (
        <View className='review-item__tags'>
          {r.tags.map((t) => (
            <Text key={t} className='review-item__tag'>
              {t}
            </Text>
          ))}
        </View>
      )}
      {r.text && <Text className='review-item__text'>{r.text}</Text>}
      <Photos urls={r.photoUrls} />
      {showItem && <Text className='review-item__goods'>宝贝：{r.item.title}</Text>}
      {r.followUp && (
        <View className='review-item__follow-up'>
          <Text className='review-item__label'>
            追评 · {formatRelativeTime(r.followUp.at, now)}
          </Text>
          <Text className='review-item__text'>{r.followUp.text}</Text>
          <Photos urls={r.followUp.photoUrls} />
        </View>
      )}
      {r.reply && (
        <View className='review-item__reply'>
          <Text className='review-item__label'>{r.by === 'buyer' ? '卖家' : '买家'}回复：</Text>
          <Text className='review-item__reply-text'>{r.reply.text}</Text>
        </View>
      )}
    </View>
  )
}

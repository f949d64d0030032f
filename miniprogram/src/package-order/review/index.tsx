import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Rate, Skeleton, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Rate/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { OrderReviews } from '@shared/contracts/review.contract'
import {
  REVIEW_LIMITS,
  RATING_LABELS,
  type ReviewTag,
  ratingLevel,
  tagsFor,
} from '@shared/domain/review'
import { api, isServiceError } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { PhotoGrid, type PhotoItem } from '@/components/PhotoGrid'
import { ReviewItem } from '@/components/ReviewItem'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { dateTimeText } from '../order-text'
import '../order.scss'
import './index.scss'

type Mode = 'submit' | 'followUp' | 'reply'
const TITLES: Record<Mode, string> = { submit: '评价', followUp: '追评', reply: '回复评价' }
const STAR_HINTS = ['', '非常差', '差', '一般', '满意', '非常满意']

/**
 * 评价 (stars, tags of the rated party, text, up to 6 photos), 追评 (text and photos) or a reply
 * to the other party's review, for one order. What the caller may do comes from forOrder.
 */
export default function ReviewFormPage() {
  const { params } = useRouter()
  const orderId = params.orderId ?? ''
  const mode: Mode = params.mode === 'followUp' || params.mode === 'reply' ? params.mode : 'submit'
  const { status } = useSession()
  const [reviews, setReviews] = useState<OrderReviews | null>(null)
  const [missing, setMissing] = useState(false)
  const [stars, setStars] = useState(5)
  const [tags, setTags] = useState<ReviewTag[]>([])
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: TITLES[mode] })
    if (status === 'signed-out') goLogin()
    if (status !== 'signed-in') return
    api.review
      .forOrder(orderId)
      .then((r) => (r ? setReviews(r) : setMissing(true)))
      .catch((e) => {
        if (isServiceError(e) && ['COMMON.NOT_FOUND', 'COMMON.VALIDATION'].includes(e.code))
          setMissing(true)
        else reportError(e, '加载失败，请稍后重试')
      })
  }, [orderId, mode, status])

  if (missing)
    return (
      <View style={{ paddingTop: '80px' }} id='review-missing'>
        <EmptyState title='这笔订单暂时不能评价' description='交易完成后才能评价' />
      </View>
    )
  if (!reviews)
    return (
      <View className='review-form'>
        <Skeleton rows={5} title animated visible={false} />
      </View>
    )

  const allowed = reviews.actions.includes(mode)
  const subject = mode === 'submit' || mode === 'followUp' ? reviews.mine : reviews.theirs
  const item = subject.review?.item ?? null
  const rated = reviews.role === 'buyer' ? '卖家' : '买家'
  const uploading = photos.some((p) => p.status === 'uploading')
  const photoFileIds = photos.filter((p) => p.fileId).map((p) => p.fileId!)

  const toggleTag = (t: ReviewTag) =>
    setTags((ts) =>
      ts.includes(t)
        ? ts.filter((x) => x !== t)
        : ts.length < REVIEW_LIMITS.tagsMax
          ? [...ts, t]
          : ts,
    )

  const submit = async () => {
    if (busy || uploading) return
    setBusy(true)
    setError(null)
    try {
      if (mode === 'submit')
        await api.review.submit({
          orderId,
          stars,
          tags,
          ...(text.trim() ? { text } : {}),
          photoFileIds,
        })
      else if (mode === 'followUp') await api.review.followUp({ orderId, text, photoFileIds })
      else await api.review.reply(orderId, text)
      toast(
        mode === 'submit' ? '评价已提交' : mode === 'followUp' ? '追评已发布' : '回复已发布',
        'success',
      )
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 800)
    } catch (e) {
      // What the form can fix (the text, a tag, a photo) shows under it; the rest as a toast.
      if (isServiceError(e) && /^(REVIEW|FILE)\.|^COMMON\.VALIDATION$/.test(e.code))
        setError(e.message)
      else reportError(e, '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  if (!allowed)
    return (
      <View className='review-form order-page' id='review-form' data-mode={mode}>
        <EmptyState
          id='review-not-allowed'
          title={
            mode === 'submit'
              ? reviews.mine.status === 'lapsed' || Date.now() >= reviews.closesAt
                ? '评价期已结束'
                : '你已经评价过了'
              : mode === 'followUp'
                ? '现在不能追评'
                : '现在不能回复'
          }
          description={
            mode === 'submit' ? '交易完成后 7 天内可评价，评价公开后 30 天内可追评一次' : ''
          }
        />
      </View>
    )

  return (
    <View className='review-form order-page' id='review-form' data-mode={mode}>
      {mode === 'submit' ? (
        <View className='order-section'>
          <Text className='order-section__heading'>给{rated}打个分</Text>
          <View className='review-form__stars' id='review-stars'>
            <Rate value={stars} min={1} onChange={(v) => setStars(v)} />
            <Text className={`review-form__level is-${ratingLevel(stars)}`} id='review-level'>
              {STAR_HINTS[stars]} · {RATING_LABELS[ratingLevel(stars)]}
            </Text>
          </View>
          <View className='review-form__tags' id='review-tags'>
            {(tagsFor(reviews.role) as readonly ReviewTag[]).map((t) => (
              <Text
                key={t}
                id={`review-tag-${t}`}
                className={`review-form__tag ${tags.includes(t) ? 'is-active' : ''}`}
                onClick={() => toggleTag(t)}
              >
                {t}
              </Text>
            ))}
          </View>
        </View>
      ) : (
        subject.review && (
          <View className='order-section' id='review-subject'>
            <Text className='order-section__heading'>
              {mode === 'followUp' ? '你的评价' : `${rated}对你的评价`}
            </Text>
            <ReviewItem review={subject.review} now={Date.now()} />
          </View>
        )
      )}

      <View className='order-section'>
        <Text className='order-section__heading'>
          {mode === 'reply'
            ? '你的回复'
            : mode === 'followUp'
              ? '使用一段时间后的感受'
              : '说说这次交易'}
        </Text>
        <TextArea
          className='review-form__text'
          id='review-text'
          value={text}
          placeholder={
            mode === 'reply'
              ? '回复会公开显示在这条评价下，只能回复一次'
              : mode === 'followUp'
                ? '追评只能发一次'
                : `${rated}怎么样？宝贝和描述相符吗？（选填）`
          }
          maxLength={mode === 'reply' ? REVIEW_LIMITS.replyMax : REVIEW_LIMITS.textMax}
          showCount
          onChange={(v) => {
            setText(v)
            setError(null)
          }}
        />
        {mode !== 'reply' && (
          <View className='review-form__photos'>
            <PhotoGrid
              items={photos}
              update={setPhotos}
              max={REVIEW_LIMITS.photosMax}
              dir='review-photos'
              cover={false}
            />
          </View>
        )}
        {error && (
          <Text className='review-form__error' id='review-error'>
            {error}
          </Text>
        )}
      </View>

      {mode === 'submit' && (
        <Text className='review-form__note muted'>
          双方都评价后，或 {dateTimeText(reviews.closesAt)}{' '}
          评价期结束时，评价才会公开；公开前对方看不到你的评价。
        </Text>
      )}
      {item && mode !== 'submit' && (
        <View className='review-form__item'>
          {item.coverUrl && (
            <Image className='review-form__cover' src={item.coverUrl} mode='aspectFill' />
          )}
          <Text className='muted'>{item.title}</Text>
        </View>
      )}
      <View className='review-form__bar safe-bottom'>
        <Button
          id='review-submit'
          type='primary'
          block
          loading={busy}
          disabled={uploading || (mode !== 'submit' && !text.trim())}
          onClick={submit}
        >
          {uploading
            ? '图片上传中…'
            : mode === 'submit'
              ? '提交评价'
              : mode === 'followUp'
                ? '发布追评'
                : '发布回复'}
        </Button>
      </View>
    </View>
  )
}

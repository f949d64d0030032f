import { type ReactNode, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, ScrollView, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import { CHAT_LIMITS, OFF_PLATFORM_WARNING } from '@shared/contracts/chat.contract'
import type { Conversation } from '@shared/contracts/chat.contract'
import { formatFen } from '@shared/domain/money'
import { api, askMessages, messageTemplates } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError } from '@/utils/feedback'
import { navigateOnce } from '@/utils/navigate'
import { Routes } from '@/utils/routes'
import { StorageKeys, readStored, removeStored, writeStored } from '@/utils/storage'
import { buildThread, threadImageUrls } from '../chat-thread'
import type { OfferButton } from '../offer-text'
import { ListingSummary } from '../components/ListingSummary'
import { CardBubble } from './CardBubble'
import { ChatImage } from './components/ChatImage'
import { ChatMenu } from './components/ChatMenu'
import { ListingPicker } from './ListingPicker'
import { OfferCard } from './OfferCard'
import { PriceSheet, type PriceAsk } from './PriceSheet'
import { useConversation } from './use-conversation'
import { useImageSend } from './use-image-send'
import { useOffer, type OfferControls } from './use-offer'
import { TrustSignals } from '@/components/TrustSignals'
import './index.scss'

/** 新消息 is asked for once per app launch, on the first 发送: asking on every send would nag. */
let askedForReplies = false
const askForReplies = () => {
  if (askedForReplies) return
  askedForReplies = true
  // Inside the tap, as WeChat requires; the ids were fetched when the page opened.
  void askMessages(['chatMessage'])
}

/** A price sheet open for the buyer's first offer or for either side's counter. */
type PriceMove = PriceAsk & { move: 'make' | 'counter' }

/**
 * One conversation about one listing: the listing pinned on top (立即购买 and 议价 for the buyer,
 * 改价 for the seller), the thread with offer cards, and a composer that keeps its draft.
 */
export default function ConversationPage() {
  const { params } = useRouter()
  const { status, user } = useSession()
  const chat = useConversation(
    { id: param(params.id), listingId: param(params.listingId) },
    status === 'signed-in',
  )
  const { opened } = chat
  const lastOfferSeq = chat.messages.reduce((n, m) => (m.offerId ? Math.max(n, m.seq) : n), 0)
  const offers = useOffer(opened.state === 'ready' ? opened.conversation : null, lastOfferSeq)
  const [priceAsk, setPriceAsk] = useState<PriceMove | null>(null)
  const [picking, setPicking] = useState(false)
  useEffect(() => {
    messageTemplates().catch(() => undefined)
  }, [])
  const images = useImageSend(opened.state === 'ready' ? opened.conversation.id : null, {
    onStored: chat.addStored,
    onAdded: chat.toBottom,
    onBlocked: () => void chat.refresh(),
  })

  if (status === 'signed-out')
    return (
      <View className='chat-empty' id='chat-signed-out'>
        <EmptyState
          title='登录后和卖家聊一聊'
          description='问问成色、约个时间，消息都在这里'
          action={{ text: '登录', onClick: goLogin }}
        />
      </View>
    )
  if (opened.state === 'failed')
    return (
      <View className='chat-empty' id='chat-failed'>
        <EmptyState
          title={opened.title}
          description={opened.description}
          action={opened.retry ? { text: '重新加载', onClick: chat.retryOpen } : null}
        />
      </View>
    )
  if (opened.state === 'loading')
    return (
      <View className='chat-empty'>
        <Text className='muted'>加载中…</Text>
      </View>
    )

  const c = opened.conversation
  const askPrice = (move: PriceMove['move']) =>
    setPriceAsk({
      move,
      title: move === 'make' ? '出个价' : '还个价',
      listedFen: c.listing.priceFen,
      currentFen: move === 'counter' ? (offers.offer?.priceFen ?? null) : null,
      tip:
        c.role === 'buyer'
          ? '卖家接受后，你可在 24 小时内按这个价格下单，钱款仍由平台担保'
          : '买家接受后，可在 24 小时内按这个价格下单',
    })
  const onOfferMove = async (b: OfferButton) => {
    if (b === 'counter') return askPrice('counter')
    if (b === 'accept') {
      const price = formatFen(offers.offer?.priceFen ?? 0)
      const r = await Taro.showModal({
        title: `接受 ${price}？`,
        content:
          c.role === 'seller'
            ? `买家可在 24 小时内按 ${price} 下单`
            : `接受后可在 24 小时内按 ${price} 下单`,
      })
      if (r.confirm) await offers.accept()
      return
    }
    await (b === 'decline' ? offers.decline() : offers.withdraw())
  }
  const submitPrice = async (priceFen: number) => {
    const ok = await (priceAsk?.move === 'make' ? offers.make(priceFen) : offers.counter(priceFen))
    if (ok) setPriceAsk(null)
  }
  const rows = buildThread({
    messages: chat.messages,
    pending: [...chat.pending, ...images.pending],
    meId: user?.id ?? null,
    otherReadSeq: chat.otherReadSeq,
    now: Date.now(),
  })
  const imageUrls = threadImageUrls(rows)
  return (
    <View className='chat' id='chat' data-id={c.id} data-role={c.role}>
      <Title conversation={c} />
      <ListingCard conversation={c} offers={offers} onAskPrice={askPrice}>
        <ChatMenu conversation={c} onChanged={chat.refresh} />
      </ListingCard>
      <TrustSignals userId={c.other.id} listingId={c.listing.id} variant='inline' id='chat-trust' />
      <ScrollView
        className='chat__thread'
        id='chat-thread'
        scrollY
        scrollTop={chat.scroll.top}
        scrollIntoView={chat.scroll.into}
      >
        {chat.hasOlder && (
          <Text className='chat__older' id='chat-older' onClick={() => void chat.loadOlder()}>
            {chat.loadingOlder ? '加载中…' : '查看更早的消息'}
          </Text>
        )}
        {rows.length === 0 && (
          <Text className='chat__hint' id='chat-hello'>
            {c.role === 'buyer' ? '问问成色、价格和交易方式吧' : '买家还没有发消息'}
          </Text>
        )}
        {rows.map((r, i) =>
          r.type === 'time' ? (
            <Text key={r.key} className='chat__time'>
              {r.label}
            </Text>
          ) : r.type === 'card' ? (
            <CardBubble key={r.key} row={r} />
          ) : r.type === 'offer' ? (
            <OfferCard
              key={r.key}
              row={r}
              offer={offers.offer}
              busy={offers.busy}
              onMove={(b) => void onOfferMove(b)}
            />
          ) : r.type === 'note' ? (
            <View
              key={r.key}
              className='chat__note'
              onClick={() => r.orderId && Taro.navigateTo({ url: Routes.order(r.orderId) })}
            >
              <Text>{r.text}</Text>
            </View>
          ) : (
            <View
              key={r.key}
              id={r.seq ? `msg-${r.seq}` : undefined}
              className={`msg ${r.mine ? 'is-mine' : 'is-theirs'} ${r.pending ? `is-${r.pending}` : ''} ${r.image ? 'is-image' : ''}`}
              data-seq={r.seq ?? undefined}
              onLongPress={
                !r.mine && r.seq && c.role !== 'operator'
                  ? () => void reportMessage(c, r.seq!, r.text)
                  : undefined
              }
            >
              <View className='msg__line'>
                {r.pending === 'failed' && (
                  <Text
                    className='msg__retry'
                    onClick={() =>
                      r.image
                        ? images.retry(r.clientMsgId!)
                        : void chat.send(r.text, r.clientMsgId!)
                    }
                  >
                    ! 重试
                  </Text>
                )}
                {r.pending === 'sending' && <Text className='msg__sending'>发送中</Text>}
                {r.image ? (
                  <ChatImage
                    image={r.image}
                    sizeKey={r.clientMsgId}
                    onPreview={(url) => void Taro.previewImage({ urls: imageUrls, current: url })}
                    onSized={i === rows.length - 1 ? chat.toBottom : undefined}
                  />
                ) : (
                  <Text className='msg__bubble' userSelect>
                    {r.text}
                  </Text>
                )}
              </View>
              {r.read && <Text className='msg__read'>已读</Text>}
              {r.warn && (
                <View className='msg__warn'>
                  <Text>⚠ {OFF_PLATFORM_WARNING}</Text>
                </View>
              )}
            </View>
          ),
        )}
        <View className='chat__end' />
      </ScrollView>
      {c.blocked ? (
        <BlockedNotice conversation={c} onChanged={chat.refresh} />
      ) : (
        <Composer
          conversationId={c.id}
          onSend={(t) => {
            askForReplies()
            void chat.send(t)
          }}
          onPickImage={() => void images.pick()}
          onPickListing={() => setPicking(true)}
        />
      )}
      <ListingPicker
        visible={picking}
        onPick={(listingId) => {
          setPicking(false)
          void chat.sendListing(listingId)
        }}
        onClose={() => setPicking(false)}
      />
      <PriceSheet
        ask={priceAsk}
        busy={offers.busy}
        onSubmit={(fen) => void submitPrice(fen)}
        onClose={() => setPriceAsk(null)}
      />
    </View>
  )
}

/**
 * Long-press on the other person's message: 举报 it, with this conversation's lines to pick from.
 * Its ref is `<conversationId>:<seq in 8 digits>`, the id chat gives every stored message.
 */
const reportMessage = async (c: Conversation, seq: number, text: string | null) => {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: ['举报这条消息'] })
    if (tapIndex !== 0) return
  } catch {
    return // dismissed
  }
  const id = `${c.id}:${String(seq).padStart(8, '0')}`
  await Taro.navigateTo({
    url: Routes.report(
      { kind: 'message', id },
      { label: text ? `${c.other.nickname}：${text}` : c.other.nickname, conversationId: c.id },
    ),
  })
}

// The H5 router hands query values over still encoded (a conversation id holds a ':').
const param = (v: string | undefined) => (v ? decodeURIComponent(v) : undefined)

/** The other person's name in the navigation bar, as WeChat titles a chat. */
function Title({ conversation }: { conversation: Conversation }) {
  const name = conversation.other.nickname
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: name }).catch(() => undefined)
  }, [name])
  return null
}

/**
 * The listing pinned on top. The buyer buys (at the agreed price once an offer is accepted) or
 * makes an offer while none is open; the seller's 改价 answers an offer waiting for them with a
 * counter, and otherwise edits the listed price for everyone.
 */
function ListingCard({
  conversation: c,
  offers,
  onAskPrice,
  children,
}: {
  conversation: Conversation
  offers: OfferControls
  onAskPrice: (move: 'make' | 'counter') => void
  children?: ReactNode
}) {
  const l = c.listing
  const active = l.status === 'active'
  const o = offers.offer
  const agreed = o?.state === 'accepted' && o.role === 'buyer' ? o : null
  const open = o?.state === 'awaiting_seller' || o?.state === 'awaiting_buyer'
  return (
    <View className='chat__listing' id='chat-listing'>
      <ListingSummary listing={l} priceId='chat-listing-price' />
      {c.role === 'buyer' && active && !agreed && (
        <Button
          id='chat-offer'
          size='small'
          fill='outline'
          type='primary'
          disabled={open}
          onClick={() => onAskPrice('make')}
        >
          {open ? '议价中' : '议价'}
        </Button>
      )}
      {c.role === 'buyer' && active && (
        <Button
          id='chat-buy'
          size='small'
          type='primary'
          onClick={() => navigateOnce(Routes.checkout(l.id, agreed?.id))}
        >
          {agreed ? `${formatFen(agreed.priceFen)} 购买` : '立即购买'}
        </Button>
      )}
      {c.role === 'seller' && active && (
        <Button
          id='chat-edit-price'
          size='small'
          fill='outline'
          type='primary'
          onClick={() =>
            o?.state === 'awaiting_seller'
              ? onAskPrice('counter')
              : Taro.navigateTo({ url: Routes.editListing(l.id) })
          }
        >
          改价
        </Button>
      )}
      {children}
    </View>
  )
}

/** 图片, 宝贝, the input and 发送; the unsent text is kept per conversation until it is sent. */
function Composer({
  conversationId,
  onSend,
  onPickImage,
  onPickListing,
}: {
  conversationId: string
  onSend: (text: string) => void
  onPickImage: () => void
  onPickListing: () => void
}) {
  const key = StorageKeys.chatDraft + conversationId
  const [draft, setDraft] = useState(() => readStored<string>(key) ?? '')
  const type = (text: string) => {
    setDraft(text)
    if (text) writeStored(key, text)
    else removeStored(key)
  }
  const submit = () => {
    const text = draft.trim()
    if (!text) return
    type('')
    onSend(text)
  }
  return (
    <View className='chat__composer' id='chat-composer'>
      <View className='chat__image-btn' id='chat-image-pick' onClick={onPickImage}>
        <View className='chat__image-icon' />
      </View>
      <Text className='chat__card-btn' id='chat-card-pick' onClick={onPickListing}>
        宝贝
      </Text>
      <Input
        id='chat-input'
        className='chat__input'
        value={draft}
        maxlength={CHAT_LIMITS.textMax}
        confirmType='send'
        confirmHold
        adjustPosition
        placeholder='想跟TA说点什么…'
        onInput={(e) => type(e.detail.value)}
        onConfirm={submit}
      />
      <Button id='chat-send' size='small' type='primary' disabled={!draft.trim()} onClick={submit}>
        发送
      </Button>
    </View>
  )
}

function BlockedNotice({
  conversation: c,
  onChanged,
}: {
  conversation: Conversation
  onChanged: () => Promise<void>
}) {
  const unblock = async () => {
    try {
      await api.chat.unblock(c.id)
      await onChanged()
    } catch (e) {
      reportError(e, '操作失败，请稍后重试')
    }
  }
  return (
    <View className='chat__blocked' id='chat-blocked'>
      <Text className='muted'>
        {c.blockedByMe ? '你已屏蔽对方，双方都不能再发消息' : '你们之间已屏蔽，无法发送消息'}
      </Text>
      {c.blockedByMe && (
        <Button size='small' fill='outline' onClick={() => void unblock()}>
          解除屏蔽
        </Button>
      )}
    </View>
  )
}

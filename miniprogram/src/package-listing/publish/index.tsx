import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, Video, View } from '@tarojs/components'
import { Button, Checkbox, Form, Input, Progress, Radio, Skeleton, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Checkbox/style/css'
import '@nutui/nutui-react-taro/dist/esm/CheckboxGroup/style/css'
import '@nutui/nutui-react-taro/dist/esm/Form/style/css'
import '@nutui/nutui-react-taro/dist/esm/FormItem/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Progress/style/css'
import '@nutui/nutui-react-taro/dist/esm/Radio/style/css'
import '@nutui/nutui-react-taro/dist/esm/RadioGroup/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import { CreateListingInputSchema, type ListingDetail, type PriceReference } from '@shared/contracts/listing.contract'
import type { Community } from '@shared/contracts/social.contract'
import {
  CATEGORIES,
  CONDITIONS,
  LISTING_LIMITS,
  SERVICE_CATEGORY,
  SERVICE_UNITS,
  TRADE_METHODS,
  serviceUnitLabel,
} from '@shared/domain/listing'
import { assessQuality } from '@shared/domain/listing-quality'
import type { CommissionPolicy } from '@shared/domain/commission'
import { parseYuanToFen } from '@shared/domain/money'
import { api, isServiceError, uploadVideo, validationError } from '@/services'
import { LocationField, type LocationValue } from '@/components/LocationField'
import { PhotoGrid, type PhotoItem, type PhotoUpdater } from '@/components/PhotoGrid'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import { QualityPanel } from '@/components/QualityPanel'
import { useCity } from '@/hooks/use-city'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { priceReferenceText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import { contractRule, type FieldErrors } from '@/utils/form-rules'
import { commissionText } from './commission'
import { type ListingKindChoice, type PublishFields, clearDraft, loadDraft, saveDraft } from './draft'
import { FORM_FIELDS, fieldOfPath, fieldsFromListing, toCreateInput, toQualityInput, toUpdatePatch } from './to-input'
import './index.scss'

interface VideoItem {
  url: string
  fileId: string | null
  progress: number
  status: 'uploading' | 'done' | 'error'
  localPath?: string
}

const GOODS_CATEGORIES = CATEGORIES.filter((c) => c.id !== SERVICE_CATEGORY)
const SERVICE_SUBCATEGORIES = CATEGORIES.find((c) => c.id === SERVICE_CATEGORY)!.children
const dash = (id: string) => id.replace(/\./g, '-')
const PRICE_REFERENCE_DELAY_MS = 500
const MAX_VIDEO_SECONDS = 60

const photoItems = (photos: { fileId: string; url: string }[], prefix: string): PhotoItem[] =>
  photos.map((p, i) => ({ key: `${prefix}${i}`, url: p.url, fileId: p.fileId, progress: 100, status: 'done' }))

export default function PublishForm() {
  const { params } = useRouter()
  const editId = params.id ?? null
  const [form] = Form.useForm()
  const { status } = useSession()
  const [homeCity] = useCity()
  const [draft] = useState(() => (editId ? null : loadDraft()))
  const [editing, setEditing] = useState<ListingDetail | null>(null)
  const [kind, setKind] = useState<ListingKindChoice>(draft?.kind ?? 'goods')
  const [values, setValues] = useState<PublishFields>(draft?.fields ?? { shippingPayer: 'seller' })
  const [photos, setPhotos] = useState<PhotoItem[]>(() => photoItems(draft?.photos ?? [], 'd'))
  const [video, setVideo] = useState<VideoItem | null>(() =>
    draft?.video ? { ...draft.video, progress: 100, status: 'done' } : null,
  )
  const [location, setLocation] = useState<LocationValue | null>(draft?.location ?? null)
  const [communityIds, setCommunityIds] = useState<string[]>(draft?.communityIds ?? [])
  const [communities, setCommunities] = useState<Community[] | null>(null)
  const [reference, setReference] = useState<PriceReference | null>(null)
  const [submitting, setSubmitting] = useState<'draft' | 'publish' | null>(null)
  const [commission, setCommission] = useState<CommissionPolicy | null>(null)
  // Buyers can only pay a seller whose 开通收款 is done: say so before the listing goes up.
  const [canBePaid, setCanBePaid] = useState(true)

  // Rules read these refs: messages appear only after the first submit, and a message from the
  // server stays on its field until that field changes.
  const submitted = useRef(false)
  const serverErrors = useRef<FieldErrors>({})
  const latest = useRef({ photos, location, kind, video, communityIds })
  latest.current = { photos, location, kind, video, communityIds }

  useEffect(() => {
    if (status === 'signed-out') goLogin()
    if (status !== 'signed-in') return
    api.social
      .myCommunities()
      .then((r) => setCommunities(r.items))
      .catch(() => setCommunities([]))
  }, [status])

  useEffect(() => {
    if (status !== 'signed-in') return
    api.merchant.status().then((m) => setCanBePaid(m.state === 'finish'), () => setCanBePaid(true))
  }, [status])

  // The commission policy in force, for the line under the price; without it the line is left out.
  useEffect(() => {
    api.order
      .terms()
      .then((t) => setCommission(t.commission))
      .catch(() => setCommission(null))
  }, [])

  // Editing: fill the form from the seller's own listing.
  useEffect(() => {
    if (!editId) return
    api.listing
      .get({ id: editId })
      .then((l) => {
        if (!l.owner) {
          toast('只能编辑自己发布的宝贝')
          return
        }
        const fields = fieldsFromListing(l)
        form.setFieldsValue(fields)
        setValues(fields)
        setKind(l.kind)
        setPhotos(photoItems(l.photos, 'e'))
        setVideo(l.video ? { ...l.video, progress: 100, status: 'done' } : null)
        const loc = l.owner.location
        setLocation({ city: loc.city, district: loc.district, point: { latitude: loc.latitude, longitude: loc.longitude } })
        setCommunityIds(l.owner.communityIds)
        setEditing(l)
        Taro.setNavigationBarTitle({ title: l.status === 'draft' ? '编辑草稿' : '编辑宝贝' })
      })
      .catch((e) => reportError(e, '加载失败，请稍后重试'))
  }, [editId])

  const fields = (): PublishFields => form.getFieldsValue(true)
  const extras = (publish: boolean) => ({
    kind: latest.current.kind,
    videoFileId: latest.current.video?.status === 'done' ? latest.current.video.fileId : null,
    communityIds: latest.current.communityIds,
    publish,
  })
  const persist = () => {
    if (editId) return // an existing listing is saved on the server, not as a local draft
    const v = latest.current.video
    saveDraft(fields(), latest.current.photos, latest.current.location, {
      kind: latest.current.kind,
      video: v?.status === 'done' && v.fileId ? { fileId: v.fileId, url: v.url } : null,
      communityIds: latest.current.communityIds,
    })
  }
  useEffect(persist, [photos, location, kind, video, communityIds])

  /** Messages of the contract for the current form, by field. */
  const clientErrors = (): FieldErrors => {
    const f = fields()
    const r = CreateListingInputSchema.safeParse(toCreateInput(f, latest.current.photos, latest.current.location, extras(true)))
    if (r.success) return {}
    const out: FieldErrors = {}
    for (const [path, message] of Object.entries(validationError(r.error).fieldErrors)) {
      const field = fieldOfPath(path)
      if (!out[field]) out[field] = field === 'location' && !latest.current.location ? '请选择所在区域' : message
      if (field === 'price' && !f.price) out[field] = '请输入价格'
      if (field === 'shippingFee' && !f.shippingFee) out[field] = '请填写运费'
      if (field === 'serviceRadius') out[field] = f.serviceRadius ? '服务范围请填数字（公里）' : '请填写服务范围'
    }
    return out
  }
  const rule = (field: string) =>
    contractRule(field, () => (submitted.current ? (clientErrors()[field] ?? null) : null), serverErrors)

  /** Typing into a field retires the server's message for it and keeps the draft and score current. */
  const changed = (field: string) => () => {
    delete serverErrors.current[field]
    // the form store takes the new value right after this handler
    setTimeout(() => {
      setValues({ ...fields() })
      persist()
    }, 0)
  }

  const revalidate = (names: readonly string[]) => {
    form.validateFields(names as string[]).catch(() => undefined)
  }

  const updatePhotos: PhotoUpdater = (update) => {
    setPhotos((list) => update(list))
    delete serverErrors.current.photos
    if (submitted.current) setTimeout(() => revalidate(['photos']), 0)
  }
  const changeLocation = (v: LocationValue) => {
    setLocation(v)
    delete serverErrors.current.location
    if (submitted.current) setTimeout(() => revalidate(['location']), 0)
  }

  const switchKind = (next: ListingKindChoice) => {
    if (next === kind || editing) return
    setKind(next)
    const reset = next === 'service' ? { category: SERVICE_CATEGORY, subcategory: undefined } : { category: undefined, subcategory: undefined }
    form.setFieldsValue(reset)
    setValues({ ...fields(), ...reset })
  }
  const changeCategory = () => {
    form.setFieldsValue({ subcategory: undefined })
    changed('category')()
  }

  // --- video -------------------------------------------------------------------------------
  const startVideo = (item: VideoItem) => {
    uploadVideo(item.localPath ?? item.url, (progress) => setVideo((v) => (v ? { ...v, progress } : v)))
      .then((f) => setVideo({ url: f.url, fileId: f.fileId, progress: 100, status: 'done' }))
      .catch((e) => {
        setVideo((v) => (v ? { ...v, status: 'error' } : v))
        reportError(e, '视频上传失败')
      })
  }
  const addVideo = async () => {
    let path: string
    try {
      const r = await Taro.chooseVideo({ sourceType: ['album', 'camera'], maxDuration: MAX_VIDEO_SECONDS, compressed: true })
      if (r.duration && r.duration > MAX_VIDEO_SECONDS + 1) return toast(`视频最长 ${MAX_VIDEO_SECONDS} 秒`)
      path = r.tempFilePath
    } catch {
      return // the user closed the picker
    }
    const item: VideoItem = { url: path, localPath: path, fileId: null, progress: 0, status: 'uploading' }
    setVideo(item)
    startVideo(item)
  }

  // --- communities -------------------------------------------------------------------------
  const toggleCommunity = (id: string) =>
    setCommunityIds((ids) => {
      if (ids.includes(id)) return ids.filter((x) => x !== id)
      if (ids.length >= LISTING_LIMITS.communitiesMax) {
        toast(`最多同步到 ${LISTING_LIMITS.communitiesMax} 个圈子`)
        return ids
      }
      return [...ids, id]
    })

  // --- price reference ---------------------------------------------------------------------
  const refCity = location?.city ?? homeCity
  const refCategory = kind === 'service' ? SERVICE_CATEGORY : values.category
  const refKeyword = (values.title ?? '').trim().slice(0, 30)
  useEffect(() => {
    if (!refCategory) return setReference(null)
    const timer = setTimeout(() => {
      api.listing
        .priceReference({
          city: refCity,
          category: refCategory as never,
          ...(values.subcategory ? { subcategory: values.subcategory as never } : {}),
          ...(refKeyword.length >= 2 ? { keyword: refKeyword } : {}),
        })
        .then(setReference)
        .catch(() => setReference(null))
    }, PRICE_REFERENCE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [refCity, refCategory, values.subcategory, refKeyword])

  // --- submit ------------------------------------------------------------------------------
  const submit = async (publish: boolean) => {
    submitted.current = true
    serverErrors.current = {}
    const errors = clientErrors()
    revalidate(FORM_FIELDS)
    if (photos.some((p) => p.status === 'uploading')) return toast('图片还在上传，请稍候')
    if (video?.status === 'uploading') return toast('视频还在上传，请稍候')
    if (video?.status === 'error') return toast('视频上传失败，请重试或删除视频')
    if (Object.keys(errors).length > 0) return toast(publish ? '请按提示修改后再发布' : '请按提示补全后再保存')

    setSubmitting(publish ? 'publish' : 'draft')
    try {
      const input = toCreateInput(fields(), photos, location, extras(publish))
      let listing: ListingDetail
      if (editing) {
        listing = await api.listing.update({ id: editing.id, expectedVersion: editing.version, patch: toUpdatePatch(input) })
        if (publish && listing.status === 'draft') listing = await api.listing.act('publish', listing.id)
        toast(publish && editing.status === 'draft' ? '发布成功' : '已保存', 'success')
        setTimeout(() => {
          if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
          else Taro.redirectTo({ url: Routes.detail(listing.id) })
        }, 600)
      } else {
        listing = await api.listing.create(input)
        clearDraft()
        toast(publish ? '发布成功' : '已保存到草稿', 'success')
        // Replace the form so "back" from the new listing returns to where publishing started.
        setTimeout(() => Taro.redirectTo({ url: Routes.detail(listing.id) }), 600)
      }
    } catch (e) {
      if (isServiceError(e) && e.code === 'COMMON.VALIDATION') {
        for (const [path, message] of Object.entries(e.fieldErrors)) serverErrors.current[fieldOfPath(path)] = message
        revalidate(FORM_FIELDS)
        toast(e.message)
      } else if (isServiceError(e) && e.code === 'LISTING.PHOTO_MISSING') {
        serverErrors.current.photos = e.message
        revalidate(['photos'])
      } else if (isServiceError(e) && e.code === 'LISTING.LOCATION_OUTSIDE_CITY') {
        serverErrors.current.location = e.message
        revalidate(['location'])
      } else reportError(e, publish ? '发布失败，请稍后重试' : '保存失败，请稍后重试')
    } finally {
      setSubmitting(null)
    }
  }

  if (editId && !editing)
    return (
      <View className='publish'>
        <Skeleton rows={8} title animated visible={false} />
      </View>
    )

  const L = LISTING_LIMITS
  const goods = kind === 'goods'
  const topCategory = goods ? GOODS_CATEGORIES.find((c) => c.id === values.category) : null
  const subcategories = goods ? (topCategory?.children ?? []) : SERVICE_SUBCATEGORIES
  const methods = values.tradeMethods ?? []
  const donePhotos = photos.filter((p) => p.status === 'done').length
  const quality = assessQuality(toQualityInput(values, donePhotos, kind, video?.status === 'done'))
  const unit = !goods && values.serviceUnit ? serviceUnitLabel(values.serviceUnit) : ''
  const isDraftEdit = editing?.status === 'draft'

  return (
    <View className='publish safe-bottom' id='publish-form'>
      <View className='publish__kinds'>
        <View id='kind-goods' className={`publish__kind ${goods ? 'is-active' : ''} ${editing ? 'is-locked' : ''}`} onClick={() => switchKind('goods')}>
          <Text className='publish__kind-title'>闲置物品</Text>
          <Text className='publish__kind-sub'>手机、家具、衣物…</Text>
        </View>
        <View id='kind-service' className={`publish__kind ${!goods ? 'is-active' : ''} ${editing ? 'is-locked' : ''}`} onClick={() => switchKind('service')}>
          <Text className='publish__kind-title'>本地服务</Text>
          <Text className='publish__kind-sub'>家教、维修、跑腿…</Text>
        </View>
      </View>

      <Form form={form} initialValues={draft?.fields ?? { shippingPayer: 'seller' }} footer={null}>
        <Form.Item name='photos' className='field-photos publish__photos' rules={[rule('photos')]} noStyle={false}>
          <PhotoGrid items={photos} update={updatePhotos} />
        </Form.Item>
        <Text className='publish__tip muted'>第一张是封面，用 ‹ › 调整顺序</Text>

        <View className='publish__video' id='video-field'>
          {video ? (
            <View className={`video-tile is-${video.status}`} id='video-tile'>
              {video.status === 'done' ? (
                <Video className='video-tile__player' src={video.url} controls objectFit='cover' />
              ) : (
                <View className='video-tile__placeholder'>
                  {video.status === 'uploading' ? (
                    <>
                      <Text>视频上传中 {video.progress}%</Text>
                      <Progress percent={video.progress} strokeWidth='4' color='#ff4d2e' showText={false} />
                    </>
                  ) : (
                    <Text id='video-error' className='video-tile__error' onClick={() => startVideo(video)}>
                      视频上传失败，点击重试
                    </Text>
                  )}
                </View>
              )}
              <Text className='video-tile__remove' id='video-remove' onClick={() => setVideo(null)}>
                ×
              </Text>
            </View>
          ) : (
            <View className='video-add' id='video-add' onClick={addVideo}>
              <Text className='video-add__icon'>▶</Text>
              <Text>
                添加短视频<Text className='muted'>（选填，{MAX_VIDEO_SECONDS} 秒内）</Text>
              </Text>
            </View>
          )}
        </View>

        <Form.Item className='field-title' label='标题' name='title' rules={[rule('title')]}>
          <Input
            id='publish-title'
            onChange={changed('title')}
            placeholder={goods ? `品牌型号，${L.titleMin}-${L.titleMax} 字` : '如：小学数学家教、上门修电脑'}
            maxLength={L.titleMax}
          />
        </Form.Item>
        <Form.Item className='field-description' label='描述' name='description' rules={[rule('description')]}>
          <TextArea
            id='publish-description'
            onChange={changed('description')}
            placeholder={goods ? '说说入手渠道、使用感受、转手原因，买家更放心' : '介绍你的经验、服务内容和可预约时间'}
            maxLength={L.descriptionMax}
            showCount
            autoSize
          />
        </Form.Item>
        <View className='publish__quality'>
          <QualityPanel score={quality.score} hints={quality.hints} />
        </View>

        <Form.Item className='field-price' label='价格' name='price' rules={[rule('price')]}>
          <Input
            id='publish-price'
            onChange={changed('price')}
            type='digit'
            placeholder={unit ? `¥ 每${unit}` : '¥ 0.00'}
          />
        </Form.Item>
        {commission && (
          <Text className='publish__commission muted' id='publish-commission'>
            {commissionText(
              (parseYuanToFen(values.price ?? '') ?? 0) + (values.shippingPayer === 'buyer' ? (parseYuanToFen(values.shippingFee ?? '') ?? 0) : 0),
              commission,
            )}
          </Text>
        )}
        {!canBePaid && (
          <Text className='publish__onboard' id='publish-onboard' onClick={() => Taro.navigateTo({ url: Routes.onboarding })}>
            开通收款后，买家才能通过微信支付担保下单 · 去开通 ›
          </Text>
        )}
        {goods && (
          <Form.Item className='field-originalPrice' label='原价' name='originalPrice' rules={[rule('originalPrice')]}>
            <Input id='publish-original-price' onChange={changed('originalPrice')} type='digit' placeholder='选填，买家更容易判断值不值' />
          </Form.Item>
        )}
        {reference && (
          <View className='publish__reference' id='price-reference'>
            <Text>{priceReferenceText(reference)}</Text>
          </View>
        )}

        {goods && (
          <Form.Item className='field-category' label='分类' name='category' rules={[rule('category')]}>
            <Radio.Group id='publish-category' onChange={changeCategory} shape='button' direction='horizontal' className='publish__chips'>
              {GOODS_CATEGORIES.map((c) => (
                <Radio key={c.id} value={c.id} className={`category-${c.id}`}>
                  {c.label}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        {subcategories.length > 0 && (
          <Form.Item className='field-subcategory' label={goods ? '细分' : '服务类型'} name='subcategory' rules={[rule('subcategory')]}>
            <Radio.Group id='publish-subcategory' onChange={changed('subcategory')} shape='button' direction='horizontal' className='publish__chips'>
              {subcategories.map((s) => (
                <Radio key={s.id} value={s.id} className={`subcategory-${dash(s.id)}`}>
                  {s.label}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}

        {goods ? (
          <>
            <Form.Item className='field-condition' label='成色' name='condition' rules={[rule('condition')]}>
              <Radio.Group id='publish-condition' onChange={changed('condition')} shape='button' direction='horizontal' className='publish__chips'>
                {CONDITIONS.map((c) => (
                  <Radio key={c.id} value={c.id} className={`condition-${c.id}`}>
                    {c.label}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item className='field-trade' label='交易方式' name='tradeMethods' rules={[rule('tradeMethods')]}>
              <Checkbox.Group onChange={changed('tradeMethods')} direction='horizontal' className='publish__checks'>
                {TRADE_METHODS.map((t) => (
                  <Checkbox key={t.id} value={t.id} id={`trade-${t.id}`} className={`trade-${t.id}`} label={t.label} />
                ))}
              </Checkbox.Group>
            </Form.Item>
            {methods.includes('shipping') && (
              <Form.Item className='field-shipping' label='运费' name='shippingPayer'>
                <Radio.Group onChange={changed('shippingPayer')} shape='button' direction='horizontal' className='publish__chips'>
                  <Radio value='seller' id='shipping-free' className='shipping-free'>
                    包邮
                  </Radio>
                  <Radio value='buyer' id='shipping-buyer' className='shipping-buyer'>
                    固定运费
                  </Radio>
                  <Radio value='quote' id='shipping-quote' className='shipping-quote'>
                    买家按实际运费
                  </Radio>
                </Radio.Group>
              </Form.Item>
            )}
            {methods.includes('shipping') && values.shippingPayer === 'buyer' && (
              <Form.Item className='field-shippingFee' label='运费金额' name='shippingFee' rules={[rule('shippingFee')]}>
                <Input id='shipping-fee' onChange={changed('shippingFee')} type='digit' placeholder='¥ 买家支付的运费，最多 ¥200' />
              </Form.Item>
            )}
            {methods.includes('shipping') && (
              <Form.Item className='field-weight' label='重量' name='weight' rules={[rule('weight')]}>
                <Input
                  id='publish-weight'
                  onChange={changed('weight')}
                  type='digit'
                  placeholder={values.shippingPayer === 'quote' ? '公斤，含包装，买家按它付快递费' : '选填，公斤，运费估算更准'}
                />
              </Form.Item>
            )}
            {methods.includes('shipping') && values.shippingPayer === 'quote' && (
              <Text className='publish__hint muted' id='publish-quote-hint'>
                下单时按买家地址查询快递价，取最低一家计入订单，运费随货款一起结算给你
              </Text>
            )}
          </>
        ) : (
          <>
            <Form.Item className='field-serviceUnit' label='计价单位' name='serviceUnit' rules={[rule('serviceUnit')]}>
              <Radio.Group onChange={changed('serviceUnit')} shape='button' direction='horizontal' className='publish__chips'>
                {SERVICE_UNITS.map((u) => (
                  <Radio key={u.id} value={u.id} className={`unit-${u.id}`}>
                    按{u.label}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item className='field-serviceRadius' label='服务范围' name='serviceRadius' rules={[rule('serviceRadius')]}>
              <Input id='service-radius' onChange={changed('serviceRadius')} type='digit' placeholder={`离你多少公里内，最多 ${L.serviceRadiusKmMax}`} />
            </Form.Item>
            <Form.Item className='field-serviceStandard' label='服务标准' name='serviceStandard' rules={[rule('serviceStandard')]}>
              <TextArea
                id='service-standard'
                onChange={changed('serviceStandard')}
                placeholder='写清包含什么、时长、验收标准，如：每次 2 小时，课后反馈学习情况'
                maxLength={L.deliveryStandardMax}
                showCount
                autoSize
              />
            </Form.Item>
          </>
        )}

        <Form.Item className='field-location' label='位置' name='location' rules={[rule('location')]}>
          <LocationField place={location} onPlace={changeLocation} />
        </Form.Item>

        <View className='publish__communities' id='publish-communities'>
          <Text className='publish__label'>同步到圈子</Text>
          {communities && communities.length > 0 ? (
            <View className='publish__community-chips'>
              {communities.map((c) => (
                <Text
                  key={c.id}
                  className={`publish__community community-chip-${c.id} ${communityIds.includes(c.id) ? 'is-active' : ''}`}
                  onClick={() => toggleCommunity(c.id)}
                >
                  {c.name}
                </Text>
              ))}
            </View>
          ) : (
            <Text className='muted publish__community-none' onClick={() => Taro.navigateTo({ url: Routes.joinCommunity() })}>
              {communities === null ? '加载中…' : '还没有加入圈子，去加入 ›'}
            </Text>
          )}
        </View>
      </Form>

      <View className='publish__bar safe-bottom'>
        <Text className='publish__privacy muted'>只展示区域和距离，不会公开你的精确位置</Text>
        <View className='publish__buttons'>
          {(!editing || isDraftEdit) && (
            <Button
              id='publish-draft'
              className='publish__draft'
              fill='outline'
              size='large'
              loading={submitting === 'draft'}
              disabled={submitting !== null}
              onClick={() => submit(false)}
            >
              {editing ? '保存' : '保存草稿'}
            </Button>
          )}
          <Button
            id='publish-submit'
            className='publish__submit'
            type='primary'
            size='large'
            loading={submitting === 'publish'}
            disabled={submitting !== null}
            onClick={() => submit(true)}
          >
            {editing && !isDraftEdit ? '保存修改' : '发布'}
          </Button>
        </View>
      </View>
      <PrivacyConsent />
    </View>
  )
}

import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Form, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Form/style/css'
import '@nutui/nutui-react-taro/dist/esm/FormItem/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Radio/style/css'
import '@nutui/nutui-react-taro/dist/esm/RadioGroup/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import { CreateListingInputSchema } from '@shared/contracts/listing.contract'
import { CATEGORIES, CONDITIONS, LISTING_LIMITS } from '@shared/domain/listing'
import { api, isServiceError, validationError } from '@/services'
import { LocationField, type LocationValue } from '@/components/LocationField'
import { PhotoGrid, type PhotoItem, type PhotoUpdater } from '@/components/PhotoGrid'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { contractRule, type FieldErrors } from '@/utils/form-rules'
import { clearDraft, loadDraft, saveDraft, type PublishFields } from './draft'
import { FORM_FIELDS, fieldOfPath, toCreateInput } from './to-input'
import './index.scss'

export default function PublishForm() {
  const [form] = Form.useForm()
  const { status } = useSession()
  const [draft] = useState(loadDraft)
  const [photos, setPhotos] = useState<PhotoItem[]>(() =>
    (draft?.photos ?? []).map((p, i) => ({ key: `d${i}`, url: p.url, fileId: p.fileId, progress: 100, status: 'done' })),
  )
  const [location, setLocation] = useState<LocationValue | null>(draft?.location ?? null)
  const [submitting, setSubmitting] = useState(false)

  // Rules read these refs: messages appear only after the first submit, and a message from the
  // server stays on its field until that field changes.
  const submitted = useRef(false)
  const serverErrors = useRef<FieldErrors>({})
  const latest = useRef({ photos, location })
  latest.current = { photos, location }

  useEffect(() => {
    if (status === 'signed-out') goLogin()
  }, [status])

  const fields = (): PublishFields => form.getFieldsValue(true)
  const persist = () => saveDraft(fields(), latest.current.photos, latest.current.location)
  useEffect(persist, [photos, location])

  /** Messages of the contract for the current form, by field. */
  const clientErrors = (): FieldErrors => {
    const r = CreateListingInputSchema.safeParse(toCreateInput(fields(), latest.current.photos, latest.current.location))
    if (r.success) return {}
    const out: FieldErrors = {}
    for (const [path, message] of Object.entries(validationError(r.error).fieldErrors)) {
      const f = fieldOfPath(path)
      if (!out[f]) out[f] = f === 'location' && !latest.current.location ? '请选择所在区域' : message
      if (f === 'price' && !fields().price) out[f] = '请输入价格'
    }
    return out
  }
  const rule = (field: string) =>
    contractRule(field, () => (submitted.current ? (clientErrors()[field] ?? null) : null), serverErrors)

  /** Typing into a field retires the server's message for it and keeps the draft current. */
  const changed = (field: string) => () => {
    delete serverErrors.current[field]
    setTimeout(persist, 0) // the form store takes the new value right after this handler
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

  const submit = async () => {
    submitted.current = true
    serverErrors.current = {}
    const errors = clientErrors()
    revalidate(FORM_FIELDS)
    if (photos.some((p) => p.status === 'uploading')) return toast('图片还在上传，请稍候')
    if (Object.keys(errors).length > 0) return toast('请按提示修改后再发布')

    setSubmitting(true)
    try {
      const listing = await api.listing.create(toCreateInput(fields(), photos, location))
      clearDraft()
      toast('发布成功', 'success')
      // Replace the form so "back" from the new listing returns to where publishing started.
      setTimeout(() => Taro.redirectTo({ url: Routes.detail(listing.id) }), 600)
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
      } else reportError(e, '发布失败，请稍后重试')
    } finally {
      setSubmitting(false)
    }
  }

  const L = LISTING_LIMITS
  return (
    <View className='publish safe-bottom' id='publish-form'>
      <Form
        form={form}
        initialValues={draft?.fields ?? {}}
        footer={null}
      >
        <Form.Item name='photos' className='field-photos publish__photos' rules={[rule('photos')]} noStyle={false}>
          <PhotoGrid items={photos} update={updatePhotos} />
        </Form.Item>
        <Form.Item className='field-title' label='标题' name='title' rules={[rule('title')]}>
          <Input id='publish-title'
            onChange={changed('title')} placeholder={`品牌型号，${L.titleMin}-${L.titleMax} 字`} maxLength={L.titleMax} />
        </Form.Item>
        <Form.Item className='field-description' label='描述' name='description' rules={[rule('description')]}>
          <TextArea
            id='publish-description'
            onChange={changed('description')}
            placeholder='说说入手渠道、使用感受、转手原因，买家更放心'
            maxLength={L.descriptionMax}
            showCount
            autoSize
          />
        </Form.Item>
        <Form.Item className='field-price' label='价格' name='price' rules={[rule('price')]}>
          <Input id='publish-price'
            onChange={changed('price')} type='digit' placeholder='¥ 0.00' />
        </Form.Item>
        <Form.Item className='field-originalPrice' label='原价' name='originalPrice' rules={[rule('originalPrice')]}>
          <Input id='publish-original-price'
            onChange={changed('originalPrice')} type='digit' placeholder='选填，买家更容易判断值不值' />
        </Form.Item>
        <Form.Item className='field-category' label='分类' name='category' rules={[rule('category')]}>
          <Radio.Group id='publish-category'
            onChange={changed('category')} shape='button' direction='horizontal' className='publish__chips'>
            {CATEGORIES.map((c) => (
              <Radio key={c.id} value={c.id} className={`category-${c.id}`}>
                {c.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item className='field-condition' label='成色' name='condition' rules={[rule('condition')]}>
          <Radio.Group id='publish-condition'
            onChange={changed('condition')} shape='button' direction='horizontal' className='publish__chips'>
            {CONDITIONS.map((c) => (
              <Radio key={c.id} value={c.id} className={`condition-${c.id}`}>
                {c.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item className='field-location' label='位置' name='location' rules={[rule('location')]}>
          <LocationField place={location} onPlace={changeLocation} />
        </Form.Item>
      </Form>
      <View className='publish__bar safe-bottom'>
        <Text className='publish__privacy muted'>只展示区域和距离，不会公开你的精确位置</Text>
        <Button id='publish-submit' type='primary' size='large' block loading={submitting} onClick={submit}>
          发布
        </Button>
      </View>
    </View>
  )
}

import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Form, type FormItemRule } from '@nutui/nutui-react-taro'
import { CreateListingInputSchema, type ListingDetail } from '@shared/contracts/listing.contract'
import { LISTING_LIMITS, SERVICE_CATEGORY } from '@shared/domain/listing'
import { api, isServiceError } from '@/services'
import type { LocationValue } from '@/components/LocationField'
import type { PhotoItem, PhotoUpdater } from '@/components/PhotoGrid'
import { type FieldErrors, useContractForm } from '@/hooks/use-contract-form'
import { reportError, toast } from '@/utils/feedback'
import { formItemRule } from '@/utils/form-rules'
import { Routes } from '@/utils/routes'
import type { VideoItem, VideoUpdater } from '../components/VideoField'
import { confirmPrices } from '../confirm-prices'
import {
  type ListingKindChoice,
  type PublishFields,
  clearDraft,
  loadDraft,
  saveDraft,
} from '../draft'
import {
  FORM_FIELDS,
  fieldOfPath,
  fieldsFromListing,
  toCreateInput,
  toUpdatePatch,
} from '../to-input'

/** Everything the form holds: the typed fields and what is picked beside them. */
export type PublishState = PublishFields & {
  kind: ListingKindChoice
  photos: PhotoItem[]
  video: VideoItem | null
  location: LocationValue | null
  communityIds: string[]
}

/** What a group of fields needs: the values, each field's rule, and a change handler per field. */
export interface PublishFieldProps {
  values: PublishFields
  rule: (field: string) => FormItemRule
  changed: (field: keyof PublishFields) => (value: string | number | string[]) => void
}

const photoItems = (photos: { fileId: string; url: string }[], prefix: string): PhotoItem[] =>
  photos.map((p, i) => ({
    key: `${prefix}${i}`,
    url: p.url,
    fileId: p.fileId,
    progress: 100,
    status: 'done',
  }))
const doneVideo = (v: { fileId: string; url: string } | null | undefined): VideoItem | null =>
  v ? { ...v, progress: 100, status: 'done' } : null

const splitState = ({ kind, photos, video, location, communityIds, ...fields }: PublishState) => ({
  kind,
  photos,
  video,
  location,
  communityIds,
  fields,
})
const videoFileId = (v: VideoItem | null) => (v?.status === 'done' ? v.fileId : null)
const inputOf = (s: PublishState, publish: boolean) => {
  const { fields, photos, location, kind, video, communityIds } = splitState(s)
  return toCreateInput(fields, photos, location, {
    kind,
    videoFileId: videoFileId(video),
    communityIds,
    publish,
  })
}

/** Words for what is missing, where the contract's message says what the format is. */
const explain = (errors: FieldErrors, s: PublishState): FieldErrors => {
  const out = { ...errors }
  if (out.location && !s.location) out.location = '请选择所在区域'
  if (out.price && !s.price) out.price = '请输入价格'
  if (out.shippingFee && !s.shippingFee) out.shippingFee = '请填写运费'
  if (out.serviceRadius)
    out.serviceRadius = s.serviceRadius ? '服务范围请填数字（公里）' : '请填写服务范围'
  return out
}

/**
 * The publish / edit form: a new listing starts from the local draft and keeps it current; an
 * existing one is loaded from the server. Messages come from the listing contract and show from
 * the first submit on; a server message stays on its field until that field changes.
 */
export const usePublishForm = () => {
  const { params } = useRouter()
  const editId = params.id ?? null
  const [form] = Form.useForm()
  const [draft] = useState(() => (editId ? null : loadDraft()))
  const initialFields: PublishFields = draft?.fields ?? { shippingPayer: 'seller' }
  const [editing, setEditing] = useState<ListingDetail | null>(null)
  const [submitting, setSubmitting] = useState<'draft' | 'publish' | null>(null)
  const contract = useContractForm(CreateListingInputSchema, {
    initial: (): PublishState => ({
      ...initialFields,
      kind: draft?.kind ?? 'goods',
      photos: photoItems(draft?.photos ?? [], 'd'),
      video: doneVideo(draft?.video),
      location: draft?.location ?? null,
      communityIds: draft?.communityIds ?? [],
    }),
    toInput: (s) => inputOf(s, true),
    fieldOf: fieldOfPath,
    explain,
  })
  const values = contract.values

  // Editing: fill the form from the seller's own listing.
  useEffect(() => {
    if (!editId) return
    api.listing
      .get({ id: editId })
      .then((l) => {
        if (!l.owner) return toast('只能编辑自己发布的宝贝')
        const fields = fieldsFromListing(l)
        const loc = l.owner.location
        form.setFieldsValue(fields)
        contract.reset({
          ...fields,
          kind: l.kind,
          photos: photoItems(l.photos, 'e'),
          video: doneVideo(l.video),
          location: {
            city: loc.city,
            district: loc.district,
            point: { latitude: loc.latitude, longitude: loc.longitude },
          },
          communityIds: l.owner.communityIds,
        })
        setEditing(l)
        Taro.setNavigationBarTitle({ title: l.status === 'draft' ? '编辑草稿' : '编辑宝贝' })
      })
      .catch((e) => reportError(e, '加载失败，请稍后重试'))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the listing being edited loads once per id; the form objects are stable
  }, [editId])

  // A new listing keeps its draft current; an existing one is saved on the server only.
  useEffect(() => {
    if (editId) return
    const { fields, photos, location, kind, video, communityIds } = splitState(values)
    saveDraft(fields, photos, location, {
      kind,
      video:
        video?.status === 'done' && video.fileId ? { fileId: video.fileId, url: video.url } : null,
      communityIds,
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the draft is saved whenever the values change (never while editing)
  }, [values])

  const revalidate = (names: readonly string[]) => {
    form.validateFields(names as string[]).catch(() => undefined)
  }
  const rule = (field: string) => formItemRule(() => contract.errorOf(field))
  // NutUI calls a child's onChange before it checks the field, so the rule sees the new value.
  const changed: PublishFieldProps['changed'] = (field) => (value) =>
    contract.setField(field, value as never)

  /** Fields NutUI does not own (photos, place) are checked here once messages are on. */
  const setOutside = (patch: Partial<PublishState>, field: string) => {
    contract.setValues(patch)
    setTimeout(() => revalidate([field]), 0)
  }
  const updatePhotos: PhotoUpdater = (update) => {
    contract.setValues((s) => ({ photos: update(s.photos) }))
    setTimeout(() => revalidate(['photos']), 0)
  }
  const updateVideo: VideoUpdater = (update) =>
    contract.setValues((s) => ({ video: update(s.video) }))
  const changeLocation = (location: LocationValue) => setOutside({ location }, 'location')

  const switchKind = (next: ListingKindChoice) => {
    if (next === values.kind || editing) return
    const reset =
      next === 'service'
        ? { category: SERVICE_CATEGORY, subcategory: undefined }
        : { category: undefined, subcategory: undefined }
    form.setFieldsValue(reset)
    contract.setValues({ ...reset, kind: next })
  }
  const changeCategory = (category: string) => {
    form.setFieldsValue({ subcategory: undefined })
    contract.setValues({ category, subcategory: undefined })
  }
  const toggleCommunity = (id: string) => {
    const ids = contract.latest().communityIds
    if (ids.includes(id)) return contract.setValues({ communityIds: ids.filter((x) => x !== id) })
    if (ids.length >= LISTING_LIMITS.communitiesMax)
      return toast(`最多同步到 ${LISTING_LIMITS.communitiesMax} 个圈子`)
    contract.setValues({ communityIds: [...ids, id] })
  }

  const submit = async (publish: boolean) => {
    const ok = contract.validate() !== null
    revalidate(FORM_FIELDS)
    const { photos, video } = contract.latest()
    if (photos.some((p) => p.status === 'uploading')) return toast('图片还在上传，请稍候')
    if (video?.status === 'uploading') return toast('视频还在上传，请稍候')
    if (video?.status === 'error') return toast('视频上传失败，请重试或删除视频')
    if (!ok) return toast(publish ? '请按提示修改后再发布' : '请按提示补全后再保存')

    setSubmitting(publish ? 'publish' : 'draft')
    try {
      const input = inputOf(contract.latest(), publish)
      // A draft is unfinished: prices are put to the seller when it goes out.
      if (publish && !(await confirmPrices(input, editing))) return
      let listing: ListingDetail
      if (editing) {
        listing = await api.listing.update({
          id: editing.id,
          expectedVersion: editing.version,
          patch: toUpdatePatch(input),
        })
        if (publish && listing.status === 'draft')
          listing = await api.listing.act('publish', listing.id)
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
      if (contract.takeError(e)) {
        revalidate(FORM_FIELDS)
        toast((e as Error).message)
      } else if (
        isServiceError(e) &&
        (e.code === 'LISTING.PHOTO_MISSING' || e.code === 'LISTING.LOCATION_OUTSIDE_CITY')
      ) {
        const field = e.code === 'LISTING.PHOTO_MISSING' ? 'photos' : 'location'
        contract.takeIssues([{ path: field, message: e.message }])
        revalidate([field])
      } else if (isServiceError(e) && e.code === 'REALNAME.REQUIRED') {
        // The way on: 开通收款 verifies the real name; the form stays as it is (and its draft).
        const { confirm } = await Taro.showModal({
          title: '需要实名认证',
          content: e.message,
          confirmText: '去实名认证',
          cancelText: '稍后',
        })
        if (confirm) Taro.navigateTo({ url: Routes.onboarding })
      } else reportError(e, publish ? '发布失败，请稍后重试' : '保存失败，请稍后重试')
    } finally {
      setSubmitting(null)
    }
  }

  return {
    form,
    editId,
    editing,
    initialFields,
    values,
    submitting,
    fieldProps: { values, rule, changed } satisfies PublishFieldProps,
    updatePhotos,
    updateVideo,
    changeLocation,
    switchKind,
    changeCategory,
    toggleCommunity,
    submit,
  }
}

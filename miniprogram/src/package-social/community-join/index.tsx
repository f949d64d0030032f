import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button, Radio } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Radio/style/css'
import '@nutui/nutui-react-taro/dist/esm/RadioGroup/style/css'
import {
  COMMUNITY_TYPES,
  type Community,
  type CommunityType,
} from '@shared/contracts/social.contract'
import { api, isServiceError } from '@/services'
import { CommunityItem } from '@/components/CommunityItem'
import { LocationField, type LocationValue } from '@/components/LocationField'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import './index.scss'

const INVITE = /^[A-Z0-9]{6}$/

/**
 * Joining a community: by an invitation code a neighbour shared, or by choosing a place and
 * picking (or creating) the 小区 / 校园 / 写字楼 there.
 */
export default function JoinCommunity() {
  const { params } = useRouter()
  const { status } = useSession()
  const [code, setCode] = useState(() =>
    params.code ? decodeURIComponent(params.code).toUpperCase() : '',
  )
  const [place, setPlace] = useState<LocationValue | null>(null)
  const [near, setNear] = useState<Community[] | null>(null)
  const [loadingNear, setLoadingNear] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [type, setType] = useState<CommunityType>('residential')

  useEffect(() => {
    if (!place) return
    setLoadingNear(true)
    api.social
      .communitiesNear({ point: place.point, city: place.city })
      .then((r) => setNear(r.items))
      .catch((e) => {
        setNear([])
        reportError(e, '获取附近圈子失败')
      })
      .finally(() => setLoadingNear(false))
  }, [place])

  const joined = (c: Community) => {
    toast(`已加入「${c.name}」`, 'success')
    setTimeout(() => Taro.redirectTo({ url: Routes.community(c.id) }), 600)
  }
  const needUser = () => {
    if (status === 'signed-in') return false
    goLogin()
    return true
  }

  const joinByCode = async () => {
    if (needUser()) return
    const c = code.trim().toUpperCase()
    if (!INVITE.test(c)) return toast('邀请码是 6 位字母或数字')
    setBusy('code')
    try {
      joined(await api.social.joinCommunity({ inviteCode: c }))
    } catch (e) {
      reportError(e, '加入失败，请稍后重试')
    } finally {
      setBusy(null)
    }
  }

  const joinNear = async (c: Community) => {
    if (needUser()) return
    if (c.isMember) return Taro.redirectTo({ url: Routes.community(c.id) })
    setBusy(c.id)
    try {
      joined(await api.social.joinCommunity({ communityId: c.id }))
    } catch (e) {
      reportError(e, '加入失败，请稍后重试')
    } finally {
      setBusy(null)
    }
  }

  const create = async () => {
    if (needUser()) return
    if (!place) return toast('先选择圈子所在的位置')
    setBusy('create')
    try {
      const c = await api.social.createCommunity({
        name: name.trim(),
        type,
        location: { ...place.point, city: place.city, district: place.district },
      })
      joined(c)
    } catch (e) {
      if (isServiceError(e) && e.code === 'SOCIAL.COMMUNITY_EXISTS') toast(e.message)
      else reportError(e, '创建失败，请稍后重试')
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='join safe-bottom' id='community-join'>
      <View className='join__card'>
        <Text className='join__title'>有邀请码？</Text>
        <Text className='join__sub'>邻居分享的 6 位邀请码，直接加入</Text>
        <View className='join__code-row'>
          <Input
            id='invite-code'
            className='join__code'
            value={code}
            maxlength={6}
            placeholder='如 K7Q2XM'
            onInput={(e) => setCode(e.detail.value.toUpperCase())}
          />
          <Button id='invite-join' type='primary' loading={busy === 'code'} onClick={joinByCode}>
            加入
          </Button>
        </View>
      </View>

      <View className='join__card'>
        <Text className='join__title'>找找附近的圈子</Text>
        <Text className='join__sub'>选择你住的小区、学校或公司所在的位置</Text>
        <LocationField place={place} onPlace={setPlace} />
      </View>

      {place && (
        <View className='join__list' id='communities-near'>
          {loadingNear && <Text className='muted join__hint'>正在查找附近的圈子…</Text>}
          {!loadingNear && near && near.length === 0 && (
            <Text className='muted join__hint' id='communities-near-empty'>
              这附近还没有圈子，创建第一个吧
            </Text>
          )}
          {near?.map((c) => (
            <CommunityItem
              key={c.id}
              community={c}
              action={
                <Button
                  className='community-join'
                  size='small'
                  type='primary'
                  fill={c.isMember ? 'outline' : 'solid'}
                  loading={busy === c.id}
                  onClick={() => joinNear(c)}
                >
                  {c.isMember ? '已加入' : '加入'}
                </Button>
              }
            />
          ))}
        </View>
      )}

      {place && (
        <View className='join__card' id='community-create'>
          <Text className='join__title'>没有找到？创建一个</Text>
          <Text className='join__sub'>
            圈子位置：{place.city} · {place.district}
            {place.label ? ` · ${place.label}` : ''}
          </Text>
          <Input
            id='community-name'
            className='join__name'
            value={name}
            maxlength={20}
            placeholder='圈子名称，如「徐汇苑小区」'
            onInput={(e) => setName(e.detail.value)}
          />
          <Radio.Group
            value={type}
            onChange={(v) => setType(v as CommunityType)}
            direction='horizontal'
            shape='button'
            className='join__types'
          >
            {COMMUNITY_TYPES.map((t) => (
              <Radio key={t.id} value={t.id} className={`community-type-${t.id}`}>
                {t.label}
              </Radio>
            ))}
          </Radio.Group>
          <Button
            id='community-create-submit'
            type='primary'
            block
            loading={busy === 'create'}
            onClick={create}
          >
            创建并加入
          </Button>
        </View>
      )}
      <PrivacyConsent />
    </View>
  )
}

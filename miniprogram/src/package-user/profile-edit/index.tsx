import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Avatar, Button, Form, Input, Progress, Radio } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Form/style/css'
import '@nutui/nutui-react-taro/dist/esm/FormItem/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Progress/style/css'
import '@nutui/nutui-react-taro/dist/esm/Radio/style/css'
import '@nutui/nutui-react-taro/dist/esm/RadioGroup/style/css'
import { UpdateProfileInputSchema } from '@shared/contracts/user.contract'
import { CITY_NAMES } from '@shared/domain/cities'
import { api, uploadPhoto } from '@/services'
import { useContractForm } from '@/hooks/use-contract-form'
import { setUser, useSession } from '@/hooks/use-session'
import { reportError, toast } from '@/utils/feedback'
import { formItemRule } from '@/utils/form-rules'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import './index.scss'

interface ProfileFields {
  nickname?: string
  city?: string
}

export default function ProfileEdit() {
  const { user } = useSession()
  const [form] = Form.useForm()
  const [avatar, setAvatar] = useState<{ fileId: string; url: string } | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [saving, setSaving] = useState(false)
  // The form starts from the saved profile, so it is checked from the first change.
  const contract = useContractForm(UpdateProfileInputSchema, {
    initial: (): ProfileFields => ({ nickname: user?.nickname, city: user?.city ?? undefined }),
    toInput: (v) => ({ nickname: v.nickname ?? '', ...(v.city ? { city: v.city } : {}) }),
    eager: true,
  })
  const rule = (field: keyof ProfileFields & string) => formItemRule(() => contract.errorOf(field))

  const pickAvatar = async () => {
    let path: string
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })).tempFilePaths[0]
    } catch {
      return
    }
    setProgress(0)
    try {
      setAvatar(await uploadPhoto(path, setProgress, 'avatars'))
    } catch (e) {
      reportError(e, '头像上传失败')
    } finally {
      setProgress(null)
    }
  }

  const save = async (values: ProfileFields) => {
    if (!user) return
    // NutUI's store holds what is on screen (the profile may have loaded after the first render).
    contract.setValues({ nickname: values.nickname, city: values.city })
    if (!contract.validate()) return void form.validateFields().catch(() => undefined)
    // Send only what changed: the contract refuses an empty update.
    const input: { nickname?: string; city?: string; avatarFileId?: string } = {}
    if (values.nickname !== undefined && values.nickname.trim() !== user.nickname)
      input.nickname = values.nickname
    if (values.city && values.city !== user.city) input.city = values.city
    if (avatar) input.avatarFileId = avatar.fileId
    if (Object.keys(input).length === 0) return toast('没有需要保存的修改')
    setSaving(true)
    try {
      setUser(await api.user.updateProfile(input))
      toast('已保存', 'success')
      setTimeout(() => Taro.navigateBack(), 600)
    } catch (e) {
      if (contract.takeError(e)) form.validateFields().catch(() => undefined)
      else reportError(e, '保存失败')
    } finally {
      setSaving(false)
    }
  }

  if (!user) return <View className='profile-edit muted'>请先登录</View>

  return (
    <View className='profile-edit safe-bottom' id='profile-edit'>
      <View className='profile-edit__avatar' id='profile-avatar' onClick={pickAvatar}>
        <Avatar size='80' src={avatar?.url ?? user.avatarUrl ?? ''} />
        <Text className='muted profile-edit__avatar-hint'>
          {progress === null ? '点击更换头像' : `上传中 ${progress}%`}
        </Text>
        {progress !== null && <Progress percent={progress} strokeWidth='4' color='#ff4d2e' />}
      </View>
      <Form
        form={form}
        initialValues={{ nickname: user.nickname, city: user.city ?? undefined }}
        onFinish={save}
        footer={
          <Button
            id='profile-save'
            formType='submit'
            type='primary'
            size='large'
            block
            loading={saving}
          >
            保存
          </Button>
        }
      >
        <Form.Item
          className='field-nickname'
          label='昵称'
          name='nickname'
          rules={[rule('nickname')]}
        >
          <Input
            id='profile-nickname'
            placeholder='邻居们看到的名字'
            onChange={(v) => contract.setField('nickname', v)}
          />
        </Form.Item>
        <Form.Item className='field-city' label='常驻城市' name='city' rules={[rule('city')]}>
          <Radio.Group
            onChange={(v) => contract.setField('city', String(v))}
            shape='button'
            direction='horizontal'
          >
            {CITY_NAMES.map((c) => (
              <Radio key={c} value={c} className={`city-${c}`}>
                {c}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
      <PrivacyConsent />
    </View>
  )
}

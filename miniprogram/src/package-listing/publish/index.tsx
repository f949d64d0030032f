import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Form, Input, Skeleton, TextArea } from '@nutui/nutui-react-taro'
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
import { LISTING_LIMITS as L, SERVICE_CATEGORY, serviceUnitLabel } from '@shared/domain/listing'
import { assessQuality } from '@shared/domain/listing-quality'
import { parseYuanToFen } from '@shared/domain/money'
import { LocationField } from '@/components/LocationField'
import { PhotoGrid } from '@/components/PhotoGrid'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import { QualityPanel } from '@/components/QualityPanel'
import { useCity } from '@/hooks/use-city'
import { priceReferenceText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import { commissionText } from './commission'
import { CategoryFields } from './components/CategoryFields'
import { CommunityPicker } from './components/CommunityPicker'
import { DigitField, Field } from './components/Field'
import { GoodsTerms } from './components/GoodsTerms'
import { KindSwitch } from './components/KindSwitch'
import { PublishBar } from './components/PublishBar'
import { ServiceTerms } from './components/ServiceTerms'
import { VideoField } from './components/VideoField'
import { usePriceReference } from './hooks/use-price-reference'
import { usePublishForm } from './hooks/use-publish-form'
import { usePublishOptions } from './hooks/use-publish-options'
import { toQualityInput } from './to-input'
import './index.scss'

const fen = (text: string | undefined) => parseYuanToFen(text ?? '') ?? 0

export default function PublishForm() {
  const [homeCity] = useCity()
  const p = usePublishForm()
  const { communities, commission, canBePaid } = usePublishOptions()
  const { values, fieldProps } = p
  const { rule, changed } = fieldProps
  const goods = values.kind === 'goods'
  const reference = usePriceReference({
    city: values.location?.city ?? homeCity,
    category: goods ? values.category : SERVICE_CATEGORY,
    subcategory: values.subcategory,
    title: values.title,
  })

  if (p.editId && !p.editing)
    return (
      <View className='publish'>
        <Skeleton rows={8} title animated visible={false} />
      </View>
    )

  const donePhotos = values.photos.filter((x) => x.status === 'done').length
  const quality = assessQuality(
    toQualityInput(values, donePhotos, values.kind, values.video?.status === 'done'),
  )
  const unit = !goods && values.serviceUnit ? serviceUnitLabel(values.serviceUnit) : ''
  const charged =
    fen(values.price) + (values.shippingPayer === 'buyer' ? fen(values.shippingFee) : 0)

  return (
    <View className='publish safe-bottom' id='publish-form'>
      <KindSwitch kind={values.kind} locked={p.editing !== null} onSwitch={p.switchKind} />

      <Form form={p.form} initialValues={p.initialFields} footer={null}>
        <Form.Item
          name='photos'
          className='field-photos publish__photos'
          rules={[rule('photos')]}
          noStyle={false}
        >
          <PhotoGrid items={values.photos} update={p.updatePhotos} />
        </Form.Item>
        <Text className='publish__tip muted'>第一张是封面，用 ‹ › 调整顺序</Text>

        <VideoField video={values.video} update={p.updateVideo} />

        <Field name='title' label='标题' rule={rule}>
          <Input
            id='publish-title'
            onChange={changed('title')}
            placeholder={
              goods ? `品牌型号，${L.titleMin}-${L.titleMax} 字` : '如：小学数学家教、上门修电脑'
            }
            maxLength={L.titleMax}
          />
        </Field>
        <Field name='description' label='描述' rule={rule}>
          <TextArea
            id='publish-description'
            onChange={changed('description')}
            placeholder={
              goods
                ? '说说入手渠道、使用感受、转手原因，买家更放心'
                : '介绍你的经验、服务内容和可预约时间'
            }
            maxLength={L.descriptionMax}
            showCount
            autoSize
          />
        </Field>
        <View className='publish__quality'>
          <QualityPanel score={quality.score} hints={quality.hints} />
        </View>

        <DigitField
          name='price'
          label='价格'
          id='publish-price'
          placeholder={unit ? `¥ 每${unit}` : '¥ 0.00'}
          {...fieldProps}
        />
        {commission && (
          <Text className='publish__commission muted' id='publish-commission'>
            {commissionText(charged, commission)}
          </Text>
        )}
        {!canBePaid && (
          <Text
            className='publish__onboard'
            id='publish-onboard'
            onClick={() => Taro.navigateTo({ url: Routes.onboarding })}
          >
            开通收款后，买家才能通过微信支付担保下单 · 去开通 ›
          </Text>
        )}
        {goods && (
          <DigitField
            name='originalPrice'
            label='原价'
            id='publish-original-price'
            placeholder='选填，买家更容易判断值不值'
            {...fieldProps}
          />
        )}
        {reference && (
          <View className='publish__reference' id='price-reference'>
            <Text>{priceReferenceText(reference)}</Text>
          </View>
        )}

        <CategoryFields goods={goods} onCategory={p.changeCategory} {...fieldProps} />
        {goods ? <GoodsTerms {...fieldProps} /> : <ServiceTerms {...fieldProps} />}

        <Field name='location' label='位置' rule={rule}>
          <LocationField place={values.location} onPlace={p.changeLocation} />
        </Field>

        <CommunityPicker
          communities={communities}
          selected={values.communityIds}
          onToggle={p.toggleCommunity}
        />
      </Form>

      <PublishBar
        editing={p.editing}
        submitting={p.submitting}
        onSubmit={(publish) => void p.submit(publish)}
      />
      <PrivacyConsent />
    </View>
  )
}

import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Picker } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Picker/style/css'
import { CITIES } from '@shared/domain/cities'
import { LOCATE_LABEL, locate } from '@/utils/locate'
import { districtPlace, placeFromPoint, type Place } from '@/utils/place'
import { StorageKeys, writeStored } from '@/utils/storage'
import { toast } from '@/utils/feedback'
import './location-field.scss'

export interface LocationValue extends Place {
  /** A place name from the map picker (weapp); shown, never sent. */
  label?: string
}

// Not value/onChange: inside a NutUI Form.Item those names would be taken over by the form store.
export interface LocationFieldProps {
  place: LocationValue | null
  onPlace: (value: LocationValue) => void
}

const options = CITIES.map((c) => ({
  text: c.name,
  value: c.name,
  children: c.districts.map((d) => ({ text: d.name, value: d.name })),
}))

/**
 * City and district from our own list (both builds), or the device: WeChat's map picker or the
 * browser's position. Without a position the district's centre is sent, so the point is always
 * inside the city the backend checks.
 */
export function LocationField({ place: value, onPlace: onChange }: LocationFieldProps) {
  const [open, setOpen] = useState(false)
  const [locating, setLocating] = useState(false)

  const useDevice = async () => {
    setLocating(true)
    const point = await locate()
    setLocating(false)
    if (!point) {
      toast(value ? '无法获取位置，将使用所选区域的中心' : '无法获取位置，请手动选择区域')
      if (!value) setOpen(true)
      return
    }
    const place = placeFromPoint(point)
    if (!place) {
      toast('当前位置不在已开通的城市（上海、杭州）')
      return
    }
    // The user chose to share a position: the feed may now show distances from it.
    writeStored(StorageKeys.viewerPoint, { latitude: point.latitude, longitude: point.longitude })
    onChange({ ...place, label: point.name })
  }

  return (
    <View className='location-field' id='location-field'>
      <View className='location-field__value' id='location-picker' onClick={() => setOpen(true)}>
        {value ? (
          <Text id='location-text'>
            {value.city} · {value.district}
            {value.label ? ` · ${value.label}` : ''}
          </Text>
        ) : (
          <Text className='location-field__placeholder'>选择所在区域</Text>
        )}
        <Text className='location-field__caret'>›</Text>
      </View>
      <Button
        id='location-locate'
        size='small'
        fill='outline'
        type='primary'
        loading={locating}
        onClick={useDevice}
      >
        {LOCATE_LABEL}
      </Button>
      <Picker
        title='所在区域'
        visible={open}
        options={options}
        value={value ? [value.city, value.district] : [CITIES[0].name, CITIES[0].districts[0].name]}
        onConfirm={(_opts, values) => {
          const place = districtPlace(String(values[0]), String(values[1]))
          if (place) onChange(place)
        }}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}

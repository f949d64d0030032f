import { Form, Radio } from '@nutui/nutui-react-taro'
import { CATEGORIES, SERVICE_CATEGORY } from '@shared/domain/listing'
import type { PublishFieldProps } from '../../hooks/use-publish-form'

export const GOODS_CATEGORIES = CATEGORIES.filter((c) => c.id !== SERVICE_CATEGORY)
const SERVICE_SUBCATEGORIES = CATEGORIES.find((c) => c.id === SERVICE_CATEGORY)!.children
const dash = (id: string) => id.replace(/\./g, '-')

export interface CategoryFieldsProps extends PublishFieldProps {
  goods: boolean
  onCategory: (category: string) => void
}

/** 分类 and 细分 for goods; 服务类型 for services (their category is fixed). */
export function CategoryFields({ goods, values, rule, changed, onCategory }: CategoryFieldsProps) {
  const top = goods ? GOODS_CATEGORIES.find((c) => c.id === values.category) : null
  const subcategories = goods ? (top?.children ?? []) : SERVICE_SUBCATEGORIES
  return (
    <>
      {goods && (
        <Form.Item
          className='field-category'
          label='分类'
          name='category'
          rules={[rule('category')]}
        >
          <Radio.Group
            id='publish-category'
            onChange={(v) => onCategory(String(v))}
            shape='button'
            direction='horizontal'
            className='publish__chips'
          >
            {GOODS_CATEGORIES.map((c) => (
              <Radio key={c.id} value={c.id} className={`category-${c.id}`}>
                {c.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      {subcategories.length > 0 && (
        <Form.Item
          className='field-subcategory'
          label={goods ? '细分' : '服务类型'}
          name='subcategory'
          rules={[rule('subcategory')]}
        >
          <Radio.Group
            id='publish-subcategory'
            onChange={changed('subcategory')}
            shape='button'
            direction='horizontal'
            className='publish__chips'
          >
            {subcategories.map((s) => (
              <Radio key={s.id} value={s.id} className={`subcategory-${dash(s.id)}`}>
                {s.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
    </>
  )
}

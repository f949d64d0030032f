import { CATEGORIES, SERVICE_CATEGORY } from '@shared/domain/listing'
import type { PublishFieldProps } from '../../hooks/use-publish-form'
import { Chips, Field } from '../Field'

export const GOODS_CATEGORIES = CATEGORIES.filter((c) => c.id !== SERVICE_CATEGORY)
const SERVICE_SUBCATEGORIES = CATEGORIES.find((c) => c.id === SERVICE_CATEGORY)!.children

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
        <Field name='category' label='分类' rule={rule}>
          <Chips
            id='publish-category'
            onChange={(v) => onCategory(String(v))}
            options={GOODS_CATEGORIES}
            prefix='category'
          />
        </Field>
      )}
      {subcategories.length > 0 && (
        <Field name='subcategory' label={goods ? '细分' : '服务类型'} rule={rule}>
          <Chips
            id='publish-subcategory'
            onChange={changed('subcategory')}
            options={subcategories}
            prefix='subcategory'
          />
        </Field>
      )}
    </>
  )
}

import { typicalParcelKg } from '@shared/domain/typical-items'
import type { PublishFields } from './draft'

/**
 * The weight box's hint: required for 按实际运费; otherwise optional, saying the typical weight of
 * the chosen subcategory that stands in for it (a cup 1 kg, a table 20 kg), so a seller whose
 * item is unusual knows to say.
 */
export const weightPlaceholder = (values: PublishFields): string =>
  values.shippingPayer === 'quote'
    ? '公斤，含包装，买家按它付快递费'
    : `选填，不填按 ${typicalParcelKg(values.category ?? '', values.subcategory)} 公斤估算运费`

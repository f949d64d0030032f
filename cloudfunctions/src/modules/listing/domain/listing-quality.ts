import { assessQuality, type QualityReport } from '@shared/domain/listing-quality'
import type { ListingRecord } from './listing.record'

type Assessed = Pick<
  ListingRecord,
  | 'kind'
  | 'title'
  | 'description'
  | 'photoFileIds'
  | 'condition'
  | 'originalPriceFen'
  | 'videoFileId'
>

/** The seller playbook's score and hints for a stored (or about to be stored) listing. */
export const qualityOf = (l: Assessed): QualityReport =>
  assessQuality({
    kind: l.kind,
    title: l.title,
    description: l.description,
    photoCount: l.photoFileIds.length,
    condition: l.condition,
    originalPriceFen: l.originalPriceFen,
    hasVideo: l.videoFileId !== null,
  })

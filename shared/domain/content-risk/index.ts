/** Content risk: the lexicon of prohibited and sensitive terms and the matcher that reads text for them. */
export {
  checkContent,
  compileLexicon,
  graverAction,
  pinyinForms,
  type CheckOptions,
  type RiskHit,
  type RiskVerdict,
  type RiskVerdictAction,
} from './content-risk'
export {
  LEXICON,
  RISK_CATEGORIES,
  type LexiconEntry,
  type RiskAction,
  type RiskCategory,
} from './lexicon'
export { normaliseForRisk } from './normalise'

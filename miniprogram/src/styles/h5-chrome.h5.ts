// The H5 build's title bar and tab bar adjustments; the weapp has native ones (h5-chrome.ts).
import './h5-chrome.scss'
import { keepShownPageVisible } from '@/utils/page-shade-guard'

keepShownPageVisible()

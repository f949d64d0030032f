/**
 * What people mean by the words they search with: groups of words for one thing or one brand,
 * and which groups are kinds of others (AirPods are 耳机 and Apple; an iPhone is a 手机 and Apple).
 * Kept as data so it can be read, reviewed and extended without touching the search code; the
 * search adapters compile it (adapters/search/analysis/term-vocabulary.ts) and tag every listing
 * with the groups its text names, at write time.
 *
 * Sources:
 * - Brands: the names brands sell under in mainland China, Chinese name first, as on their China
 *   sites and Tmall / JD flagship stores (华为 HUAWEI, 小米 Xiaomi, 索尼 Sony, 佳能 Canon, 尼康 Nikon,
 *   富士 Fujifilm, 戴森 Dyson, 大疆 DJI, 任天堂 Nintendo, 宜家 IKEA, 始祖鸟 Arc'teryx, 蔻驰 Coach …).
 * - Things: the words sellers and buyers write on 闲鱼 / 转转 and the category names of 淘宝 and 京东
 *   (单车, 耳麦, 卡片机, 拍立得, 电纸书, 婴儿车, 冲锋衣 …), plus the English words people type.
 * - Shoe lines: the model names the brands sell them under (Air Force 1, Air Jordan, 990v6, 2002R,
 *   Yeezy, Stan Smith) and the nicknames buyers use for them (空军一号, 椰子鞋).
 * - Traditional characters and Taiwan / Hong Kong wording (耳機, 筆電, 滑鼠) are converted by OpenCC
 *   before any lookup, so they need no entry here; pinyin and initials (erji, ej) come from
 *   pinyin-pro over these same words.
 *
 * Rules the tests hold the table to (search-synonyms.test.ts): every word belongs to one group; no
 * single Chinese character among `words` (包, 书 and 灯 hide inside 包邮, 说明书 and 灯光; `alone`
 * holds the few that name a group when typed on their own, like 鞋); `broader` names
 * existing groups without cycles. Direction matters: a listing of a narrower group is found by
 * the broader word (耳机 finds AirPods) but not the other way round (AirPods does not find every
 * 耳机), which is what keeps expansion from flooding results.
 */

export interface TermGroup {
  /** Stable id: the group's tag in the index. */
  id: string
  /** A brand (who made it) or an item (what it is). */
  kind: 'brand' | 'item'
  /** Words that name the group, the way people write them; the first is the display name. */
  words: string[]
  /**
   * Words of `words` that mean this group only in its `categories`: 苹果 is a fruit outside
   * phones and computers, 推车 a trolley outside 母婴, 笔记本 a paper notebook outside 电脑.
   */
  ambiguous?: string[]
  /** Groups a listing of this group also belongs to. */
  broader?: string[]
  /**
   * Where such listings are filed (top-level or leaf category ids): a ranking hint, and the
   * nearest category offered when a search finds nothing.
   */
  categories?: string[]
  /**
   * Single characters that name the group when typed as a word of their own in a search (鞋 is
   * shoes). Never looked for inside a listing's text, where a character is part of other words
   * (鞋柜 is a cabinet).
   */
  alone?: string[]
}

const brand = (
  id: string,
  words: string[],
  categories: string[],
  extra: Partial<TermGroup> = {},
): TermGroup => ({ id, kind: 'brand', words, categories, ...extra })

const item = (
  id: string,
  words: string[],
  categories: string[] = [],
  extra: Partial<TermGroup> = {},
): TermGroup => ({ id, kind: 'item', words, categories, ...extra })

const PHONE = ['phone.iphone', 'phone.android']
const DIGITAL_AND_PHONE = ['phone', 'digital', 'computer']

export const TERM_GROUPS: TermGroup[] = [
  // ---------------------------------------------------------------------------------------------
  // 手机 and accessories
  // ---------------------------------------------------------------------------------------------
  item('phone', ['手机', '智能手机', '移动电话', 'phone', 'smartphone'], PHONE),
  item('android-phone', ['安卓手机', '安卓机', 'android'], ['phone.android'], {
    broader: ['phone'],
  }),
  item('iphone', ['iPhone', '苹果手机', '爱疯'], ['phone.iphone'], { broader: ['phone', 'apple'] }),
  item('folding-phone', ['折叠屏', '折叠屏手机', '折叠手机'], PHONE, { broader: ['phone'] }),
  item('phone-accessory', ['手机配件', '数码配件'], ['phone.accessory']),
  item('phone-case', ['手机壳', '保护壳', '手机套'], ['phone.accessory'], {
    broader: ['phone-accessory'],
  }),
  item('screen-protector', ['钢化膜', '手机膜', '贴膜'], ['phone.accessory'], {
    broader: ['phone-accessory'],
  }),
  item('charger', ['充电器', '充电头', '快充头', 'charger'], ['phone.accessory'], {
    broader: ['phone-accessory'],
  }),
  item('power-bank', ['充电宝', '移动电源', 'power bank'], ['phone.accessory'], {
    broader: ['phone-accessory'],
  }),
  item('cable', ['数据线', '充电线'], ['phone.accessory'], { broader: ['phone-accessory'] }),

  // ---------------------------------------------------------------------------------------------
  // 数码: audio, cameras, tablets, wearables, games
  // ---------------------------------------------------------------------------------------------
  item(
    'earphones',
    ['耳机', '耳麦', '耳塞', 'earphones', 'headphones', 'earbuds', 'headset'],
    ['digital.earphones'],
  ),
  item('wireless-earphones', ['蓝牙耳机', '无线耳机', '真无线耳机', 'tws'], ['digital.earphones'], {
    broader: ['earphones'],
  }),
  item('noise-cancelling', ['降噪耳机', '主动降噪'], ['digital.earphones'], {
    broader: ['earphones'],
  }),
  item('over-ear', ['头戴式耳机', '头戴耳机', '耳罩式耳机'], ['digital.earphones'], {
    broader: ['earphones'],
  }),
  item('airpods', ['AirPods', '苹果耳机', '苹果无线耳机'], ['digital.earphones'], {
    broader: ['wireless-earphones', 'apple'],
  }),
  item(
    'speaker',
    ['音箱', '音响', '蓝牙音箱', '智能音箱', '小音箱', 'speaker'],
    ['digital.earphones'],
  ),
  item('camera', ['相机', '照相机', '数码相机', 'camera'], ['digital.camera']),
  item('dslr', ['单反', '单反相机', 'dslr'], ['digital.camera'], { broader: ['camera'] }),
  item('mirrorless', ['微单', '微单相机', '无反相机'], ['digital.camera'], { broader: ['camera'] }),
  item('compact-camera', ['卡片机', 'ccd相机'], ['digital.camera'], { broader: ['camera'] }),
  item('instant-camera', ['拍立得', '立拍得', 'instax'], ['digital.camera'], {
    broader: ['camera'],
  }),
  item(
    'action-camera',
    ['运动相机', '口袋相机', '云台相机', 'osmo pocket', 'gopro'],
    ['digital.camera'],
    { broader: ['camera'] },
  ),
  item('lens', ['镜头', '定焦镜头', '变焦镜头', '定焦', 'lens'], ['digital.camera']),
  item('drone', ['无人机', '航拍器', '航拍无人机', 'drone'], ['digital.camera']),
  item('tablet', ['平板', '平板电脑', 'tablet'], ['digital.tablet']),
  item('ipad', ['iPad', '苹果平板'], ['digital.tablet'], { broader: ['tablet', 'apple'] }),
  item('ereader', ['电纸书', '电子书阅读器', '阅读器', 'kindle'], ['digital.tablet']),
  item('wearable', ['智能穿戴', '穿戴设备', '可穿戴设备'], ['digital.wearable']),
  item('watch', ['手表', '智能手表', '运动手表', 'smartwatch'], ['digital.wearable'], {
    broader: ['wearable'],
  }),
  item('band', ['手环', '智能手环', '运动手环'], ['digital.wearable'], { broader: ['wearable'] }),
  item('apple-watch', ['Apple Watch', '苹果手表', 'iwatch'], ['digital.wearable'], {
    broader: ['watch', 'apple'],
  }),
  item('game-console', ['游戏机', '游戏主机', '掌机', '主机游戏'], ['digital.gaming']),
  item('switch', ['Switch', '任天堂switch', 'ns'], ['digital.gaming'], {
    ambiguous: ['Switch', 'ns'],
    broader: ['game-console', 'nintendo'],
  }),
  item('playstation', ['PS5', 'PS4', 'PlayStation'], ['digital.gaming'], {
    broader: ['game-console', 'sony'],
  }),
  item('xbox', ['Xbox'], ['digital.gaming'], { broader: ['game-console', 'microsoft'] }),
  item('controller', ['手柄', '游戏手柄'], ['digital.gaming']),

  // ---------------------------------------------------------------------------------------------
  // 电脑办公
  // ---------------------------------------------------------------------------------------------
  item('computer', ['电脑', '计算机', 'computer', 'pc'], ['computer']),
  item(
    'laptop',
    ['笔记本', '笔记本电脑', '手提电脑', '笔电', '轻薄本', '游戏本', 'laptop'],
    ['computer.laptop'],
    { ambiguous: ['笔记本'], broader: ['computer'] },
  ),
  item('macbook', ['MacBook', '苹果笔记本'], ['computer.laptop'], {
    broader: ['laptop', 'mac'],
  }),
  item('mac', ['Mac', '苹果电脑', 'iMac', 'mac mini'], ['computer'], {
    ambiguous: ['Mac'],
    broader: ['computer', 'apple'],
  }),
  item('desktop', ['台式机', '台式电脑', '电脑主机', '主机'], ['computer.desktop'], {
    ambiguous: ['主机'],
    broader: ['computer'],
  }),
  item('monitor', ['显示器', '显示屏', '电脑屏幕', '曲面屏', 'monitor'], ['computer.monitor']),
  item('keyboard', ['键盘', '机械键盘', '蓝牙键盘', 'keyboard'], ['computer.peripheral']),
  item('mouse', ['鼠标', '无线鼠标', '滑鼠', 'mouse'], ['computer.peripheral']),
  item('printer', ['打印机', '激光打印机', 'printer'], ['computer.peripheral']),
  item('screen-lamp', ['屏幕挂灯', '显示器挂灯'], ['computer.peripheral', 'furniture.decor']),

  // ---------------------------------------------------------------------------------------------
  // 家用电器
  // ---------------------------------------------------------------------------------------------
  item('vacuum', ['吸尘器', '无线吸尘器', 'vacuum'], ['appliance.cleaning']),
  item('robot-vacuum', ['扫地机器人', '扫地机', '扫拖机器人'], ['appliance.cleaning'], {
    broader: ['vacuum'],
  }),
  item('floor-washer', ['洗地机'], ['appliance.cleaning']),
  item('hair-dryer', ['吹风机', '电吹风', '风筒'], ['appliance.personal']),
  item('curling-iron', ['卷发棒', '直发夹'], ['appliance.personal']),
  item('air-purifier', ['空气净化器', '净化器'], ['appliance.cleaning', 'appliance.large']),
  item('air-conditioner', ['空调', '变频空调', '冷气机'], ['appliance.large']),
  item('fan', ['风扇', '电风扇', '落地扇', '台扇'], ['appliance.large', 'appliance.personal']),
  item('coffee-machine', ['咖啡机', '意式咖啡机', '全自动咖啡机'], ['appliance.kitchen']),
  item('rice-cooker', ['电饭煲', '电饭锅'], ['appliance.kitchen']),
  item('microwave', ['微波炉'], ['appliance.kitchen']),
  item('dishwasher', ['洗碗机'], ['appliance.kitchen']),
  item('soymilk-maker', ['豆浆机', '破壁机'], ['appliance.kitchen']),

  // ---------------------------------------------------------------------------------------------
  // 家具家居
  // ---------------------------------------------------------------------------------------------
  item(
    'sofa',
    ['沙发', '沙发床', '布艺沙发', '懒人沙发', 'sofa'],
    ['furniture.table', 'furniture.bed'],
  ),
  item('chair', ['椅子', '办公椅', '电脑椅', '人体工学椅', '餐椅'], ['furniture.table']),
  item('desk', ['书桌', '电脑桌', '办公桌', '升降桌', '写字台'], ['furniture.table'], {
    broader: ['table'],
  }),
  item('table', ['桌子', '餐桌', '茶几', 'table'], ['furniture.table']),
  item('bookcase', ['书柜', '书架', '置物架'], ['furniture.storage']),
  item('cabinet', ['柜子', '抽屉柜', '斗柜', '衣柜', '鞋柜'], ['furniture.storage']),
  item('mattress', ['床垫', '乳胶床垫', '弹簧床垫'], ['furniture.bed']),
  item('lamp', ['台灯', '落地灯', '吊灯'], ['furniture.decor']),
  item('mirror', ['镜子', '全身镜', '穿衣镜'], ['furniture.decor']),

  // ---------------------------------------------------------------------------------------------
  // 服饰鞋包
  // ---------------------------------------------------------------------------------------------
  item('clothes', ['衣服', '服装', '衣物', '上衣'], ['clothing.women', 'clothing.men']),
  item('womens-clothes', ['女装', '女士衣服'], ['clothing.women'], { broader: ['clothes'] }),
  item('mens-clothes', ['男装', '男士衣服'], ['clothing.men'], { broader: ['clothes'] }),
  item('kids-clothes', ['童装', '儿童衣服', '宝宝衣服'], ['baby.clothes'], {
    broader: ['clothes'],
  }),
  item('coat', ['外套', '大衣', '夹克', '风衣', '棉服'], ['clothing.women', 'clothing.men'], {
    broader: ['clothes'],
  }),
  item('down-jacket', ['羽绒服', '羽绒衣', '羽绒外套'], ['clothing.women', 'clothing.men'], {
    broader: ['coat'],
  }),
  item('hardshell', ['冲锋衣', '硬壳'], ['clothing.men', 'sports.outdoor'], { broader: ['coat'] }),
  item('hoodie', ['卫衣', '连帽衫', 'hoodie'], ['clothing.women', 'clothing.men'], {
    broader: ['clothes'],
  }),
  item('tshirt', ['T恤', '短袖', 'tee'], ['clothing.women', 'clothing.men'], {
    broader: ['clothes'],
  }),
  item('jeans', ['牛仔裤', 'jeans'], ['clothing.women', 'clothing.men'], {
    broader: ['clothes'],
  }),
  item('dress', ['连衣裙', '裙子', '半身裙'], ['clothing.women'], { broader: ['clothes'] }),
  item('sweater', ['毛衣', '针织衫', '羊绒衫'], ['clothing.women', 'clothing.men'], {
    broader: ['clothes'],
  }),
  item(
    'shoes',
    [
      '鞋子',
      '鞋靴',
      '球鞋',
      '运动鞋',
      '板鞋',
      '跑鞋',
      '篮球鞋',
      '男鞋',
      '女鞋',
      '皮鞋',
      '高跟鞋',
      '帆布鞋',
      '老爹鞋',
      '靴子',
      '马丁靴',
      '小白鞋',
      'sneakers',
      'sneaker',
    ],
    ['clothing.shoes'],
    { alone: ['鞋'] },
  ),
  // Shoe lines sellers name without saying 鞋 (New Balance 990v5, Nike Air Force 1): a shoe
  // wherever the seller filed it. Bare numbers (574, 9060) are left out: they are prices too.
  item('air-force-1', ['Air Force 1', 'AF1', '空军一号'], ['clothing.shoes'], {
    broader: ['shoes', 'nike'],
  }),
  item('air-jordan', ['Air Jordan', 'AJ1', 'AJ4', 'AJ11'], ['clothing.shoes'], {
    broader: ['shoes', 'nike'],
  }),
  item('nb-990', ['990v3', '990v4', '990v5', '990v6'], ['clothing.shoes'], {
    broader: ['shoes', 'new-balance'],
  }),
  item('nb-2002r', ['2002R', '1906R'], ['clothing.shoes'], {
    broader: ['shoes', 'new-balance'],
  }),
  item('yeezy', ['Yeezy', '椰子鞋'], ['clothing.shoes'], { broader: ['shoes', 'adidas'] }),
  item('stan-smith', ['Stan Smith'], ['clothing.shoes'], { broader: ['shoes', 'adidas'] }),
  item(
    'bag',
    ['包包', '箱包', '手提包', '托特包', '双肩包', '背包', '斜挎包', '饺子包', 'bag'],
    ['clothing.bags'],
  ),

  // ---------------------------------------------------------------------------------------------
  // 美妆, 母婴, 图书, 运动, 玩具乐器, 宠物
  // ---------------------------------------------------------------------------------------------
  item('skincare', ['护肤', '护肤品', '精华', '精华液', '面霜', '爽肤水'], ['beauty.skincare']),
  item('makeup', ['彩妆', '化妆品', '粉底液', '眼影'], ['beauty.makeup']),
  item('lipstick', ['口红', '唇膏', '唇釉'], ['beauty.makeup'], { broader: ['makeup'] }),
  item('perfume', ['香水', '淡香水', 'perfume'], ['beauty.fragrance']),
  item('stroller', ['婴儿车', '婴儿推车', '宝宝推车', '推车', '童车'], ['baby.stroller'], {
    ambiguous: ['推车'],
  }),
  item('car-seat', ['安全座椅', '儿童座椅', '儿童安全座椅'], ['baby.stroller']),
  item('crib', ['婴儿床', '宝宝床'], ['baby.stroller', 'furniture.bed']),
  item('books', ['图书', '书籍', '书本'], ['books']),
  item('textbook', ['教材', '课本', '教辅'], ['books.textbook'], { broader: ['books'] }),
  item('novel', ['小说', '长篇小说'], ['books.fiction'], { broader: ['books'] }),
  item('exam-prep', ['真题', '考研资料', '备考资料'], ['books.exam'], { broader: ['books'] }),
  item('bicycle', ['自行车', '单车', '脚踏车', 'bike', 'bicycle'], ['sports.bike']),
  item('road-bike', ['公路车', '公路自行车', '公路单车'], ['sports.bike'], {
    broader: ['bicycle'],
  }),
  item('mountain-bike', ['山地车', '山地自行车'], ['sports.bike'], { broader: ['bicycle'] }),
  item('folding-bike', ['折叠车', '折叠自行车'], ['sports.bike'], { broader: ['bicycle'] }),
  item('exercise-bike', ['动感单车', '健身车'], ['sports.fitness']),
  item('ebike', ['电动车', '电瓶车', '电动自行车'], ['sports.bike']),
  item('helmet', ['头盔', '电动车头盔', '骑行头盔'], ['sports.bike', 'other.misc']),
  item('dumbbell', ['哑铃', '杠铃'], ['sports.fitness']),
  item('yoga-mat', ['瑜伽垫'], ['sports.fitness']),
  item('treadmill', ['跑步机'], ['sports.fitness']),
  item('tent', ['帐篷', '露营帐篷'], ['sports.outdoor']),
  item('racket', ['球拍', '羽毛球拍', '网球拍', '乒乓球拍'], ['sports.ball']),
  item('ski', ['滑雪板', '单板', '双板'], ['sports.outdoor'], { ambiguous: ['单板', '双板'] }),
  item('instrument', ['乐器'], ['toys.instrument']),
  item('piano', ['钢琴', '电钢琴', '数码钢琴'], ['toys.instrument'], { broader: ['instrument'] }),
  item('e-keyboard', ['电子琴'], ['toys.instrument'], { broader: ['instrument'] }),
  item('guitar', ['吉他', '民谣吉他', '电吉他', 'guitar'], ['toys.instrument'], {
    broader: ['instrument'],
  }),
  item('ukulele', ['尤克里里', 'ukulele'], ['toys.instrument'], { broader: ['instrument'] }),
  item('toy', ['玩具', '儿童玩具'], ['toys', 'baby.toys']),
  item('figure', ['手办', '模型', '高达', '盲盒'], ['toys.models'], { broader: ['toy'] }),
  item('board-game', ['桌游', '桌面游戏', '狼人杀'], ['toys.boardgame'], { broader: ['toy'] }),
  item('cat-tree', ['猫爬架', '猫架', '猫抓板'], ['other.pets'], { broader: ['pet-supplies'] }),
  item('pet-carrier', ['航空箱', '宠物箱', '猫包'], ['other.pets'], {
    broader: ['pet-supplies'],
  }),
  item('pet-supplies', ['宠物用品'], ['other.pets']),

  // ---------------------------------------------------------------------------------------------
  // Brands (a product line that is also a thing sits above, with its brand in `broader`)
  // ---------------------------------------------------------------------------------------------
  brand('apple', ['苹果', 'Apple'], DIGITAL_AND_PHONE, { ambiguous: ['苹果'] }),
  brand('huawei', ['华为', 'Huawei'], DIGITAL_AND_PHONE),
  brand('honor', ['荣耀', 'Honor'], ['phone', 'digital', 'computer'], { ambiguous: ['荣耀'] }),
  brand('xiaomi', ['小米', 'Xiaomi'], [...DIGITAL_AND_PHONE, 'appliance'], {
    ambiguous: ['小米'],
  }),
  brand('redmi', ['红米', 'Redmi'], ['phone'], { broader: ['xiaomi'] }),
  brand('mijia', ['米家', 'Mijia'], ['appliance', 'digital'], { broader: ['xiaomi'] }),
  brand('oppo', ['OPPO'], ['phone', 'digital']),
  brand('vivo', ['vivo'], ['phone', 'digital']),
  brand('oneplus', ['一加', 'OnePlus'], ['phone']),
  brand('samsung', ['三星', 'Samsung'], [...DIGITAL_AND_PHONE, 'appliance']),
  brand('sony', ['索尼', 'Sony'], ['digital', 'phone', 'appliance.large']),
  brand('nintendo', ['任天堂', 'Nintendo'], ['digital.gaming', 'toys']),
  brand('microsoft', ['微软', 'Microsoft'], ['computer', 'digital.gaming']),
  brand('canon', ['佳能', 'Canon'], ['digital.camera', 'computer.peripheral']),
  brand('nikon', ['尼康', 'Nikon'], ['digital.camera']),
  brand('fujifilm', ['富士', 'Fujifilm', 'fuji'], ['digital.camera']),
  brand('leica', ['徕卡', 'Leica'], ['digital.camera']),
  brand('dji', ['大疆', 'DJI'], ['digital.camera']),
  brand('bose', ['Bose', '博士音响'], ['digital.earphones']),
  brand('sennheiser', ['森海塞尔', 'Sennheiser'], ['digital.earphones']),
  brand('edifier', ['漫步者', 'Edifier'], ['digital.earphones']),
  brand('jbl', ['JBL'], ['digital.earphones']),
  brand('amazon', ['亚马逊', 'Amazon'], ['digital.tablet']),
  brand('garmin', ['佳明', 'Garmin'], ['digital.wearable', 'sports']),
  brand('lenovo', ['联想', 'Lenovo'], ['computer', 'digital.tablet']),
  brand('thinkpad', ['ThinkPad'], ['computer.laptop'], { broader: ['lenovo', 'laptop'] }),
  brand('dell', ['戴尔', 'Dell'], ['computer']),
  brand('hp', ['惠普', 'HP'], ['computer']),
  brand('asus', ['华硕', 'ASUS'], ['computer']),
  brand('logitech', ['罗技', 'Logitech'], ['computer.peripheral']),
  brand('keychron', ['Keychron'], ['computer.peripheral']),
  brand('benq', ['明基', 'BenQ'], ['computer']),
  brand('dyson', ['戴森', 'Dyson'], ['appliance']),
  brand('midea', ['美的', 'Midea'], ['appliance'], { ambiguous: ['美的'] }),
  brand('gree', ['格力', 'Gree'], ['appliance']),
  brand('haier', ['海尔', 'Haier'], ['appliance']),
  brand('siemens', ['西门子', 'Siemens'], ['appliance']),
  brand('panasonic', ['松下', 'Panasonic'], ['appliance', 'beauty']),
  brand('philips', ['飞利浦', 'Philips'], ['appliance']),
  brand('joyoung', ['九阳', 'Joyoung'], ['appliance.kitchen']),
  brand('bear', ['小熊电器'], ['appliance.kitchen']),
  brand('delonghi', ['德龙', "De'Longhi", 'delonghi'], ['appliance.kitchen']),
  brand('ikea', ['宜家', 'IKEA'], ['furniture', 'other']),
  brand('muji', ['无印良品', 'MUJI'], ['furniture', 'clothing']),
  brand('nike', ['耐克', 'Nike'], ['clothing', 'sports']),
  brand('adidas', ['阿迪达斯', 'Adidas', '阿迪'], ['clothing', 'sports']),
  brand('new-balance', ['新百伦', 'New Balance'], ['clothing.shoes']),
  brand('uniqlo', ['优衣库', 'Uniqlo'], ['clothing']),
  brand('arcteryx', ['始祖鸟', "Arc'teryx", 'arcteryx'], ['clothing', 'sports.outdoor']),
  brand('the-north-face', ['北面', 'The North Face', 'tnf'], ['clothing', 'sports.outdoor']),
  brand('levis', ['李维斯', "Levi's", 'levis'], ['clothing']),
  brand('coach', ['蔻驰', 'Coach'], ['clothing.bags']),
  brand('longchamp', ['珑骧', 'Longchamp'], ['clothing.bags']),
  brand('estee-lauder', ['雅诗兰黛', 'Estee Lauder'], ['beauty']),
  brand('lancome', ['兰蔻', 'Lancome'], ['beauty']),
  brand('skii', ['SK-II', 'SK2', '神仙水'], ['beauty']),
  brand('dior', ['迪奥', 'Dior'], ['beauty', 'clothing']),
  brand('chanel', ['香奈儿', 'Chanel'], ['beauty', 'clothing']),
  brand('shiseido', ['资生堂', 'Shiseido'], ['beauty']),
  brand('la-mer', ['海蓝之谜', 'La Mer'], ['beauty']),
  brand('goodbaby', ['好孩子', 'Goodbaby'], ['baby'], { ambiguous: ['好孩子'] }),
  brand('pigeon', ['贝亲', 'Pigeon'], ['baby']),
  brand('decathlon', ['迪卡侬', 'Decathlon'], ['sports']),
  brand('giant', ['捷安特', 'Giant'], ['sports.bike']),
  brand('yonex', ['尤尼克斯', 'Yonex'], ['sports.ball']),
  brand('spalding', ['斯伯丁', 'Spalding'], ['sports.ball']),
  brand('wilson', ['威尔胜', 'Wilson'], ['sports.ball']),
  brand('burton', ['Burton'], ['sports.outdoor']),
  brand('keep', ['Keep'], ['sports.fitness'], { ambiguous: ['Keep'] }),
  brand('lego', ['乐高', 'LEGO'], ['toys', 'baby.toys'], { broader: ['toy'] }),
  brand('bandai', ['万代', 'Bandai'], ['toys.models']),
  brand('pop-mart', ['泡泡玛特', 'Pop Mart'], ['toys.models']),
  brand('yamaha', ['雅马哈', 'Yamaha'], ['toys.instrument']),
  brand('casio', ['卡西欧', 'Casio'], ['toys.instrument', 'digital.wearable']),
  brand('starbucks', ['星巴克', 'Starbucks'], ['other']),
]

/**
 * Words that say nothing on a second-hand marketplace (everything here is 二手 and 出售): dropped
 * from a query unless nothing else is left, so 二手相机 finds 相机 listings that never say 二手.
 */
export const FILLER_WORDS: string[] = [
  '二手',
  '闲置',
  '出售',
  '转让',
  '转卖',
  '求购',
  '便宜',
  '低价',
  '出',
  '卖',
  '收',
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '一个',
  '个',
]

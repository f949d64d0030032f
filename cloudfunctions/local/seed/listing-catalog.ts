import type { CategoryId, ConditionId, ServiceUnitId, SubcategoryId } from '@shared/domain/listing'
import type { ServiceTerms, TradeOptions } from '@shared/contracts/listing.contract'
import type { PhotoKind } from './photo-glyphs'
import type { Rng } from './prng'

/**
 * Word lists for believable second-hand listings, the way people write them on 闲鱼:
 * item with brand and spec, a condition word, sometimes a selling point. Prices are in yuan here
 * (what a seller would type) and become fen in `draftListing`.
 */

interface Item {
  name: string
  /** What its photos show. */
  kind: PhotoKind
  /** Typical asking range for a lightly used one, yuan. */
  price: [number, number]
  /** Retail price when new, yuan; shown crossed out on some listings. */
  retail?: number
}

interface CategoryCatalog {
  /** Share of the seeded listings. */
  weight: number
  items: Item[]
  /** Selling points that fit this category. */
  extras: string[]
  /** First sentence of a description; `{item}` is replaced by the item's name. */
  openings: string[]
}

const i = (name: string, kind: PhotoKind, min: number, max: number, retail?: number): Item => ({
  name,
  kind,
  price: [min, max],
  retail,
})

/** Goods only: services have their own catalogue below. */
export const CATALOG: Record<Exclude<CategoryId, 'services'>, CategoryCatalog> = {
  phone: {
    weight: 12,
    items: [
      i('iPhone 15 Pro 256G', 'phone', 5200, 6200, 8999),
      i('iPhone 14 128G', 'phone', 3000, 3600, 5999),
      i('iPhone 13 mini 128G', 'phone', 1900, 2400, 5199),
      i('华为 Mate 60 Pro 512G', 'phone', 4200, 5000, 6999),
      i('小米14 16+512G', 'phone', 2300, 2900, 4599),
      i('OPPO Find X7 Ultra', 'phone', 3300, 4000, 5999),
      i('vivo X100 Pro', 'phone', 3000, 3600, 4999),
      i('荣耀 Magic6 Pro', 'phone', 2600, 3200, 5699),
      i('一加12 16+512G', 'phone', 2500, 3000, 4799),
      i('红米 K70', 'phone', 1400, 1800, 2499),
    ],
    extras: ['带原装盒', '电池健康91%', '国行', '配件齐全', '无拆无修', '带发票'],
    openings: [
      '自用{item}，一直带壳贴膜使用。',
      '换新机了，{item}闲置出。',
      '{item}，公司发的备用机，基本没怎么用。',
      '出一台{item}，面容指纹都正常。',
    ],
  },
  digital: {
    weight: 12,
    items: [
      i('AirPods Pro 2', 'earbuds', 800, 1100, 1899),
      i('索尼 WH-1000XM5 降噪耳机', 'headphones', 1300, 1700, 2999),
      i('iPad Air 5 64G', 'tablet', 2400, 2900, 4399),
      i('大疆 Mini 3 无人机', 'drone', 2300, 2900, 3788),
      i('富士 X-T30 微单套机', 'camera', 4300, 5200, 6999),
      i('Kindle Paperwhite 5', 'ereader', 450, 650, 1068),
      i('Switch OLED 日版', 'console', 1500, 1800, 2599),
      i('Apple Watch S8 45mm', 'watch', 1500, 1900, 3199),
      i('大疆 Osmo Pocket 3', 'camera', 2600, 3000, 3499),
      i('佳能 50mm f1.8 定焦镜头', 'lens', 500, 650, 899),
    ],
    extras: ['带原装盒', '配件齐全', '国行', '在保', '带发票'],
    openings: [
      '{item}，买来吃灰了，出给需要的人。',
      '闲置{item}，功能完好，成色如图。',
      '升级换代了，{item}转让。',
      '{item}，平时在家用，没带出过门几次。',
    ],
  },
  computer: {
    weight: 9,
    items: [
      i('MacBook Air M2 8+256G', 'laptop', 4600, 5500, 8999),
      i('MacBook Pro 14 M1 Pro', 'laptop', 7200, 8500, 14999),
      i('联想小新 Pro 14', 'laptop', 2800, 3500, 5499),
      i('ThinkPad X1 Carbon', 'laptop', 3800, 4600, 9999),
      i('戴尔 27寸 4K 显示器', 'monitor', 1500, 1900, 3999),
      i('罗技 MX Master 3S 鼠标', 'mouse', 380, 480, 799),
      i('Keychron K3 机械键盘', 'keyboard', 260, 360, 598),
      i('惠普 激光打印机 M126a', 'printer', 450, 650, 1299),
      i('华为 MateBook 14', 'phone', 2900, 3500, 5699),
      i('明基 ScreenBar 屏幕挂灯', 'monitor', 450, 550, 899),
    ],
    extras: ['带原装充电器', '在保', '国行', '无拆修', '电池循环少'],
    openings: [
      '{item}，公司配了新电脑，这台闲置了。',
      '自用{item}，平时写代码看剧，性能够用。',
      '{item}，毕业了用不上，便宜出。',
      '出{item}，已恢复出厂设置。',
    ],
  },
  appliance: {
    weight: 9,
    items: [
      i('戴森 V10 吸尘器', 'vacuum', 1200, 1600, 3990),
      i('小米 空气净化器 4 Pro', 'purifier', 550, 800, 1499),
      i('美的 变频空调 1.5匹', 'aircon', 1200, 1700, 2999),
      i('西门子 洗碗机 8套', 'dishwasher', 1800, 2400, 4599),
      i('松下 微波炉', 'microwave', 250, 380, 799),
      i('小熊 电饭煲 3L', 'cooker', 60, 110, 199),
      i('德龙 全自动咖啡机', 'coffeeMachine', 1600, 2200, 3999),
      i('米家 扫地机器人', 'robotVacuum', 700, 1000, 1999),
      i('格力 落地扇', 'fan', 90, 150, 299),
      i('九阳 豆浆机', 'cooker', 120, 200, 459),
    ],
    extras: ['在保', '带发票', '搬家急出', '需自提'],
    openings: [
      '搬家带不走，{item}低价出。',
      '{item}，家里换了新的，旧的出掉。',
      '租房时买的{item}，退租了用不上。',
      '{item}，功能正常，清洗过很干净。',
    ],
  },
  furniture: {
    weight: 9,
    items: [
      i('宜家 毕利 书柜', 'bookcase', 180, 280, 499),
      i('北欧 布艺沙发 三人位', 'sofa', 600, 1100, 2899),
      i('实木 餐桌 1.4米', 'table', 500, 900, 1999),
      i('人体工学椅', 'chair', 450, 700, 1299),
      i('宜家 马尔姆 抽屉柜', 'drawers', 250, 380, 799),
      i('乳胶床垫 1.8米', 'bed', 300, 600, 1599),
      i('奶油风 落地灯', 'lamp', 80, 150, 299),
      i('电动升降桌 1.2米', 'table', 500, 750, 1499),
      i('落地 全身镜', 'mirror', 60, 120, 259),
      i('原木 茶几', 'table', 150, 260, 599),
    ],
    extras: ['需自提', '搬家急出', '可拆装', '无异味'],
    openings: [
      '{item}，搬家带不走，需要自己来搬。',
      '买了一年的{item}，很结实，没有破损。',
      '{item}，房子重新装修换风格了。',
      '退租出{item}，楼层有电梯，搬运方便。',
    ],
  },
  clothing: {
    weight: 10,
    items: [
      i('始祖鸟 Beta LT 冲锋衣 M码', 'jacket', 2200, 2900, 4500),
      i('优衣库 羽绒服 L码', 'puffer', 150, 250, 599),
      i('Nike Air Force 1 42码', 'sneaker', 300, 450, 799),
      i('蔻驰 托特包', 'bag', 700, 1100, 2950),
      i('北面 1996 羽绒服', 'puffer', 900, 1300, 2399),
      i('New Balance 990v5 43码', 'sneaker', 700, 1000, 1699),
      i('Levis 501 牛仔裤 W30', 'jeans', 150, 240, 699),
      i('MaxMara 羊绒大衣 S码', 'coat', 3500, 5000, 15900),
      i('阿迪达斯 三叶草 卫衣', 'hoodie', 150, 230, 599),
      i('珑骧 饺子包 大号', 'bag', 350, 520, 990),
    ],
    extras: ['仅试穿', '正品', '带吊牌', '尺码不合适'],
    openings: [
      '{item}，买大了一码，只穿过一两次。',
      '衣柜清理，{item}低价转。',
      '{item}，专柜购入，保证正品。',
      '{item}，风格变了不穿了，洗过收纳好的。',
    ],
  },
  beauty: {
    weight: 7,
    items: [
      i('雅诗兰黛 小棕瓶 50ml', 'bottle', 380, 520, 1000),
      i('SK-II 神仙水 230ml', 'bottle', 750, 980, 1540),
      i('戴森 吹风机 HD08', 'hairdryer', 1600, 2100, 2999),
      i('兰蔻 粉水 400ml', 'bottle', 250, 360, 630),
      i('迪奥 口红 999', 'lipstick', 180, 260, 370),
      i('海蓝之谜 面霜 60ml', 'jar', 1400, 1900, 2950),
      i('松下 卷发棒', 'hairdryer', 120, 180, 349),
      i('香奈儿 邂逅 香水 50ml', 'perfume', 550, 750, 1100),
      i('资生堂 红腰子 精华 75ml', 'bottle', 450, 600, 920),
    ],
    extras: ['正品', '专柜购入', '带小票', '保质期内'],
    openings: [
      '{item}，囤货太多用不完。',
      '朋友送的{item}，不适合我的肤质。',
      '{item}，双十一买多了，转给有需要的姐妹。',
      '{item}，只试用过一次。',
    ],
  },
  baby: {
    weight: 7,
    items: [
      i('好孩子 婴儿推车', 'stroller', 350, 600, 1299),
      i('实木 婴儿床', 'crib', 400, 700, 1599),
      i('贝亲 奶瓶 套装', 'babyBottle', 50, 90, 198),
      i('儿童 安全座椅 0-4岁', 'carSeat', 450, 750, 1999),
      i('儿童 平衡车', 'bicycle', 150, 240, 499),
      i('婴儿 背带 腰凳', 'bag', 100, 180, 459),
      i('儿童 绘本 一箱50本', 'books', 80, 150, 600),
      i('双边 电动吸奶器', 'babyBottle', 250, 380, 799),
      i('儿童 羽绒服 110码', 'puffer', 80, 150, 399),
    ],
    extras: ['宝宝长大了用不上', '已消毒', '无异味', '带说明书'],
    openings: [
      '宝宝长大了，{item}用不上了。',
      '{item}，一直很爱惜，无破损。',
      '二胎也用不上了，{item}便宜出。',
      '{item}，亲戚送的重复了。',
    ],
  },
  books: {
    weight: 8,
    items: [
      i('《三体》全集 三册', 'books', 35, 55, 93),
      i('考研英语 真题 黄皮书', 'books', 20, 40, 89),
      i('《人类简史》精装', 'books', 25, 40, 68),
      i('CPA 注会教材 全套', 'books', 80, 150, 420),
      i('《哈利·波特》全七册', 'books', 120, 200, 398),
      i('剑桥雅思真题 4-18', 'books', 150, 250, 900),
      i('《百年孤独》', 'books', 18, 30, 55),
      i('高中数学 教辅 一套', 'books', 20, 40, 120),
      i('村上春树 作品集 10本', 'books', 100, 160, 380),
      i('《深入理解计算机系统》', 'books', 60, 90, 139),
    ],
    extras: ['无笔记', '有少量笔记', '整套出', '正版'],
    openings: [
      '{item}，看完了，书页干净。',
      '考完试了，{item}转给需要的同学。',
      '{item}，书架放不下了。',
      '搬家清书，{item}打包出。',
    ],
  },
  sports: {
    weight: 7,
    items: [
      i('迪卡侬 公路自行车', 'bicycle', 900, 1300, 2299),
      i('尤尼克斯 天斧99 羽毛球拍', 'racket', 500, 750, 1380),
      i('Keep 动感单车', 'exerciseBike', 600, 900, 1999),
      i('加厚瑜伽垫 送瑜伽砖', 'yogaMat', 40, 80, 159),
      i('斯伯丁 篮球 7号', 'ball', 80, 130, 259),
      i('探路者 帐篷 3-4人', 'tent', 180, 300, 699),
      i('威尔胜 网球拍', 'racket', 600, 900, 1680),
      i('可调节哑铃 24kg', 'dumbbell', 300, 500, 999),
      i('Burton 滑雪板 套装', 'snowboard', 1500, 2300, 4800),
      i('佳明 Forerunner 255 跑步手表', 'watch', 1200, 1600, 2580),
    ],
    extras: ['需自提', '送配件', '正品', '无磕碰'],
    openings: [
      '{item}，三分钟热度，没用几次。',
      '{item}，换了更专业的装备，这个出掉。',
      '办了健身卡，家里的{item}闲置了。',
      '{item}，保养得很好，随时可以验货。',
    ],
  },
  toys: {
    weight: 6,
    items: [
      i('乐高 保时捷911 10295', 'brick', 900, 1200, 1299),
      i('乐高 机械组 兰博基尼', 'brick', 2000, 2600, 3299),
      i('泡泡玛特 盲盒 一套12个', 'figure', 300, 500, 828),
      i('雅马哈 电钢琴 P-125', 'piano', 2300, 3000, 4299),
      i('尤克里里 23寸 单板', 'guitar', 200, 350, 699),
      i('万代 高达 MG 模型', 'figure', 150, 250, 380),
      i('卡西欧 电子琴 61键', 'piano', 400, 650, 1099),
      i('健身环大冒险', 'console', 280, 380, 599),
      i('奥迪双钻 遥控车', 'toyCar', 60, 120, 299),
      i('雅马哈 F310 民谣吉他', 'guitar', 450, 650, 1080),
    ],
    extras: ['盒子说明书齐全', '已拼好', '零件齐全', '送教材'],
    openings: [
      '{item}，拼完放着积灰了。',
      '{item}，孩子不玩了，完好无缺件。',
      '学了一阵没坚持下来，{item}出给有缘人。',
      '{item}，收藏品，一直放在展示柜。',
    ],
  },
  other: {
    weight: 4,
    items: [
      i('星巴克 猫爪杯', 'cup', 60, 120, 199),
      i('宜家 收纳箱 4个', 'box', 40, 80, 159),
      i('龟背竹 大盆绿植', 'plant', 60, 120, 259),
      i('搬家纸箱 20个', 'box', 20, 40),
      i('大型 猫爬架', 'catTree', 150, 280, 599),
      i('露营 折叠推车', 'cart', 80, 150, 299),
      i('电动车头盔 3C认证', 'helmet', 40, 80, 159),
      i('Hario 手冲咖啡 套装', 'kettle', 150, 230, 399),
      i('宠物 航空箱 中号', 'petCarrier', 60, 110, 229),
    ],
    extras: ['需自提', '同城自提'],
    openings: ['{item}，闲置在家占地方。', '{item}，搬家清理，便宜出。', '{item}，买重复了一个。'],
  },
}

/** Which leaf category an item name belongs to; the first matching rule wins, else the first leaf. */
const SUBCATEGORY_RULES: [RegExp, SubcategoryId][] = [
  [/iPhone/, 'phone.iphone'],
  [/华为|小米|OPPO|vivo|荣耀|一加|红米/, 'phone.android'],
  [/耳机|AirPods|音箱/, 'digital.earphones'],
  [/微单|相机|镜头|Pocket|无人机/, 'digital.camera'],
  [/iPad|Kindle/, 'digital.tablet'],
  [/Watch|手环/, 'digital.wearable'],
  [/Switch|PS5|游戏/, 'digital.gaming'],
  [/MacBook|小新|笔记本|ThinkPad|拯救者/, 'computer.laptop'],
  [/显示器/, 'computer.monitor'],
  [/键盘|鼠标/, 'computer.peripheral'],
  [/乐器|钢琴|吉他|尤克里里|电子琴/, 'toys.instrument'],
  [/乐高|高达|盲盒|手办/, 'toys.models'],
  [/自行车|公路车/, 'sports.bike'],
  // 猫爬架 and 猫砂 are for pets; a 猫爪杯 is a cup.
  [/猫爬架|猫砂|宠物|狗/, 'other.pets'],
  [/真题|考研|考试|雅思|托福|CPA|注会|公务员/, 'books.exam'],
  [/教材|教辅|课本|练习册|高中|初中|小学/, 'books.textbook'],
  [/空调|冰箱|洗衣机|电视/, 'appliance.large'],
  [/吸尘器|扫地|洗地/, 'appliance.cleaning'],
  [/吹风机|剃须|电动牙刷|卷发/, 'appliance.personal'],
  [/桌|椅|沙发/, 'furniture.table'],
  [/书柜|柜|架|收纳/, 'furniture.storage'],
  [/床|床垫|被/, 'furniture.bed'],
  // Sneakers are often named by their line alone (New Balance 990v5): shoes too, not 女装.
  [/鞋|靴|Air Force|Air Jordan|Yeezy|990v/, 'clothing.shoes'],
  [/包|箱/, 'clothing.bags'],
  [/冲锋衣|羽绒服|夹克|卫衣|衬衫/, 'clothing.men'],
  [/香水/, 'beauty.fragrance'],
  [/口红|粉底|眼影|粉水|气垫/, 'beauty.makeup'],
  [/推车|座椅|婴儿床/, 'baby.stroller'],
  [/童装|宝宝衣/, 'baby.clothes'],
  [/球拍|篮球|足球|羽毛球/, 'sports.ball'],
  [/单车|跑步机|哑铃|瑜伽/, 'sports.fitness'],
  [/帐篷|露营|登山/, 'sports.outdoor'],
  [/票|卡|券/, 'other.tickets'],
]

export const subcategoryFor = (
  category: Exclude<CategoryId, 'services'>,
  itemName: string,
): SubcategoryId => {
  const prefix = `${category}.`
  const rule = SUBCATEGORY_RULES.find(([re, sub]) => sub.startsWith(prefix) && re.test(itemName))
  return rule ? rule[1] : (CATEGORY_FIRST_LEAF[category] as SubcategoryId)
}

const CATEGORY_FIRST_LEAF: Record<Exclude<CategoryId, 'services'>, string> = {
  phone: 'phone.accessory',
  digital: 'digital.earphones',
  computer: 'computer.laptop',
  appliance: 'appliance.kitchen',
  furniture: 'furniture.table',
  clothing: 'clothing.women',
  beauty: 'beauty.skincare',
  baby: 'baby.toys',
  books: 'books.fiction',
  sports: 'sports.fitness',
  toys: 'toys.boardgame',
  other: 'other.misc',
}

interface ServiceItem {
  title: string
  sub: SubcategoryId
  /** What its photos show: what the work is done with. */
  kind: PhotoKind
  unit: ServiceUnitId
  price: [number, number]
  radiusKm: number
  standard: string
  description: string
}

/** Local services neighbours actually offer, priced per unit (¥/小时, ¥/次 …). */
export const SERVICES: ServiceItem[] = [
  {
    title: '初中数学一对一家教 上门',
    sub: 'services.tutoring',
    kind: 'lesson',
    unit: 'hour',
    price: [120, 200],
    radiusKm: 5,
    standard: '每次 2 小时，课前沟通进度，课后留作业并反馈给家长。',
    description: '985 数学系在读研究生，带过 6 届初三学生，擅长几何和函数。',
  },
  {
    title: '小学英语 陪读 作业辅导',
    sub: 'services.tutoring',
    kind: 'lesson',
    unit: 'hour',
    price: [80, 120],
    radiusKm: 3,
    standard: '按小时计，辅导当天作业并检查订正，可线上反馈。',
    description: '英语专业八级，有耐心，喜欢和小朋友打交道，周一到周五晚上有空。',
  },
  {
    title: '上门维修 空调 洗衣机 热水器',
    sub: 'services.repair',
    kind: 'tools',
    unit: 'session',
    price: [60, 120],
    radiusKm: 10,
    standard: '上门检测 60 元，维修另报价，换件提供旧件，保修 3 个月。',
    description: '十年家电维修经验，持电工证，当天预约当天上门。',
  },
  {
    title: '电脑重装系统 清灰换硅脂',
    sub: 'services.repair',
    kind: 'laptop',
    unit: 'session',
    price: [50, 100],
    radiusKm: 8,
    standard: '重装正版系统保留资料，清灰换硅脂后温度对比给你看。',
    description: '计算机专业毕业，笔记本台式机都可以，可上门也可送修。',
  },
  {
    title: '同城跑腿 代买代送 取送文件',
    sub: 'services.errand',
    kind: 'parcel',
    unit: 'session',
    price: [15, 30],
    radiusKm: 5,
    standard: '3 公里内 30 分钟送达，超时免单，贵重物品拍照确认。',
    description: '电动车出行，熟悉周边，药店超市都能代买，急单优先。',
  },
  {
    title: '家庭保洁 日常打扫 2小时起',
    sub: 'services.cleaning',
    kind: 'bucket',
    unit: 'hour',
    price: [45, 60],
    radiusKm: 6,
    standard: '2 小时起约，自带清洁工具，厨卫深度清洁另计。',
    description: '做保洁八年，细心干净，老客户都是回头客。',
  },
  {
    title: '小型搬家 面包车 可帮搬',
    sub: 'services.moving',
    kind: 'truck',
    unit: 'session',
    price: [200, 350],
    radiusKm: 20,
    standard: '市内一车 200 起，含两人搬运，楼层无电梯每层加 10 元。',
    description: '自有面包车，学生搬宿舍、小户型搬家都可以，周末也接。',
  },
  {
    title: '证件照 形象照 上门拍摄',
    sub: 'services.photo',
    kind: 'camera',
    unit: 'session',
    price: [80, 150],
    radiusKm: 8,
    standard: '拍摄 30 分钟，精修 3 张，电子版当天交付。',
    description: '专业摄影师，自带灯光背景布，简历照、签证照都能拍。',
  },
  {
    title: '上门喂猫 铲屎 陪玩',
    sub: 'services.pet',
    kind: 'paw',
    unit: 'session',
    price: [40, 60],
    radiusKm: 4,
    standard: '每次 30 分钟，喂食换水铲砂，拍视频反馈。',
    description: '养猫五年，出差旅行期间可以放心交给我。',
  },
]

/** Shipping on a goods listing: mostly 包邮 for small things, buyer pays for heavy ones. */
export const tradeFor = (rng: Rng, category: Exclude<CategoryId, 'services'>): TradeOptions => {
  const heavy = category === 'furniture' || category === 'appliance' || category === 'sports'
  const ships = heavy ? rng.chance(0.3) : rng.chance(0.85)
  return {
    shipping: ships
      ? heavy || rng.chance(0.3)
        ? { payer: 'buyer', feeFen: rng.pick([800, 1000, 1200, 1500, 2000]) }
        : { payer: 'seller' }
      : null,
    meetup: !ships || rng.chance(0.7),
    pickup: heavy ? rng.chance(0.6) : rng.chance(0.2),
  }
}

export interface ServiceDraft {
  kind: 'service'
  title: string
  description: string
  priceFen: number
  originalPriceFen: null
  category: 'services'
  subcategory: SubcategoryId
  condition: null
  trade: null
  service: ServiceTerms
  /** What the listing's photos show (not part of the listing itself). */
  photoKind: PhotoKind
}

export const draftService = (rng: Rng): ServiceDraft => {
  const s = rng.pick(SERVICES)
  const [min, max] = s.price
  return {
    kind: 'service',
    title: s.title,
    description: s.description,
    priceFen: Math.round(min + rng.next() * (max - min)) * 100,
    originalPriceFen: null,
    category: 'services',
    subcategory: s.sub,
    condition: null,
    trade: null,
    service: { unit: s.unit, radiusKm: s.radiusKm, deliveryStandard: s.standard },
    photoKind: s.kind,
  }
}

const CONDITION_WORDS: Record<ConditionId, string[]> = {
  new: ['全新未拆', '全新', '全新未使用'],
  like_new: ['99新', '几乎全新', '95新', '仅拆封'],
  light_wear: ['9成新', '九成新', '85新', '轻微使用痕迹'],
  heavy_wear: ['8成新', '有使用痕迹', '功能正常', '7成新'],
}

const CONDITION_SENTENCES: Record<ConditionId, string[]> = {
  new: ['全新未拆封，买多了用不上。', '全新的，包装都在。'],
  like_new: ['几乎没怎么用过，外观无磕碰。', '成色很新，细节可以看图。'],
  light_wear: ['有轻微使用痕迹，不影响使用。', '正常使用痕迹，功能完好。'],
  heavy_wear: ['边角有些磨损，介意勿拍。', '使用痕迹比较明显，所以价格便宜。'],
}

/** How a condition moves the asking price against a lightly used one. */
const CONDITION_PRICE: Record<ConditionId, number> = {
  new: 1.25,
  like_new: 1.1,
  light_wear: 1,
  heavy_wear: 0.72,
}

const CONDITION_WEIGHTS: [ConditionId, number][] = [
  ['new', 12],
  ['like_new', 33],
  ['light_wear', 40],
  ['heavy_wear', 15],
]

const GENERIC_EXTRAS = ['可小刀', '同城自提', '诚心出', '自用闲置', '急出']

const TRADE_SENTENCES = [
  '支持同城自提或面交验货。',
  '可小刀，诚心要的私聊。',
  '看好再拍，非质量问题不退。',
  '周末可以约地铁站面交。',
  '{district}附近可自提，其他区域可以走快递。',
  '工作日晚上七点后可以看货。',
]

export const weightedPick = <T>(rng: Rng, entries: [T, number][]): T => {
  const total = entries.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [value, w] of entries) {
    r -= w
    if (r < 0) return value
  }
  return entries[entries.length - 1][0]
}

export interface ListingDraft {
  kind: 'goods'
  title: string
  description: string
  priceFen: number
  originalPriceFen: number | null
  category: Exclude<CategoryId, 'services'>
  subcategory: SubcategoryId
  condition: ConditionId
  trade: TradeOptions
  service: null
  /** What the listing's photos show (not part of the listing itself). */
  photoKind: PhotoKind
}

const TITLE_MAX = 30

/** Rounds a price the way sellers do: ¥4,299 / ¥1,250 / ¥85 / ¥18.5. */
export const sellerRound = (yuan: number, rng: Rng): number => {
  if (yuan >= 1000)
    return rng.chance(0.4) ? Math.round(yuan / 100) * 100 - 1 : Math.round(yuan / 50) * 50
  if (yuan >= 100) return Math.round(yuan / 5) * 5
  if (yuan >= 20) return Math.round(yuan)
  return Math.round(yuan * 2) / 2
}

/** One listing's text and price; the seeder adds photos, place and time. */
export const draftListing = (rng: Rng, district: string): ListingDraft => {
  const category = weightedPick(
    rng,
    (Object.keys(CATALOG) as (keyof typeof CATALOG)[]).map(
      (c) => [c, CATALOG[c].weight] as [keyof typeof CATALOG, number],
    ),
  )
  const cat = CATALOG[category]
  const item = rng.pick(cat.items)
  const condition = weightedPick(rng, CONDITION_WEIGHTS)

  let title = `${item.name} ${rng.pick(CONDITION_WORDS[condition])}`
  if (rng.chance(0.6)) {
    const extra = rng.pick(rng.chance(0.6) ? cat.extras : GENERIC_EXTRAS)
    if (title.length + 1 + extra.length <= TITLE_MAX) title += ` ${extra}`
  }

  const [min, max] = item.price
  const asking = (min + rng.next() * (max - min)) * CONDITION_PRICE[condition]
  const priceYuan = Math.max(1, sellerRound(asking, rng))
  const priceFen = Math.round(priceYuan * 100)
  const originalPriceFen =
    item.retail && rng.chance(0.55) && item.retail * 100 > priceFen ? item.retail * 100 : null

  const sentences = [rng.pick(cat.openings).replace('{item}', item.name)]
  if (rng.chance(0.7)) sentences.push(rng.pick(CONDITION_SENTENCES[condition]))
  if (rng.chance(0.6)) sentences.push(rng.pick(TRADE_SENTENCES).replace('{district}', district))

  const description = sentences.join('')
  const trade = tradeFor(rng, category)
  // The words must not promise what the trade options do not offer (自提 in the title, 面交 in the text).
  if (/自提/.test(title + description)) trade.pickup = true
  if (/面交/.test(title + description)) trade.meetup = true
  return {
    kind: 'goods',
    title,
    description,
    priceFen,
    originalPriceFen,
    category,
    subcategory: subcategoryFor(category, item.name),
    condition,
    trade,
    service: null,
    photoKind: item.kind,
  }
}

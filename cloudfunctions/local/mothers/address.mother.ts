/** A buyer's home in 上海 徐汇区, as the address book keeps it: where the fixtures' parcels go. */
export const BUYER_ADDRESS = {
  name: '李四',
  phone: '13800138000',
  region: { province: '上海市', city: '上海市', district: '徐汇区' },
  detail: '漕溪北路 1 号 2 室',
}

/** A seller's home in 杭州 西湖区, where couriers collect (上门取件). */
export const SELLER_HOME_ADDRESS = {
  name: '王小二',
  phone: '13900139000',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '文三路 478 号 1203 室',
}

/** Where a seller's returns go, in 上海 浦东新区 (its city is where return parcels must head). */
export const SELLER_RETURNS_ADDRESS = {
  name: '王小二',
  phone: '13900139001',
  region: { province: '上海市', city: '上海市', district: '浦东新区' },
  detail: '世纪大道 100 号 52 楼',
}

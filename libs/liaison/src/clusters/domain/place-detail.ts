/**
 * The place of a disputed act is kept to the village, street or parcel: for a demolition the house is usually the
 * applicant's home, and its address is personal data (stored encrypted with the party, never in plain text here).
 * Parcel numbers (3号地块) stay allowed: they name land, not a home.
 */
const HOUSE_DETAIL = [
  /\d+\s*(号楼|号院|楼|单元|室|层)/u,
  /[一二三四五六七八九十百]+\s*(号楼|号院|单元|室|号(?!\s*(地块|地|线)))/u, // not 楼 alone: 八里桥, 三间房 and such villages carry numerals
  /\d+\s*号(?!\s*(地块|地|线|路口))/u,
  /\d+\s*-\s*\d+\s*-\s*\d+/, // 5-2-301: building-unit-room
  /门牌/,
];

/** Whether a place names a house, building or room (refused: 400 naming the field). */
export const hasHouseDetail = (place: string): boolean => HOUSE_DETAIL.some((re) => re.test(place.normalize('NFKC')));

export const HOUSE_DETAIL_MESSAGE = '争议地点只填写到村、社区、街道或地块，不得填写门牌号、楼号、单元或房间号（房屋地址属于个人信息）';

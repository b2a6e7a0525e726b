import { matchRecords, nameSimilarity, normaliseDocumentNumber, type ClusterRecord } from '../domain/cluster-match';
import { hasHouseDetail } from '../domain/place-detail';

/** Review item 1: different villages must not look like one project; the same project written differently must. */
const S = { minRecords: 5, windowDays: 30, similarity: 0.5 };
let n = 0;
const rec = (over: Partial<ClusterRecord>): ClusterRecord => {
  n++;
  return { kind: 'case', id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, on: '2026-11-10', townshipId: 1, documentNumber: null, project: null, place: null, label: `通复〔2026〕第${n}号`, ...over };
};

describe('names of different villages are different projects and places', () => {
  it.each([
    ['张家湾镇张庄村棚户区改造项目', '张家湾镇李庄村棚户区改造项目'],
    ['宋庄镇小堡村棚改', '宋庄镇大堡村棚改'],
    ['马驹桥镇前街村拆违', '马驹桥镇后街村拆违'],
    ['马驹桥镇前街村拆违拆临', '马驹桥镇后街村拆违拆临'],
    ['台湖镇次渠北里整治', '台湖镇次渠南里整治'], // short remainders sharing one character
    ['宋庄镇小堡村东区', '宋庄镇大堡村东区'], // places: the village differs, the rest alike
  ])('%s ≠ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(S.similarity);
    expect(matchRecords(rec({ project: a }), rec({ project: b }), S)).toBeNull();
    expect(matchRecords(rec({ place: a }), rec({ place: b }), S)).toBeNull();
  });
});

describe('one project or place written differently is one', () => {
  it.each([
    ['宋庄镇小堡村棚户区改造项目', '小堡村棚改项目'],
    ['宋庄镇小堡村棚户区改造项目', '宋庄小堡村棚户区改造项目（二期）'],
    ['小堡村棚户区改造', '宋庄小堡村棚户区改造项目（二期）'],
    ['马驹桥镇前街村拆违', '前街村拆违拆临'],
    ['宋庄镇小堡村东区', '小堡村东区3号地块'],
  ])('%s = %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(S.similarity);
    expect(matchRecords(rec({ project: a }), rec({ project: b }), S)?.kind).toBe('project');
  });

  it('the must-show names (12 applications, one project) all match each other', () => {
    const names = ['宋庄镇小堡村棚户区改造项目', '小堡村棚户区改造', '宋庄镇小堡村棚改项目', '宋庄小堡村棚户区改造项目（二期）', '小堡村棚户区改造项目'];
    for (const a of names) for (const b of names) expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(S.similarity);
  });

  it('the same document number in different formats, leading zeros included', () => {
    expect(normaliseDocumentNumber('通征补字（2026）第007号')).toBe(normaliseDocumentNumber('通征补字〔2026〕7号'));
    expect(normaliseDocumentNumber('通征补字[2026]第7号')).toBe(normaliseDocumentNumber('通征补字〔２０２６〕第７号'));
    expect(normaliseDocumentNumber('通征补字〔2026〕第7号')).not.toBe(normaliseDocumentNumber('通征补字〔2026〕第70号'));
    expect(normaliseDocumentNumber('通征补字〔2026〕第107号')).not.toBe(normaliseDocumentNumber('通征补字〔2026〕第17号'));
    expect(matchRecords(rec({ documentNumber: '通征补字（2026）第007号' }), rec({ documentNumber: '通征补字〔2026〕7号' }), S)).toMatchObject({ kind: 'document', score: 1 });
  });
});

describe('a place stops at the village, street or parcel (review item 5)', () => {
  it.each(['小堡村12号', '玉桥中路5号院', '新华大街1号', '小堡村3号楼2单元301室', '5-2-301', '小堡村东区门牌', '三号楼', '八里桥南二单元', '宋庄镇小堡村１２号'])(
    '%s names a house: refused', (place) => expect(hasHouseDetail(place)).toBe(true));
  it.each(['宋庄镇小堡村东区', '宋庄镇小堡村东区3号地块', '潞城镇胡各庄村北侧', '梨园镇北杨洼社区', '八里桥村', '大运河森林公园二期', '一号地块'])(
    '%s is a place: allowed', (place) => expect(hasHouseDetail(place)).toBe(false));
});

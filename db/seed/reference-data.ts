/** The district of domain.md §10: 11 streets, 10 towns, 1 ethnic township. */
export const TOWNSHIPS: Array<{ id: number; code: string; name: string; kind: 'street' | 'town' | 'township' }> = [
  ...['中仓', '新华', '北苑', '玉桥', '潞源', '通运', '文景', '九棵树', '临河里', '杨庄', '潞邑'].map((n, i) => ({
    id: i + 1, code: `S${String(i + 1).padStart(2, '0')}`, name: `${n}街道`, kind: 'street' as const,
  })),
  ...['宋庄', '张家湾', '漷县', '马驹桥', '西集', '台湖', '永乐店', '潞城', '永顺', '梨园'].map((n, i) => ({
    id: i + 12, code: `T${String(i + 1).padStart(2, '0')}`, name: `${n}镇`, kind: 'town' as const,
  })),
  { id: 22, code: 'X01', name: '于家务回族乡', kind: 'township' },
];

export const DEPARTMENTS = [
  '区公安分局', '区城市管理综合行政执法局', '区市场监督管理局', '区规划和自然资源分局', '区住房和城乡建设委员会',
  '区人力资源和社会保障局', '区生态环境局', '区公安交通管理支队', '区卫生健康委员会', '区应急管理局',
  '区农业农村局', '区教育委员会', '区民政局', '区水务局',
];

/**
 * 上一级主管部门 of each district department (the city-level department of the same line): ARL 79(2) copies an
 * effective decision or opinion letter to it. Street/town governments answer to the district government.
 */
export const DEPARTMENT_SUPERIORS: Record<string, string> = {
  区公安分局: '北京市公安局',
  区城市管理综合行政执法局: '北京市城市管理综合行政执法局',
  区市场监督管理局: '北京市市场监督管理局',
  区规划和自然资源分局: '北京市规划和自然资源委员会',
  区住房和城乡建设委员会: '北京市住房和城乡建设委员会',
  区人力资源和社会保障局: '北京市人力资源和社会保障局',
  区生态环境局: '北京市生态环境局',
  区公安交通管理支队: '北京市公安局公安交通管理局',
  区卫生健康委员会: '北京市卫生健康委员会',
  区应急管理局: '北京市应急管理局',
  区农业农村局: '北京市农业农村局',
  区教育委员会: '北京市教育委员会',
  区民政局: '北京市民政局',
  区水务局: '北京市水务局',
};
export const TOWNSHIP_GOVERNMENT_SUPERIOR = '区人民政府';

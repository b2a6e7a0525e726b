/** Words the case page shows for the API's codes (the API's own label is used wherever it gives one). */
export const PROCEDURES: Record<string, string> = { ordinary: '普通程序', simplified: '简易程序' };
export const PARTY_ROLES: Record<string, string> = { applicant: '申请人', agent: '代理人', third_party: '第三人' };
export const CLOCK_STATUS: Record<string, string> = { running: '计算中', paused: '已中止', met: '已完成', missed: '已逾期', cancelled: '已撤销' };

export const CLOCK_RULES: Record<string, string> = {
  'acceptance-review': '受理审查（第三十条）',
  'correction-notice': '补正通知（第三十一条）',
  'applicant-correction': '申请人补正（第三十一条）',
  'copy-to-respondent': '发送申请书副本（第四十八条）',
  'simplified-copy': '发送申请书副本·简易程序（第五十四条）',
  'respondent-reply': '被申请人答复（第四十八条）',
  decision: '作出行政复议决定（第六十二条）',
  'decision-simplified': '作出行政复议决定·简易程序（第六十二条）',
  application: '申请期限（第二十条）',
};

export const EVENTS: Record<string, string> = {
  registered: '登记申请',
  clock_recomputed: '工作日历调整，期限重新计算',
  register: '登记申请',
  accept: '受理',
  suspend: '中止审理',
  resume: '恢复审理',
  accepted: '受理',
  assigned: '分配承办人',
  suspended: '中止审理',
  resumed: '恢复审理',
  copy_sent: '发送申请书副本',
  reply_received: '收到答复',
  decision_extended: '延长审理期限',
  extension_requested: '申请延期',
  termination_requested: '申请终止',
  hearing_held: '听取意见/听证',
  hearing_waived: '书面审理',
  party_notified: '通知当事人',
  served: '送达',
  procedure_converted: '转为普通程序',
  committee_opinion: '咨询委员会意见',
  decision_published: '公开决定书',
  decision_publication_withdrawn: '撤回公开',
  query_code_reissued: '补发查询码',
  document_issued: '制作文书',
  document_version_added: '上传文书签章版/更正版',
  file_added: '收到材料',
  mediation_ended: '调解终结',
};

/** Code → an example of its Chinese message, by status, by operationId. */
export type ErrorCodeRegistry = Record<string, Record<string, Record<string, string>>>;

/**
 * The error codes each operation answers, by status, with a message it gave: generated from the error answers the e2e
 * suite met (test/support/collect-error-codes.ts), read, then committed. The contract test fails on a code that a
 * status the operation declares does not list, so a new refusal is documented with the test that meets it. Codes every
 * route of a kind may answer (authentication, input validation) come from generic-error-codes.ts, not from here.
 */
export const ERROR_CODES: ErrorCodeRegistry = {
  adjudication_approve: {
    '400': {
      CASE_INVALID_INPUT: '日期不能早于决定提交日期（2026-12-02）',
    },
    '403': {
      CASE_SAME_APPROVER: '不能审批本人提交的行政复议决定；须由提交人以外的机构负责人审批',
    },
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能执行"批准决定"',
    },
  },
  adjudication_archive: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能执行"归档"',
      CASE_LAWSUIT_WINDOW_OPEN: '起诉期限（2026-12-21）尚未届满，暂不能归档',
    },
  },
  adjudication_convert: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"中止审理"，不能转为普通程序',
      CASE_NOT_SIMPLIFIED: '该案件未适用简易程序',
      CASE_SIMPLIFIED_PERIOD_EXPIRED:
        '简易程序审理期限已于2026-11-20届满，不能再转为普通程序（《行政复议法》第五十五条、第六十二条第二款）',
    },
  },
  adjudication_copySent: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已终止"，不能记录发送副本',
    },
  },
  adjudication_extend: {
    '400': {
      CASE_INVALID_INPUT: '日期不能早于延长申请日期（2026-11-15）',
    },
    '403': {
      CASE_SAME_APPROVER: '不能审批本人提交的延长审理期限申请；须由提交人以外的机构负责人审批',
    },
    '409': {
      CASE_EXTENSION_PERIOD_EXPIRED: '审理期限已于2026-11-25届满，不能再批准延长（《行政复议法》第六十二条：延长须在规定期限内批准）',
      CASE_REQUEST_MISMATCH: '批准内容与承办人的申请（延长20日）不一致；如需改变，请退回申请后由承办人重新提交',
      CASE_REQUEST_NOT_PENDING: '本案没有待审批的延长审理期限申请；须由承办人先提交申请',
    },
  },
  adjudication_mediation: {
    '400': {
      CASE_INVALID_INPUT: '调解书须经各方当事人签字后方可结案（第七十三条）',
    },
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能执行"调解结案"',
    },
  },
  adjudication_publish: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能公开决定书',
    },
  },
  adjudication_replyReceived: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待补正"，不能记录答复',
    },
  },
  adjudication_returnDecision: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能执行"退回决定"',
    },
  },
  adjudication_serve: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能记录送达',
      CASE_PARTY_ALREADY_SERVED: '该当事人已记录送达',
    },
  },
  adjudication_submit: {
    '400': {
      CASE_INVALID_INPUT: '日期不能早于受理日期（2026-11-05）',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：thirdPartyEvidence 不得填写身份证号、电话号码等个人信息',
    },
    '409': {
      CASE_FORMAL_HEARING_REQUIRED:
        '本案属于重大、疑难、复杂案件（含群体性纠纷），应当组织听证后再作出决定（《行政复议法》第五十条）；请先举行听证并记录笔录，或记录未能举行听证的原因',
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已终止"，不能执行"提交决定审批"',
      CASE_PARTIES_NOT_HEARD:
        '适用普通程序的案件应当听取当事人意见后再作出决定（《行政复议法》第四十九条）；请先记录听取意见，或记录因当事人原因不能听取意见、进行书面审理的理由',
      CASE_REPLY_MISSED:
        '被申请人未在期限（2026-11-20）内提出书面答复、提交证据和依据，视为该行政行为没有证据、依据，不能作出维持决定（《行政复议法》第七十条）；行政行为涉及第三人合法权益且第三人提供证据的，请记录第三人提供的证据',
      CASE_VERSION_CONFLICT: '案件已被他人修改，请刷新后重新操作',
    },
  },
  adjudication_terminate: {
    '400': {
      CASE_INVALID_INPUT: '日期不能早于终止申请日期（2026-12-05）',
    },
    '403': {
      CASE_SAME_APPROVER: '不能审批本人提交的终止行政复议申请；须由提交人以外的机构负责人审批',
    },
    '409': {
      CASE_REQUEST_NOT_PENDING: '本案没有待审批的终止行政复议申请；须由承办人先提交申请',
      CASE_TERMINATION_GROUND_NOT_MET:
        '依《行政复议法》第四十一条第一款第五项终止，须本案正因第三十九条第一款第一、二、四项中止且已满六十日',
    },
  },
  adjudication_withdrawPublication: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能撤回公开的决定书',
      CASE_NOT_PUBLISHED: '该案决定书未公开或已撤回公开',
    },
  },
  applications_abandon: {
    '409': {
      CASE_CORRECTION_NOT_LAPSED: '补正期限尚未届满，不能确认视为放弃申请（《行政复议法》第三十一条）',
    },
  },
  applications_correctionReceived: {
    '400': {
      CASE_INVALID_INPUT: '补正材料收到日期不能晚于今天',
    },
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能执行"收到补正材料"',
    },
  },
  applications_register: {
    '400': {
      CASE_INVALID_INPUT: '只有邮寄提交的申请才有邮戳日期',
      CASE_UNKNOWN_RESPONDENT: '被申请人不存在',
      IDEMPOTENCY_KEY_INVALID: 'Idempotency-Key 格式不正确（1-128 位字母、数字、-、_、.、:）',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：act.project 不得填写身份证号、电话号码等个人信息',
    },
    '409': {
      IDEMPOTENCY_IN_FLIGHT: '相同的提交正在处理中，请稍后查看结果，不要重复提交',
    },
    '422': {
      IDEMPOTENCY_KEY_REUSED: '该 Idempotency-Key 已用于内容不同的另一次提交，请更换后重试',
    },
  },
  applications_review: {
    '400': {
      CASE_INVALID_INPUT: '日期不能早于收到申请之日（2026-11-15）',
    },
    '409': {
      CASE_CORRECTION_ALREADY_NOTIFIED:
        '补正通知应一次性载明需要补正的事项（《行政复议法》第三十一条），本案已通知过补正，不能再次要求补正',
      CASE_CORRECTION_NOTICE_EXPIRED: '补正通知应自收到申请之日起五日内发出（《行政复议法》第三十一条），期限已于2026-11-20届满',
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能执行"不予受理"',
      CASE_REVIEW_PERIOD_EXPIRED:
        '受理审查期限已于2026-11-20届满，逾期未作出不予受理决定的视为受理（《行政复议法》第三十条），不能再决定不予受理',
      CASE_VERSION_CONFLICT: '案件已被他人修改，请刷新后重新操作',
    },
  },
  approvalRequests_requestExtension: {
    '409': {
      CASE_EXTENSION_NOT_ALLOWED: '适用简易程序的案件不得延长审理期限（第六十二条）',
      CASE_EXTENSION_PERIOD_EXPIRED: '审理期限已于2026-11-25届满，不能再申请延长（《行政复议法》第六十二条：延长须在规定期限内批准）',
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能申请延长审理期限',
      CASE_REQUEST_ALREADY_PENDING: '本案已有待审批的延长审理期限申请，请等待审批结果',
      CLOCK_ALREADY_EXTENDED: '审理期限已延长过一次，不能再次延长（第六十二条）',
    },
  },
  approvalRequests_requestTermination: {
    '400': {
      CASE_INVALID_INPUT: '日期不能早于受理日期（2026-09-21）',
    },
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能申请终止行政复议',
      CASE_REQUEST_ALREADY_PENDING: '本案已有待审批的终止行政复议申请，请等待审批结果',
      CASE_TERMINATION_GROUND_NOT_MET:
        '依《行政复议法》第四十一条第一款第五项终止，须本案正因第三十九条第一款第一、二、四项中止且已满六十日',
    },
  },
  approvalRequests_returnExtension: {
    '409': {
      CASE_REQUEST_NOT_PENDING: '本案没有待审批的延长审理期限申请；须由承办人先提交申请',
    },
  },
  approvalRequests_returnTermination: {
    '409': {
      CASE_REQUEST_NOT_PENDING: '本案没有待审批的终止行政复议申请；须由承办人先提交申请',
    },
  },
  auth_changePassword: {
    '400': {
      AUTH_PASSWORD_WRONG: '当前密码不正确',
      PASSWORD_POLICY: '密码不符合要求：应至少包含小写字母、大写字母、数字、符号中的三类；不得使用常见密码',
    },
  },
  auth_confirmTotp: {
    '400': {
      TOTP_CODE_INVALID: '动态验证码不正确或已使用',
    },
    '409': {
      TOTP_ALREADY_ENROLLED: '已绑定动态验证码',
    },
    '422': {
      TOTP_NOT_ENROLLED: '请先申请绑定动态验证码',
    },
  },
  auth_enrolTotp: {
    '400': {
      AUTH_PASSWORD_WRONG: '当前密码不正确',
    },
    '409': {
      TOTP_ALREADY_ENROLLED: '已绑定动态验证码',
    },
  },
  auth_login: {
    '401': {
      AUTH_INVALID_CREDENTIALS: '用户名或密码错误；连续失败5次后需等待15分钟再试',
      AUTH_TOTP_INVALID: '动态验证码不正确或已使用；连续失败5次后需等待15分钟再试',
      AUTH_TOTP_REQUIRED: '该账号已启用动态验证码，请输入验证器中的6位动态验证码',
    },
  },
  auth_refresh: {
    '401': {
      AUTH_REFRESH_INVALID: '刷新凭证无效或已过期，请重新登录',
    },
  },
  calendar_loadYear: {
    '400': {
      CALENDAR_YEAR_NOT_PUBLISHED: '程序内置数据中没有 2031 年的放假安排，请手工录入',
    },
  },
  calendar_previewLoadYear: {
    '400': {
      CALENDAR_YEAR_NOT_PUBLISHED: '程序内置数据中没有 2031 年的放假安排，请手工录入',
    },
  },
  calendar_previewRemoveDay: {
    '422': {
      CALENDAR_NO_CHANGE: '日历没有变化',
    },
  },
  calendar_previewSetDay: {
    '422': {
      CALENDAR_NO_CHANGE: '日历没有变化',
    },
  },
  calendar_removeDay: {
    '422': {
      CALENDAR_NO_CHANGE: '日历没有变化',
    },
  },
  calendar_setDay: {
    '422': {
      CALENDAR_NO_CHANGE: '日历没有变化',
    },
  },
  caseHandling_assign: {
    '400': {
      CASE_INVALID_INPUT: '承办人须为在岗的复议承办人或科长',
    },
    '409': {
      CASE_ILLEGAL_TRANSITION: '只有已受理或中止中的案件可以分配承办人',
      CASE_VERSION_CONFLICT: '案件已被他人修改，请刷新后重新操作',
    },
  },
  caseHandling_resume: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已受理"，不能执行"恢复审理"',
    },
  },
  caseHandling_suspend: {
    '400': {
      CASE_INVALID_INPUT: '因调解、和解中止须经申请人和被申请人同意（第三十九条第一款第六项）',
    },
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"已终止"，不能执行"中止"',
    },
  },
  consultations_record: {
    '400': {
      CASE_INVALID_INPUT: '咨询时间不能晚于当前时间',
      CASE_UNKNOWN_RESPONDENT: '被申请人不存在',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：actProject 不得填写身份证号、电话号码等个人信息',
    },
  },
  copyReports_issue: {
    '404': {
      COPY_REPORT_NOT_FOUND: '抄告记录不存在或无权查看',
    },
    '409': {
      COPY_REPORT_BLOCKED: '暂不能抄告：被申请人的上一级主管部门未配置，请系统管理员在基础数据中设置后抄告',
      COPY_REPORT_ISSUED: '该文书已抄告，抄告函已出具',
      COPY_REPORT_VERSION_CONFLICT: '抄告记录已被他人修改，请刷新后重新操作',
    },
  },
  copyReports_superior: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：superior 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_UNKNOWN_DEPARTMENT: '部门不存在',
    },
  },
  documents_download: {
    '404': {
      DOCUMENT_NOT_FOUND: '文书不存在或无权查看',
    },
  },
  documents_issue: {
    '400': {
      DOCUMENT_DATA_INVALID: '行政复议决定书的内容取自案件记录，不能填写此项',
    },
    '403': {
      DOCUMENT_ISSUED_ELSEWHERE: '行政复议意见书由府院联络员起草、机构负责人审批制发，请在府院联动的意见书中办理',
      DOCUMENT_ROLE_FORBIDDEN: '终止行政复议决定书由机构负责人出具',
    },
    '409': {
      DOCUMENT_NOT_IN_STATE: '案件当前状态为"决定待审批"，不能出具行政复议决定书',
      DOCUMENT_RECORD_MISSING: '本案没有中止记录，不能出具中止行政复议通知书',
    },
  },
  files_casePackage: {
    '403': { CASE_ACTION_FORBIDDEN: '当前角色无权执行"下载案卷（含卷内目录）"' },
    '409': { CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能执行"下载案卷（含卷内目录）"' },
  },
  files_documentVersions: {
    '404': { DOCUMENT_NOT_FOUND: '文书不存在或无权查看' },
  },
  files_downloadDocumentVersion: {
    '404': { DOCUMENT_NOT_FOUND: '文书不存在或无权查看', FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
    '409': { FILE_QUARANTINED: '该文件未通过病毒扫描，已隔离，不能下载', FILE_NOT_SCANNED: '该文件尚未完成病毒扫描，暂不能下载' },
  },
  files_uploadDocumentVersion: {
    '400': { FILE_INVALID_INPUT: '请选择版本类型：signed（签章扫描件）或 corrected（更正版）', FILE_MISSING: '请选择要上传的文件' },
    '403': {
      CASE_ACTION_FORBIDDEN: '当前角色无权执行"上传文书签章版或更正版"',
      DOCUMENT_VERSION_ELSEWHERE: '该文书属于调解或联络工作，其签章版请在相应卷宗中办理',
    },
    '404': { DOCUMENT_NOT_FOUND: '文书不存在或无权查看' },
    '409': { CASE_ILLEGAL_TRANSITION: '案件当前状态为"已归档"，不能执行"上传文书签章版或更正版"' },
    '413': { FILE_TOO_LARGE: '单个文件不得超过 21 MB', FILE_OWNER_QUOTA_EXCEEDED: '本案（或本卷）材料合计不得超过 30 MB' },
    '415': { FILE_TYPE_NOT_ALLOWED: '只接受 PDF、JPEG、PNG、OFD、Word（.docx）和 Excel（.xlsx）文件（按文件内容识别，不看扩展名）' },
    '503': { FILE_SCAN_UNAVAILABLE: '病毒扫描服务暂不可用，请稍后再试' },
  },
  files_download: {
    '400': { FILE_INVALID_INPUT: 'disposition 只能是 attachment 或 inline' },
    '404': { FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
    '409': { FILE_QUARANTINED: '该文件未通过病毒扫描，已隔离，不能下载', FILE_NOT_SCANNED: '该文件尚未完成病毒扫描，暂不能下载' },
    '416': { FILE_RANGE_NOT_SATISFIABLE: '请求的字节范围超出文件大小' },
  },
  files_listOfMediationFile: {
    '404': { FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
  },
  files_listOfLetter: {
    '404': { FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
  },
  files_listOfRiskNotice: {
    '404': { FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
  },
  files_uploadToCase: {
    '400': { FILE_INVALID_INPUT: '收到日期不能晚于今天', FILE_MISSING: '请选择要上传的文件' },
    '403': { CASE_ACTION_FORBIDDEN: '当前角色无权执行"上传材料"' },
    '409': {
      CASE_VERSION_CONFLICT: '案件已被他人修改，请刷新后重新操作',
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待补正"，不能记录答复',
    },
    '413': { FILE_TOO_LARGE: '单个文件不得超过 21 MB', FILE_OWNER_QUOTA_EXCEEDED: '本案（或本卷）材料合计不得超过 30 MB' },
    '415': { FILE_TYPE_NOT_ALLOWED: '只接受 PDF、JPEG、PNG、OFD、Word（.docx）和 Excel（.xlsx）文件（按文件内容识别，不看扩展名）' },
    '503': { FILE_SCAN_UNAVAILABLE: '病毒扫描服务暂不可用，请稍后再试' },
  },
  files_uploadToMediationFile: {
    '400': { FILE_INVALID_INPUT: '收到日期不能晚于今天', FILE_MISSING: '请选择要上传的文件' },
    '404': { FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
    '413': { FILE_TOO_LARGE: '单个文件不得超过 21 MB', FILE_OWNER_QUOTA_EXCEEDED: '本案（或本卷）材料合计不得超过 30 MB' },
    '415': { FILE_TYPE_NOT_ALLOWED: '只接受 PDF、JPEG、PNG、OFD、Word（.docx）和 Excel（.xlsx）文件（按文件内容识别，不看扩展名）' },
  },
  files_uploadToLetter: {
    '400': { FILE_INVALID_INPUT: '收到日期不能晚于今天', FILE_MISSING: '请选择要上传的文件' },
    '404': { FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
    '409': { LIAISON_LETTER_ILLEGAL_TRANSITION: '意见书（建议书）当前状态为"已办结"，不能上传材料' },
    '413': { FILE_TOO_LARGE: '单个文件不得超过 21 MB', FILE_OWNER_QUOTA_EXCEEDED: '本案（或本卷）材料合计不得超过 30 MB' },
    '415': { FILE_TYPE_NOT_ALLOWED: '只接受 PDF、JPEG、PNG、OFD、Word（.docx）和 Excel（.xlsx）文件（按文件内容识别，不看扩展名）' },
  },
  files_uploadToRiskNotice: {
    '400': { FILE_INVALID_INPUT: '收到日期不能晚于今天', FILE_MISSING: '请选择要上传的文件' },
    '404': { FILE_NOT_FOUND: '文件不存在或不在本人数据范围内' },
    '409': { LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"已办结"，不能上传材料' },
    '413': { FILE_TOO_LARGE: '单个文件不得超过 21 MB', FILE_OWNER_QUOTA_EXCEEDED: '本案（或本卷）材料合计不得超过 30 MB' },
    '415': { FILE_TYPE_NOT_ALLOWED: '只接受 PDF、JPEG、PNG、OFD、Word（.docx）和 Excel（.xlsx）文件（按文件内容识别，不看扩展名）' },
  },
  groupDisputes_dismiss: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：reason 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      CLUSTER_NOT_FOUND: '群体性纠纷线索不存在',
    },
    '409': {
      CLUSTER_NOT_OPEN: '该线索已关闭或已排除，不能再排除',
      CLUSTER_VERSION_CONFLICT: '该线索已被他人修改，请刷新后重新操作',
    },
  },
  groupDisputes_get: {
    '404': {
      CLUSTER_NOT_FOUND: '群体性纠纷线索不存在',
    },
  },
  lawsuits_complaintReceived: {
    '404': {
      LIAISON_LAWSUIT_NOT_FOUND: '应诉案件不存在或无权查看',
    },
    '409': {
      LIAISON_DEFENCE_SUBMITTED: '答辩状已于2026-12-04提交，不能再修改收到起诉状副本日期或重复登记',
      LIAISON_LAWSUIT_VERSION_CONFLICT: '应诉案件已被他人修改，请刷新后重新操作',
    },
  },
  lawsuits_defenceSubmitted: {
    '400': {
      LIAISON_INVALID_INPUT: '提交答辩状日期不能早于收到起诉状副本日期',
    },
    '404': {
      LIAISON_LAWSUIT_NOT_FOUND: '应诉案件不存在或无权查看',
    },
    '409': {
      LIAISON_COMPLAINT_NOT_RECEIVED: '尚未登记收到起诉状副本，答辩期限未起算（《行政诉讼法》第六十七条）',
      LIAISON_DEFENCE_SUBMITTED: '答辩状已于2026-12-04提交，不能再修改收到起诉状副本日期或重复登记',
    },
  },
  lawsuits_get: {
    '404': {
      LIAISON_LAWSUIT_NOT_FOUND: '应诉案件不存在或无权查看',
    },
  },
  lawsuits_hearing: {
    '400': {
      LIAISON_INVALID_INPUT: '尚未开庭，不能登记负责人出庭',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：note 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_LAWSUIT_NOT_FOUND: '应诉案件不存在或无权查看',
    },
    '409': {
      LIAISON_HEARING_AFTER_JUDGMENT: '该案件已于2026-12-05作出裁判，不能登记此后的庭审',
      LIAISON_HEARING_DUPLICATE: '该日期的同类庭审已登记，请修改原记录',
    },
  },
  lawsuits_judgment: {
    '400': {
      LIAISON_INVALID_INPUT: '日期不能晚于今天',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：summary 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_LAWSUIT_NOT_FOUND: '应诉案件不存在或无权查看',
    },
    '409': {
      LIAISON_LAWSUIT_JUDGED: '该案件已登记裁判结果',
      LIAISON_LAWSUIT_VERSION_CONFLICT: '应诉案件已被他人修改，请刷新后重新操作',
    },
  },
  lawsuits_record: {
    '400': {
      LIAISON_INVALID_INPUT: '日期不能晚于今天',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：court 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      CASE_NOT_FOUND: '案件不存在或无权查看',
    },
    '409': {
      LIAISON_LAWSUIT_DUPLICATE: '该法院案号已登记',
      LIAISON_NO_SERVED_DECISION: '该案件尚未送达行政复议决定，也未作出不予受理或终止决定，不能登记行政诉讼',
    },
  },
  lawsuits_recordDirect: {
    '400': {
      LIAISON_DEFENDANT_NOT_DISTRICT: '只能登记以区人民政府或其工作部门为被告的行政诉讼；街道、乡镇作被告的由其自行应诉',
      LIAISON_INVALID_INPUT: '收到起诉状副本日期不能早于起诉（立案）日期',
      LIAISON_UNKNOWN_DEPARTMENT: '部门不存在',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：plaintiffs 不得填写身份证号、电话号码等个人信息',
    },
    '409': {
      LIAISON_LAWSUIT_DUPLICATE: '该法院案号已登记',
    },
  },
  lawsuits_update: {
    '404': {
      LIAISON_LAWSUIT_NOT_FOUND: '应诉案件不存在或无权查看',
    },
    '409': {
      LIAISON_LAWSUIT_VERSION_CONFLICT: '应诉案件已被他人修改，请刷新后重新操作',
    },
  },
  lawsuits_updateHearing: {
    '400': {
      LIAISON_INVALID_INPUT: '尚未开庭，不能登记负责人出庭',
    },
    '404': {
      LIAISON_HEARING_NOT_FOUND: '该开庭记录不存在',
      LIAISON_LAWSUIT_NOT_FOUND: '应诉案件不存在或无权查看',
    },
    '409': {
      LIAISON_HEARING_AFTER_JUDGMENT: '该案件已于2026-12-05作出裁判，不能登记此后的庭审',
      LIAISON_LAWSUIT_VERSION_CONFLICT: '应诉案件已被他人修改，请刷新后重新操作',
    },
  },
  letters_close: {
    '404': {
      LIAISON_LETTER_NOT_FOUND: '意见书（建议书）不存在或无权查看',
    },
    '409': {
      LIAISON_LETTER_ILLEGAL_TRANSITION: '意见书（建议书）当前状态为"草稿"，不能办结',
    },
  },
  letters_create: {
    '400': {
      LIAISON_INVALID_INPUT: '请选择受文部门',
      LIAISON_UNKNOWN_DEPARTMENT: '部门不存在',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：problems 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      CASE_NOT_FOUND: '案件不存在或无权查看',
    },
  },
  letters_feedback: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：feedback 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_LETTER_NOT_FOUND: '意见书（建议书）不存在或无权查看',
    },
    '409': {
      LIAISON_LETTER_ILLEGAL_TRANSITION: '意见书（建议书）当前状态为"已制发"，不能登记反馈',
    },
  },
  letters_get: {
    '404': {
      LIAISON_LETTER_NOT_FOUND: '意见书（建议书）不存在或无权查看',
    },
  },
  letters_issue: {
    '404': {
      LIAISON_LETTER_NOT_FOUND: '意见书（建议书）不存在或无权查看',
    },
    '409': {
      LIAISON_LETTER_ILLEGAL_TRANSITION: '意见书（建议书）当前状态为"已制发"，不能审批制发',
    },
  },
  letters_receive: {
    '400': {
      LIAISON_INVALID_INPUT: '日期不能晚于今天',
    },
    '404': {
      LIAISON_LETTER_NOT_FOUND: '意见书（建议书）不存在或无权查看',
    },
    '409': {
      LIAISON_LETTER_ILLEGAL_TRANSITION: '意见书（建议书）当前状态为"草稿"，不能登记收到',
    },
  },
  letters_update: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：recommendations 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_LETTER_NOT_FOUND: '意见书（建议书）不存在或无权查看',
    },
    '409': {
      LIAISON_LETTER_ILLEGAL_TRANSITION: '意见书（建议书）当前状态为"已制发"，不能修改',
      LIAISON_LETTER_VERSION_CONFLICT: '意见书（建议书）已被他人修改，请刷新后重新操作',
    },
  },
  liaisonView_download: {
    '404': {
      DOCUMENT_NOT_FOUND: '文书不存在或无权查看',
    },
  },
  liaisonView_stats: {
    '400': {
      LIAISON_INVALID_INPUT: '统计期间起始日期不能晚于截止日期',
    },
  },
  mediationFiles_assign: {
    '400': {
      MEDIATION_INVALID_INPUT: '调解员不存在或未登记调解员信息',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '当前用户无权执行"分配调解员"',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_CONFLICT_OF_INTEREST: '该调解员与本案当事人存在关联，应当回避',
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"已化解结案"，不能执行"增派调解员"',
      MEDIATION_MEDIATOR_OBJECTED: '当事人已对该调解员提出回避，不能再指派其调解本案',
      MEDIATION_VERSION_CONFLICT: '调解案件已被他人修改，请刷新后重新操作',
    },
  },
  mediationFiles_extend: {
    '400': {
      MEDIATION_INVALID_INPUT: '延长调解期限须经双方当事人同意',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '当前用户无权执行"经同意延长调解期限"',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"已分配，待调解员接收"，不能执行"经同意延长调解期限"',
      MEDIATION_VERSION_CONFLICT: '调解案件已被他人修改，请刷新后重新操作',
    },
  },
  mediationFiles_followUp: {
    '400': {
      MEDIATION_INVALID_INPUT: '回访日期不能晚于今天',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：result 不得填写身份证号、电话号码等个人信息',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '当前用户无权执行"回访履行情况"',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"调解中"，不能执行"回访履行情况"',
      MEDIATION_NO_AGREEMENT: '回访针对调解协议的履行情况；本案以撤回或放弃结案，没有需要履行的协议',
      MEDIATION_VERSION_CONFLICT: '调解案件已被他人修改，请刷新后重新操作',
    },
  },
  mediationFiles_get: {
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
  },
  mediationFiles_object: {
    '400': {
      MEDIATION_INVALID_INPUT: '该调解员不是本案的调解员',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：reason 不得填写身份证号、电话号码等个人信息',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '当前用户无权执行"当事人申请回避"',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"待分配调解员"，不能执行"当事人申请回避"',
      MEDIATION_VERSION_CONFLICT: '调解案件已被他人修改，请刷新后重新操作',
    },
  },
  mediationFiles_outcome: {
    '400': {
      MEDIATION_INVALID_INPUT: '调解协议须经各方当事人签字',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：summary 不得填写身份证号、电话号码等个人信息',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '当前用户无权执行"达成调解协议"',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_CASE_STATE: '关联的复议申请尚在受理审查中（待受理审查），受理（或视为受理）后方可按案中调解结案',
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"调解终结（未达成协议）"，不能执行"调解终结"',
      MEDIATION_VERSION_CONFLICT: '调解案件已被他人修改，请刷新后重新操作',
    },
  },
  mediationFiles_propose: {
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
  },
  mediationFiles_refer: {
    '400': {
      CASE_INVALID_INPUT: '因调解、和解中止须经申请人和被申请人同意（第三十九条第一款第六项）',
      CLOCK_PAUSE_BEFORE_START: '中止日期不能早于期限起算日',
      MEDIATION_INVALID_INPUT: '请选择被申请人（作出行政行为的单位）',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：applicantWants 不得填写身份证号、电话号码等个人信息',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '案中调解须由复议机构人员登记并中止案件',
    },
    '409': {
      CASE_VERSION_CONFLICT: '案件已被他人修改，请刷新后重新操作',
      MEDIATION_ALREADY_OPEN: '该咨询已有进行中的调解',
      MEDIATION_ALREADY_RESOLVED: '该咨询涉及的争议已经调解化解结案，不能再次引导调解',
      MEDIATION_CASE_STATE: '该申请已不在受理审查期内，请按受理后案中调解登记',
    },
  },
  mediationFiles_seal: {
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"调解中"，不能执行"盖章/准予撤回"',
    },
  },
  mediationFiles_suspendCase: {
    '400': {
      CASE_INVALID_INPUT: '因调解、和解中止须经申请人和被申请人同意（第三十九条第一款第六项）',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_CASE_STATE: '该调解案件没有可中止的复议案件',
    },
  },
  mediationFiles_take: {
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '当前用户无权执行"接收调解"',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"调解中"，不能执行"接收调解"',
    },
  },
  mediationWork_download: {
    '404': {
      DOCUMENT_NOT_FOUND: '文书不存在或无权查看',
    },
  },
  mediationWork_issue: {
    '400': {
      DOCUMENT_DATA_PERSONAL: '文书数据中不得包含身份证号码或电话号码',
      MEDIATION_INVALID_INPUT: '请填写协议内容',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_CASE_STATE: '调解书仅用于已受理的行政复议案件',
      MEDIATION_DOCUMENT_STATE: '只有调解不成（含一方反悔）或申请人放弃的调解案件可以出具终止调解通知书',
    },
  },
  mediationWork_listDocuments: {
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
  },
  mediationWork_listSessions: {
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
  },
  mediationWork_privateNote: {
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"调解终结（未达成协议）"，不能执行"安排调解"',
    },
  },
  mediationWork_record: {
    '400': {
      MEDIATION_INVALID_INPUT: '调解会议安排在2026-12-10，尚未召开，不能记录到场情况和笔录',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：minutes 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_VERSION_CONFLICT: '调解案件已被他人修改，请刷新后重新操作',
    },
  },
  mediationWork_schedule: {
    '400': {
      MEDIATION_INVALID_INPUT: '调解时间不能早于调解员接收案件的日期（2026-12-05）',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：place 不得填写身份证号、电话号码等个人信息',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '当前用户无权执行"安排调解"',
    },
    '404': {
      MEDIATION_NOT_FOUND: '调解案件不存在或无权查看',
    },
    '409': {
      MEDIATION_ILLEGAL_TRANSITION: '调解案件当前状态为"已化解结案"，不能执行"安排调解"',
    },
  },
  mediationWork_upsertProfile: {
    '400': {
      MEDIATION_INVALID_INPUT: '该用户不是调解员',
    },
    '403': {
      MEDIATION_ACTION_FORBIDDEN: '只有调解中心协调员或机构负责人可以维护调解员信息',
      MEDIATION_OWN_CONFLICTS: '不能修改本人的回避关联信息，请由其他协调员或机构负责人维护',
    },
    '409': {
      MEDIATION_VERSION_CONFLICT: '调解员信息已被他人修改，请刷新后重新操作',
    },
  },
  metrics_scrape: {
    '403': {
      FORBIDDEN_ROLE: '当前角色无权执行此操作',
    },
  },
  notifications_read: {
    '404': {
      NOTIFICATION_NOT_FOUND: '通知不存在或不属于当前用户',
    },
  },
  participation_addParty: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能追加当事人',
    },
  },
  participation_committee: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能记录咨询委员会意见',
    },
  },
  participation_minutes: {
    '409': {
      HEARING_NOT_YET_HELD: '该听证（听取意见）定于2026-12-08举行，尚未举行，不能记录笔录',
    },
  },
  participation_notified: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能记录通知',
    },
  },
  participation_recordAttendance: {
    '400': {
      HEARING_ATTENDANCE_INCOMPLETE: '听证应登记全部当事人的出席情况，尚缺：李四、被申请人',
      HEARING_ATTENDANCE_INVALID: '委托代理人出席的，请填写代理人姓名',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：respondent.representedBy 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      HEARING_NOT_FOUND: '听取意见或听证记录不存在',
    },
    '409': {
      CASE_VERSION_CONFLICT: '案件已被他人修改，请刷新后重新操作',
      HEARING_NOT_HELD: '该听取意见或听证（2026-12-05）尚未举行，请在举行并记录笔录后登记出席情况',
    },
  },
  participation_schedule: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能安排听取意见或听证',
    },
    '422': {
      HEARING_NOTICE_TOO_LATE: '听证通知最迟应于2026-11-19送出（听证日前5个工作日，第五十一条）',
    },
  },
  participation_waive: {
    '409': {
      CASE_ILLEGAL_TRANSITION: '案件当前状态为"待受理审查"，不能记录不能听取意见的原因',
    },
  },
  publicDecisions_get: {
    '404': {
      PUBLICATION_NOT_FOUND: '未找到该公开的行政复议决定书',
    },
  },
  publicDecisions_search: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：q 不得填写身份证号、电话号码等个人信息',
    },
  },
  publicStatus_status: {
    '404': {
      CASE_STATUS_NOT_FOUND: '案件编号或查询码不正确',
    },
    '429': {
      CASE_STATUS_RETRY_LATER: '查询过于频繁，请60秒后再试；如遗失查询码请联系受理窗口',
    },
  },
  queryCode_reissue: {
    '400': {
      CASE_INVALID_INPUT: '请核验申请人的身份证号码（自然人）或统一社会信用代码（组织）其中一项',
    },
    '422': {
      CASE_IDENTITY_MISMATCH: '核验信息与本案申请人的登记信息不符，不能补发查询码；请核对申请人身份证件',
    },
  },
  riskNotices_acknowledge: {
    '400': {
      LIAISON_INVALID_INPUT: '日期不能晚于今天',
    },
    '404': {
      LIAISON_NOTICE_RECIPIENT_NOT_FOUND: '该部门不是本风险提示函的收函部门',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"草稿"，不能登记签收',
      LIAISON_NOTICE_RECIPIENT_DONE: '该部门已签收',
    },
  },
  riskNotices_approve: {
    '404': {
      LIAISON_NOTICE_NOT_FOUND: '风险提示函不存在或无权查看',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"草稿"，不能批准',
    },
  },
  riskNotices_close: {
    '404': {
      LIAISON_NOTICE_NOT_FOUND: '风险提示函不存在或无权查看',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"已送达部门"，不能办结',
    },
  },
  riskNotices_create: {
    '400': {
      LIAISON_UNKNOWN_DEPARTMENT: '部门不存在',
      LIAISON_UNKNOWN_SUBJECT: '关联的案件或咨询登记不存在',
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：summary 不得填写身份证号、电话号码等个人信息',
    },
    '409': {
      CLUSTER_NOT_OPEN: '该线索已排除，不能再据此起草风险提示函',
    },
  },
  riskNotices_get: {
    '404': {
      LIAISON_NOTICE_NOT_FOUND: '风险提示函不存在或无权查看',
    },
  },
  riskNotices_reject: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：note 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_NOTICE_NOT_FOUND: '风险提示函不存在或无权查看',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"部门已签收"，不能退回',
    },
  },
  riskNotices_respond: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：response 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_NOTICE_RECIPIENT_NOT_FOUND: '该部门不是本风险提示函的收函部门',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"草稿"，不能登记回复',
      LIAISON_NOTICE_VERSION_CONFLICT: '风险提示函已被他人修改，请刷新后重新操作',
    },
  },
  riskNotices_send: {
    '404': {
      LIAISON_NOTICE_NOT_FOUND: '风险提示函不存在或无权查看',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"待审批"，不能发送',
    },
  },
  riskNotices_submit: {
    '404': {
      LIAISON_NOTICE_NOT_FOUND: '风险提示函不存在或无权查看',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"待审批"，不能提交审批',
      LIAISON_NOTICE_VERSION_CONFLICT: '风险提示函已被他人修改，请刷新后重新操作',
    },
  },
  riskNotices_update: {
    '400': {
      PERSONAL_DATA_NOT_ALLOWED: '填写有误：reasons 不得填写身份证号、电话号码等个人信息',
    },
    '404': {
      LIAISON_NOTICE_NOT_FOUND: '风险提示函不存在或无权查看',
    },
    '409': {
      LIAISON_NOTICE_ILLEGAL_TRANSITION: '风险提示函当前状态为"部门已签收"，不能修改',
      LIAISON_NOTICE_VERSION_CONFLICT: '风险提示函已被他人修改，请刷新后重新操作',
    },
  },
  statistics_figureCases: {
    '400': {
      STATISTICS_INVALID_INPUT: '按维度钻取时须指明该行的 key',
    },
  },
  users_changeRole: {
    '400': {
      USER_TOWNSHIP_MISMATCH: '分中心接待员必须指定所属街乡镇',
      USER_UNKNOWN_TOWNSHIP: '所属街乡镇不存在',
    },
    '403': {
      USER_ROLE_RESERVED:
        '系统管理员、安全管理员和安全审计员账号不能通过本系统创建、修改、重置、停用或变更角色（三员分立），请由运维人员使用命令行工具管理',
      USER_SELF_ROLE_CHANGE: '不能变更自己的角色（三员分立）',
    },
    '404': {
      USER_NOT_FOUND: '用户不存在',
    },
    '409': {
      USER_VERSION_CONFLICT: '该用户已被他人修改，请刷新后重试',
    },
  },
  users_create: {
    '400': {
      PASSWORD_POLICY: '密码不符合要求：应至少包含小写字母、大写字母、数字、符号中的三类；不得有同一字符连续重复4次及以上',
      USER_TOWNSHIP_MISMATCH: '分中心接待员必须指定所属街乡镇',
      USER_UNKNOWN_TOWNSHIP: '所属街乡镇不存在',
    },
    '403': {
      USER_ROLE_RESERVED:
        '系统管理员、安全管理员和安全审计员账号不能通过本系统创建、修改、重置、停用或变更角色（三员分立），请由运维人员使用命令行工具管理',
    },
    '409': {
      USER_EXISTS: '用户名 clerk 已存在',
    },
  },
  users_deactivate: {
    '403': {
      USER_ROLE_RESERVED:
        '系统管理员、安全管理员和安全审计员账号不能通过本系统创建、修改、重置、停用或变更角色（三员分立），请由运维人员使用命令行工具管理',
    },
    '404': {
      USER_NOT_FOUND: '用户不存在',
    },
    '422': {
      USER_SELF_DEACTIVATION: '不能停用自己的账号',
    },
  },
  users_resetPassword: {
    '403': {
      USER_ROLE_RESERVED:
        '系统管理员、安全管理员和安全审计员账号不能通过本系统创建、修改、重置、停用或变更角色（三员分立），请由运维人员使用命令行工具管理',
    },
    '404': {
      USER_NOT_FOUND: '用户不存在',
    },
    '422': {
      USER_SELF_RESET: '不能重置自己的密码；请使用修改密码',
    },
  },
  users_update: {
    '400': {
      USER_TOWNSHIP_MISMATCH: '分中心接待员必须指定所属街乡镇',
      USER_UNKNOWN_TOWNSHIP: '所属街乡镇不存在',
    },
    '403': {
      USER_ROLE_RESERVED:
        '系统管理员、安全管理员和安全审计员账号不能通过本系统创建、修改、重置、停用或变更角色（三员分立），请由运维人员使用命令行工具管理',
    },
    '404': {
      USER_NOT_FOUND: '用户不存在',
    },
    '409': {
      USER_VERSION_CONFLICT: '该用户已被他人修改，请刷新后重试',
    },
  },
  workViews_office: {
    '400': {
      CASE_INVALID_INPUT: '分页游标无效',
    },
  },
};

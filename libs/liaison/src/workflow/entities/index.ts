import { CopyReportEntity } from './copy-report.entity';
import { LawsuitEntity } from './lawsuit.entity';
import { LetterEntity } from './letter.entity';
import { LiaisonReminderEntity } from './liaison-reminder.entity';
import { NoticeLinkEntity } from './notice-link.entity';
import { NoticeRecipientEntity } from './notice-recipient.entity';
import { RiskNoticeEntity } from './risk-notice.entity';

export { CopyReportEntity, LawsuitEntity, LetterEntity, LiaisonReminderEntity, NoticeLinkEntity, NoticeRecipientEntity, RiskNoticeEntity };
export const WORKFLOW_ENTITY_LIST = [RiskNoticeEntity, NoticeRecipientEntity, NoticeLinkEntity, LetterEntity, LawsuitEntity, LiaisonReminderEntity, CopyReportEntity];

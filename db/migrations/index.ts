import { Initial1795729276719 } from './1795729276719-Initial';
import { AppRoleGrants1795729276720 } from './1795729276720-AppRoleGrants';
import { StatutoryClocks1795729941839 } from './1795729941839-StatutoryClocks';
import { HardeningAfterReview1795731408258 } from './1795731408258-HardeningAfterReview';
import { SeedCalendar1795731408259 } from './1795731408259-SeedCalendar';
import { Reminders1795731849113 } from './1795731849113-Reminders';
import { Documents1795733000000 } from './1795733000000-Documents';
import { WorkViewIndexes1795733100000 } from './1795733100000-WorkViewIndexes';
import { Adjudication1795734424687 } from './1795734424687-Adjudication';
import { Hearings1795734629613 } from './1795734629613-Hearings';
import { UserSections1795734731350 } from './1795734731350-UserSections';
import { DocumentOwners1795735000000 } from './1795735000000-DocumentOwners';
import { Mediation1795740000000 } from './1795740000000-Mediation';
import { Liaison1795750000000 } from './1795750000000-Liaison';
import { GroupDisputes1795760000000 } from './1795760000000-GroupDisputes';
import { LiaisonDueDates1795770000000 } from './1795770000000-LiaisonDueDates';
import { MediationFixes1795790000000 } from './1795790000000-MediationFixes';
import { CaseApprovalRequests1795810000000 } from './1795810000000-CaseApprovalRequests';
import { HearingAttendance1795820000000 } from './1795820000000-HearingAttendance';
import { DirectLawsuits1795821000000 } from './1795821000000-DirectLawsuits';
import { CopyReports1795822000000 } from './1795822000000-CopyReports';
import { LoginHardening1795840000000 } from './1795840000000-LoginHardening';
import { PublicLookupDelays1795840000001 } from './1795840000001-PublicLookupDelays';
import { ForeignKeys1795840000002 } from './1795840000002-ForeignKeys';
import { AuditAnchoring1795840000003 } from './1795840000003-AuditAnchoring';
import { SharedRateLimits1795840000004 } from './1795840000004-SharedRateLimits';
import { PasswordChange1795840000005 } from './1795840000005-PasswordChange';
import { Sunshine1795860000000 } from './1795860000000-Sunshine';
import { StatisticsRollup1795861000000 } from './1795861000000-StatisticsRollup';
import { CaseNumberYearSeq1795870000000 } from './1795870000000-CaseNumberYearSeq';
import { OpsCounters1795870000100 } from './1795870000100-OpsCounters';
import { CalendarRecomputeInBatches1795870000200 } from './1795870000200-CalendarRecomputeInBatches';
import { SuspensionRuleChange1795899000000 } from './1795899000000-SuspensionRuleChange';
import { TotpSecondFactor1795892000000 } from './1795892000000-TotpSecondFactor';
import { ClockStatisticsRollup1795900300000 } from './1795900300000-ClockStatisticsRollup';
import { ClockStatisticsTruncate1795900400000 } from './1795900400000-ClockStatisticsTruncate';
import { StoredFiles1795900500000 } from './1795900500000-StoredFiles';
import { RiskNoticeCluster1795901000000 } from './1795901000000-RiskNoticeCluster';
import { DocumentVersions1795901100000 } from './1795901100000-DocumentVersions';

// Ordered list of migrations, in timestamp order (the order TypeORM runs them in); never edit a released migration.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Initial1795729276719, AppRoleGrants1795729276720, StatutoryClocks1795729941839,
  HardeningAfterReview1795731408258, SeedCalendar1795731408259, Reminders1795731849113, Documents1795733000000, WorkViewIndexes1795733100000,
  Adjudication1795734424687, Hearings1795734629613, UserSections1795734731350, DocumentOwners1795735000000, Mediation1795740000000, Liaison1795750000000, GroupDisputes1795760000000, LiaisonDueDates1795770000000, MediationFixes1795790000000,
  CaseApprovalRequests1795810000000, HearingAttendance1795820000000, DirectLawsuits1795821000000, CopyReports1795822000000,
  LoginHardening1795840000000, PublicLookupDelays1795840000001, ForeignKeys1795840000002, AuditAnchoring1795840000003,
  SharedRateLimits1795840000004, PasswordChange1795840000005, Sunshine1795860000000, StatisticsRollup1795861000000,
  CaseNumberYearSeq1795870000000, OpsCounters1795870000100, CalendarRecomputeInBatches1795870000200,
  TotpSecondFactor1795892000000, SuspensionRuleChange1795899000000, ClockStatisticsRollup1795900300000,
  ClockStatisticsTruncate1795900400000,
  StoredFiles1795900500000, RiskNoticeCluster1795901000000, DocumentVersions1795901100000];

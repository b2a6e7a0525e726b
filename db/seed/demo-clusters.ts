import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idNumberCheckChar, Role, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, TimeSource, UnitOfWork } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { ConsultationService, RegistrationService } from '@fuyi/cases';
import { ClusterAlerts, ClusterDetector, ClusterQueries } from '@fuyi/liaison';

const PROJECT = ['宋庄镇小堡村棚户区改造项目', '小堡村棚户区改造', '宋庄镇小堡村棚改项目'];
const NAMES = ['刘建国', '王桂兰', '张志强', '李秀英', '陈明', '杨静', '赵勇'];
const TOWNSHIPS = ['宋庄镇', '张家湾镇', '中仓街道'];

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const idNumber = (i: number) => {
  const first17 = `11011219${60 + i}0${(i % 9) + 1}1${i}0${String(i).padStart(2, '0')}`.slice(0, 17);
  return first17 + idNumberCheckChar(first17);
};

/**
 * One brewing group dispute (issue 6, item 6): seven applications and two consultations against the district housing
 * commission about one shanty-town project, from three townships in the last three weeks; detection runs once, so the
 * liaison officer finds the cluster and its alert. Called from seedDemoCases (runs once, with the demo cases).
 */
export async function seedDemoClusters(app: INestApplicationContext): Promise<void> {
  const ds = app.get(DataSource);
  const [dept] = await ds.query(`SELECT id FROM departments WHERE name = '区住房和城乡建设委员会'`);
  const [clerk] = await ds.query(`SELECT id, username FROM users WHERE username = 'clerk'`);
  const townships: Array<{ id: number; name: string }> = await ds.query(`SELECT id, name FROM townships WHERE name = ANY($1)`, [TOWNSHIPS]);
  if (!dept || !clerk || townships.length < 3) return;
  const actor: Actor = { userId: clerk.id, username: clerk.username, role: Role.ReconsiderationClerk, townshipId: null };
  const registration = app.get(RegistrationService);
  for (let i = 0; i < NAMES.length; i++) {
    const daysAgo = 20 - i * 3;
    await ds.transaction((m) => registration.register(m, actor, {
      applicants: [{ kind: 'person', name: NAMES[i]!, idNumber: idNumber(i), phone: `1391000${String(1000 + i)}` }],
      respondentDepartmentId: dept.id, category: 'expropriation', channel: 'counter', townshipId: townships[i % 3]!.id,
      act: { type: '房屋征收补偿决定', documentNumber: `通住建征补〔2026〕第${31 + i}号`, date: iso(daysAgo + 15), knownDate: iso(daysAgo + 5), project: PROJECT[i % 3], place: '宋庄镇小堡村东区' },
      requests: '请求撤销被申请人作出的房屋征收补偿决定', factsReasons: '补偿标准低于同区域类似房地产市场价格，评估程序违法。',
      receivedAt: new Date(`${iso(daysAgo)}T10:00:00+08:00`).toISOString(), materials: [{ name: '行政复议申请书', copies: 1 }],
    }));
  }
  const consultations = app.get(ConsultationService);
  for (let i = 0; i < 2; i++) {
    await consultations.record(actor, {
      visitorName: ['孙大伟', '周丽'][i]!, topic: '对小堡村棚改补偿方案有异议', category: 'expropriation', respondentDepartmentId: dept.id,
      advice: '告知可在知道补偿决定之日起60日内申请行政复议', actProject: PROJECT[0], townshipId: townships[i]!.id, consultedAt: `${iso(4 - i)}T15:00:00+08:00`,
    });
  }
  const detector = new ClusterDetector(app.get(UnitOfWork), new ClusterAlerts(new ClusterQueries(app.get(UnitOfWork)), app.get(AuditService), app.get(Notifier), app.get(TimeSource)), app.get(APP_CONFIG));
  await detector.scanNew({ lagMs: 0 });
}

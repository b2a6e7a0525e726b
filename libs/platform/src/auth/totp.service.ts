import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, Role, ROLE_LABELS, type Actor } from '@fuyi/kernel';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import * as Users from './stores/users.store';
import { UnitOfWork } from '../database/unit-of-work';
import { verifyPassword } from './passwords';
import { matchTotp, otpauthUri } from './totp';

const ISSUER = '复议';

export type TotpCheck = 'ok' | 'not_enrolled' | 'missing' | 'wrong' | 'replay';

/**
 * The optional second factor (issue 14 item 4): enrolment (secret generated here, stored encrypted, shown once as an
 * otpauth URI), confirmation with a code, the check at login (each code single-use), and the roles that require it.
 */
@Injectable()
export class TotpService {
  constructor(private readonly ds: DataSource, private readonly uow: UnitOfWork, private readonly audit: AuditService, private readonly cipher: FieldCipher) {}

  /** A new pending secret (replacing an unconfirmed one); the current password is asked so a stolen token cannot enrol. */
  async enrol(actor: Actor, password: string): Promise<{ otpauthUri: string; secret: string }> {
    const user = await Users.activeCredentials(this.ds, actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, password))) {
      throw new DomainError('AUTH_PASSWORD_WRONG', '当前密码不正确', 'invalid', { fields: [{ field: 'password', message: '当前密码不正确' }] });
    }
    if (user.totp_confirmed_at) throw new DomainError('TOTP_ALREADY_ENROLLED', '已绑定动态验证码', 'conflict');
    const secret = randomBytes(20); // 160 bits, RFC 4226 §4's recommendation
    const uri = otpauthUri(secret, user.username, ISSUER);
    await this.uow.run(async (m) => {
      await Users.setPendingTotp(m, actor.userId, this.cipher.encrypt(secret.toString('base64')));
      await this.audit.record(m, { actor, action: 'auth.totp_enrol', subjectType: 'user', subjectId: actor.userId });
    });
    return { otpauthUri: uri, secret: new URL(uri).searchParams.get('secret')! };
  }

  /** The first code proves the app holds the secret: from then on login asks for a code. */
  async confirm(actor: Actor, code: string): Promise<void> {
    const user = await Users.totpState(this.ds, actor.userId);
    if (!user?.totp_secret) throw new DomainError('TOTP_NOT_ENROLLED', '请先申请绑定动态验证码', 'unprocessable');
    if (user.totp_confirmed_at) throw new DomainError('TOTP_ALREADY_ENROLLED', '已绑定动态验证码', 'conflict');
    const secret = user.totp_secret;
    // Wall clock on purpose: the authenticator app on the phone counts real time, not the TimeSource's test instant.
    const step = matchTotp(this.secretOf(secret), code, Date.now() / 1000);
    if (step === null) throw invalidCode();
    await this.uow.run(async (m) => {
      if (!(await Users.confirmTotp(m, actor.userId, step, secret))) throw new DomainError('TOTP_ALREADY_ENROLLED', '已绑定动态验证码', 'conflict');
      await this.audit.record(m, { actor, action: 'auth.totp_confirm', subjectType: 'user', subjectId: actor.userId });
    });
  }

  /**
   * At login, after the password: an enrolled user's code must match a step later than the last one accepted. The step
   * is taken in one conditional UPDATE, so the same code sent twice (even at once) is accepted once (RFC 6238 §5.2).
   */
  async check(userId: string, code: string | undefined): Promise<TotpCheck> {
    const user = await Users.totpState(this.ds, userId);
    if (!user?.totp_confirmed_at) return 'not_enrolled';
    if (!code) return 'missing';
    // Wall clock on purpose: the authenticator app on the phone counts real time, not the TimeSource's test instant.
    const step = matchTotp(this.secretOf(user.totp_secret!), code, Date.now() / 1000);
    if (step === null) return 'wrong';
    return (await Users.takeTotpStep(this.ds, userId, step)) ? 'ok' : 'replay';
  }

  async requiredRoles(): Promise<Array<{ role: Role; label: string; required: boolean }>> {
    const required = new Set(await Users.totpRequiredRoles(this.ds));
    return Object.values(Role).map((role) => ({ role, label: ROLE_LABELS[role], required: required.has(role) }));
  }

  /** The security administrator's setting; takes effect at each user's next request (the guard reads it). */
  async setRequired(actor: Actor, role: Role, required: boolean): Promise<Array<{ role: Role; label: string; required: boolean }>> {
    await this.uow.run(async (m) => {
      if (required) await Users.requireTotp(m, role, actor.userId);
      else await Users.unrequireTotp(m, role);
      await this.audit.record(m, { actor, action: 'security.totp_policy', subjectType: 'role', subjectId: role, summary: { required } });
    });
    return this.requiredRoles();
  }

  private secretOf(sealed: string): Buffer {
    return Buffer.from(this.cipher.decrypt(sealed), 'base64');
  }
}

const invalidCode = () => new DomainError('TOTP_CODE_INVALID', '动态验证码不正确或已使用', 'invalid', { fields: [{ field: 'code', message: '动态验证码不正确或已使用' }] });


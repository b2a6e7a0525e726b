import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { FieldCipher } from './crypto/field-cipher';
import { AuditService } from './audit/audit.service';
import { OutboxService } from './outbox/outbox.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { AuthService } from './auth/auth.service';
import { UsersService } from './auth/users.service';
import { TotpService } from './auth/totp.service';
import { TimeSource } from './time/time-source';
import { UnitOfWork } from './database/unit-of-work';

/** Cross-cutting services every bounded context uses. The DataSource is provided by the app's TypeOrmModule. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    // A KeyObject made once: given the secret as a string, jsonwebtoken first tries (and fails) to parse it as a public
    // key on every verification, about a millisecond of CPU per authenticated request.
    const jwtKey = createSecretKey(Buffer.from(config.jwtSecret));
    return {
      module: PlatformModule,
      imports: [
        JwtModule.register({ secretOrKeyProvider: () => jwtKey, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: FieldCipher, useValue: new FieldCipher(config.dataKey) },
        AuditService,
        OutboxService,
        IdempotencyService,
        AuthService,
        UsersService,
        TotpService,
        TimeSource,
        UnitOfWork,
      ],
      exports: [APP_CONFIG, FieldCipher, AuditService, OutboxService, IdempotencyService, AuthService, UsersService, TotpService, TimeSource, UnitOfWork],
    };
  }
}

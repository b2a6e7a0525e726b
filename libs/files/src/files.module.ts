import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fuyi/platform';
import { CasesModule } from '@fuyi/cases';
import { DocumentsModule } from '@fuyi/documents';
import { LiaisonModule } from '@fuyi/liaison';
import { BLOB_STORAGE } from './storage/blob-storage';
import { createBlobStorage } from './storage/create-blob-storage';
import { FileOwnerAccess } from './owner-access';
import { FilesService } from './files.service';
import { EvidenceRiskHook } from './evidence-risk.hook';
import { CasePackageService } from './dossier/case-package.service';

/** Needs the app's DataSource and PlatformModule (AuditService, TimeSource, APP_CONFIG), both global. */
@Module({
  imports: [CasesModule, DocumentsModule, LiaisonModule],
  providers: [{ provide: BLOB_STORAGE, useFactory: (config: AppConfig) => createBlobStorage(config.files), inject: [APP_CONFIG] }, FileOwnerAccess, FilesService, EvidenceRiskHook, CasePackageService],
  exports: [FilesService, CasePackageService, BLOB_STORAGE],
})
export class FilesModule {}

import { Body, Controller, Get, Header, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { DISTRICT_CASE_ROLES, Role, isDomainError, type Actor } from '@fuyi/kernel';
import { CaseQueriesService, seesCaseDocument } from '@fuyi/cases';
import { DOCUMENT_TYPES, DocumentCommands, DocumentErrors, DocumentService, type DocumentData, type DocumentType } from '@fuyi/documents';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidParam } from './params';
import { DOCX, docxFile } from '../http/docx-file';
import { AuditedRead } from '../http/audited-read';

// Whoever may see the case (as for the case detail) may see and download its documents, except what seesCaseDocument
// keeps from township clerks (liaison documents, mediation work other than the referral form).
const VIEW_ROLES = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES, Role.LiaisonOfficer];

// A 抄告函 (ARL 79(2)) is issued by the copy-report workflow from the record (libs/liaison), never with typed-in content.
const ISSUABLE_TYPES = DOCUMENT_TYPES.filter((t) => t !== 'copy-report');

export class IssueDocumentDto {
  @ApiProperty({ enum: ISSUABLE_TYPES }) @IsIn(ISSUABLE_TYPES) type: DocumentType;

  @ApiPropertyOptional({
    type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    description: '文书内容取自案件记录；只可填写模板 request 中声明的、案件记录没有的内容（GET /cases/{id}/document-types 列出每种文书的数据项，如听证通知书的 hearingTime、hearingMatters，调解书的 items）。不得包含身份证号码、电话号码',
    example: { hearingTime: '09:30', hearingMatters: '被申请人作出行政处罚决定的事实依据是否充分' },
  })
  @IsOptional() @IsObject() data?: DocumentData;
}

/** RFC 5987/6266: an ASCII fallback plus the UTF-8 name (Chinese title, 〔〕) percent-encoded. */
@ApiTags('文书')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly commands: DocumentCommands, private readonly documents: DocumentService, private readonly queries: CaseQueriesService) {}

  @Get('cases/:id/documents') @Roles(...VIEW_ROLES)
  @ApiOperation({ summary: '案件文书列表（文号、版本、出具时间；不含文件内容）' }) @ApiErrors(401, 403, 404)
  async list(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    await this.queries.assertVisible(actor, id);
    return (await this.documents.list(id)).filter((d) => seesCaseDocument(actor, d));
  }

  @Get('cases/:id/document-types') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({
    summary:
      '本人现在可为该案出具的文书类型（按角色、案件状态和承办人规则），及每种文书须由请求填写的数据项（键、中文名称、类型、是否必填、格式），取自文书模板',
  })
  @ApiErrors(401, 403, 404)
  async documentTypes(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    await this.queries.assertVisible(actor, id);
    return this.documents.caseDocumentTypes(actor, id);
  }

  @Post('cases/:id/documents') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '依案件记录出具文书（.docx，按类型和年度编号；只在相应的办理阶段、由负责该环节的人员出具；出具后不可修改，更正即出具新版本）' })
  @ApiErrors(400, 401, 403, 404, 409)
  async issue(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: IssueDocumentDto) {
    await this.queries.assertVisible(actor, id);
    return this.commands.issueFromCase(actor, id, dto.type, dto.data ?? {});
  }

  @Get('documents/:documentId/download') @Roles(...VIEW_ROLES) @Header('Cache-Control', 'private, no-store')
  @AuditedRead({ action: 'document.download', subjectType: 'document', param: 'documentId' })
  @ApiOperation({ summary: '下载文书（Word .docx）' }) @ApiProduces(DOCX) @ApiErrors(401, 403, 404)
  async download(@CurrentActor() actor: Actor, @Param('documentId', uuidParam('documentId')) documentId: string) {
    const caseId = await this.documents.caseOf(documentId);
    // Outside the actor's scope looks exactly like a document that does not exist.
    await this.queries.assertVisible(actor, caseId).catch((e: unknown) => {
      throw isDomainError(e) && e.kind === 'not_found' ? DocumentErrors.notFound() : e;
    });
    const doc = (await this.documents.list(caseId)).find((d) => d.id === documentId);
    if (!doc || !seesCaseDocument(actor, doc)) throw DocumentErrors.notFound();
    const file = await this.documents.download(documentId);
    return docxFile(file);
  }
}

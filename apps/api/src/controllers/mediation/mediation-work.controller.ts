import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DISTRICT_CASE_ROLES, Role, isDomainError, type Actor } from '@fuyi/kernel';
import { DocumentErrors, DocumentService } from '@fuyi/documents';
import { COUNTER_DOCUMENT_TYPES, MeasuresService, MediationCommands, seesMediationWork } from '@fuyi/mediation';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { MeasuresQuery, MediationDocumentDto, MediatorProfileDto, PrivateNoteDto, RecordSessionDto, ScheduleSessionDto } from '../../dto/mediation.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { uuidParam } from '../params';
import { CENTRE_ROLES, MEDIATION_VIEW_ROLES } from './mediation-roles';
import { DOCX, docxFile } from '../../http/docx-file';
import { AuditedRead } from '../../http/audited-read';


@ApiTags('调解中心')
@ApiBearerAuth()
@Controller('mediation')
export class MediationWorkController {
  constructor(
    private readonly commands: MediationCommands,
    private readonly docs: DocumentService,
    private readonly measuresService: MeasuresService,
  ) {}

  @Get('files/:id/sessions') @Roles(...MEDIATION_VIEW_ROLES)
  @ApiOperation({ summary: '调解会议：联合调解笔录；背对背记录仅本案调解员可见' }) @ApiErrors(401, 403, 404)
  listSessions(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.commands.sessionsOf(actor, id);
  }

  @Post('files/:id/sessions') @Roles(Role.Mediator)
  @ApiOperation({ summary: '安排调解（现场或视频）及参加人员' }) @ApiErrors(400, 401, 403, 404, 409)
  schedule(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ScheduleSessionDto) {
    return this.commands.scheduleSession(actor, id, dto);
  }

  @Post('files/:id/sessions/:sessionId/record') @HttpCode(200) @Roles(Role.Mediator)
  @ApiOperation({ summary: '记录到场情况和调解笔录' }) @ApiErrors(400, 401, 403, 404, 409)
  record(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Param('sessionId', uuidParam('sessionId')) sessionId: string, @Body() dto: RecordSessionDto) {
    return this.commands.recordSession(actor, id, sessionId, dto);
  }

  @Post('files/:id/private-notes') @Roles(Role.Mediator)
  @ApiOperation({ summary: '背对背谈话记录（仅本案调解员可见）' }) @ApiErrors(400, 401, 403, 404, 409)
  privateNote(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: PrivateNoteDto) {
    return this.commands.privateNote(actor, id, dto);
  }

  @Get('files/:id/documents') @Roles(...MEDIATION_VIEW_ROLES)
  @ApiOperation({ summary: '调解文书列表' }) @ApiErrors(401, 403, 404)
  async listDocuments(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    await this.commands.assertFileVisible(actor, id);
    const docs = await this.docs.listFor('mediation', id);
    return seesMediationWork(actor) ? docs : docs.filter((d) => COUNTER_DOCUMENT_TYPES.includes(d.type));
  }

  @Post('files/:id/documents') @Roles(...CENTRE_ROLES)
  @ApiOperation({ summary: '出具调解文书：移送函、调解笔录、调解协议书、调解书、终止调解通知书（.docx）' }) @ApiErrors(400, 401, 403, 404, 409)
  issue(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: MediationDocumentDto) {
    return this.commands.issueDocument(actor, id, dto);
  }

  @Get('documents/:documentId/download') @Roles(...MEDIATION_VIEW_ROLES) @Header('Cache-Control', 'private, no-store')
  @AuditedRead({ action: 'document.download', subjectType: 'document', param: 'documentId' })
  @ApiOperation({ summary: '下载调解文书（Word .docx）' }) @ApiProduces(DOCX) @ApiErrors(401, 403, 404)
  async download(@CurrentActor() actor: Actor, @Param('documentId', uuidParam('documentId')) documentId: string) {
    const owner = await this.docs.ownerOf(documentId);
    if (owner.kind !== 'mediation') throw DocumentErrors.notFound();
    await this.commands.assertFileVisible(actor, owner.id).catch((e: unknown) => {
      throw isDomainError(e) && e.kind === 'not_found' ? DocumentErrors.notFound() : e;
    });
    if (!seesMediationWork(actor)) {
      const doc = (await this.docs.listFor('mediation', owner.id)).find((d) => d.id === documentId);
      if (!doc || !COUNTER_DOCUMENT_TYPES.includes(doc.type)) throw DocumentErrors.notFound();
    }
    return docxFile(await this.docs.download(documentId));
  }

  @Get('measures') @Roles(Role.Mediator, ...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '调解工作统计：按类别、街乡镇或调解员，含实质性化解率和结果用时中位数' }) @ApiErrors(400, 401, 403)
  measures(@Query() q: MeasuresQuery) {
    return this.measuresService.measures(q.by, q.from, q.to);
  }

  @Get('mediators') @Roles(...CENTRE_ROLES)
  @ApiOperation({ summary: '调解员名册：擅长类别、协调员；回避关联仅协调员和机构负责人可见' }) @ApiErrors(401, 403)
  mediators(@CurrentActor() actor: Actor) {
    return this.commands.mediators(actor);
  }

  @Put('mediators/:userId') @Roles(...CENTRE_ROLES)
  @ApiOperation({ summary: '维护调解员信息（协调员或机构负责人）' }) @ApiErrors(400, 401, 403, 409)
  upsertProfile(@CurrentActor() actor: Actor, @Param('userId', uuidParam('userId')) userId: string, @Body() dto: MediatorProfileDto) {
    return this.commands.upsertMediator(actor, userId, dto);
  }
}

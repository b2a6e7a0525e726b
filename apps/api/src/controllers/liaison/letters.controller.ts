import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@fuyi/kernel';
import { CaseQueriesService } from '@fuyi/cases';
import { LETTER_ACTION_ROLES, LetterAction, LiaisonCommands, LiaisonQueriesService, type LetterKind } from '@fuyi/liaison';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { LetterDto, LetterEditDto, LetterFeedbackDto, LetterReceivedDto, LiaisonVersionDto } from '../../dto/liaison.dto';
import { LetterListQuery } from '../../dto/liaison-lists.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { boundedLimit } from '../paging';
import { uuidParam } from '../params';
import { LIAISON_READ, LIAISON_WRITE } from './liaison-roles';

@ApiTags('府院联络：意见书和建议书')
@ApiBearerAuth()
@Controller('liaison/letters')
export class LettersController {
  constructor(
    private readonly commands: LiaisonCommands, private readonly queries: LiaisonQueriesService, private readonly cases: CaseQueriesService,
  ) {}

  @Post() @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '起草意见书（第七十六条）或建议书：来源于案件或独立制发' }) @ApiErrors(400, 401, 403, 404)
  async create(@CurrentActor() actor: Actor, @Body() dto: LetterDto) {
    if (dto.caseId) await this.cases.assertVisible(actor, dto.caseId);
    return this.commands.createLetter(actor, { ...dto, kind: dto.kind as LetterKind });
  }

  @Get() @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '意见书、建议书列表（新到旧，游标分页）' }) @ApiErrors(400, 401, 403)
  list(@Query() q: LetterListQuery) {
    return this.queries.listLetters(q.state, boundedLimit(q.limit === undefined ? 50 : Number(q.limit)), q.cursor);
  }

  @Get(':id') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '意见书（建议书）详情：反馈期限、反馈和整改情况、督办' }) @ApiErrors(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.letter(id, actor);
  }

  @Put(':id') @Roles(...LETTER_ACTION_ROLES[LetterAction.Edit])
  @ApiOperation({ summary: '修改草稿' }) @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LetterEditDto) {
    const { version, ...draft } = dto;
    return this.commands.updateLetter(actor, id, version, draft);
  }

  @Post(':id/issue') @HttpCode(200) @Roles(...LETTER_ACTION_ROLES[LetterAction.Issue])
  @ApiOperation({ summary: '机构负责人批准并制发（出具 .docx）' }) @ApiErrors(400, 401, 403, 404, 409)
  issue(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LiaisonVersionDto) {
    return this.commands.issueLetter(actor, id, dto.version);
  }

  @Post(':id/receive') @HttpCode(200) @Roles(...LETTER_ACTION_ROLES[LetterAction.Receive])
  @ApiOperation({ summary: '登记受文部门收到日期：意见书起算60日反馈期限（第七十六条）' }) @ApiErrors(400, 401, 403, 404, 409)
  receive(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LetterReceivedDto) {
    return this.commands.letterReceived(actor, id, dto);
  }

  @Post(':id/feedback') @HttpCode(200) @Roles(...LETTER_ACTION_ROLES[LetterAction.Feedback])
  @ApiOperation({ summary: '登记反馈及报告的纠正情况' }) @ApiErrors(400, 401, 403, 404, 409)
  feedback(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LetterFeedbackDto) {
    return this.commands.letterFeedback(actor, id, dto);
  }

  @Post(':id/close') @HttpCode(200) @Roles(...LETTER_ACTION_ROLES[LetterAction.Close])
  @ApiOperation({ summary: '办结' }) @ApiErrors(400, 401, 403, 404, 409)
  close(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LiaisonVersionDto) {
    return this.commands.closeLetter(actor, id, dto.version);
  }
}

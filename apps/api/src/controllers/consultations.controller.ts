import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { optionalIntQuery } from './params';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '@fuyi/kernel';
import { ConsultationService } from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RecordConsultationDto } from '../dto/consultation.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiPaging, limitQuery } from './paging';

@ApiTags('咨询登记')
@ApiBearerAuth()
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationService) {}

  @Post() @Roles(Role.TownshipClerk, Role.ReconsiderationClerk, Role.SectionChief, Role.OfficeHead)
  @ApiOperation({ summary: '登记一次窗口咨询' }) @ApiErrors(400, 401, 403)
  record(@CurrentActor() actor: Actor, @Body() dto: RecordConsultationDto) {
    return this.consultations.record(actor, dto);
  }

  @Get() @Roles(Role.TownshipClerk, Role.ReconsiderationClerk, Role.SectionChief, Role.OfficeHead)
  @ApiOperation({ summary: '咨询记录（分中心只见本街乡镇）' }) @ApiErrors(400, 401, 403)
  @ApiQuery({ name: 'townshipId', required: false, schema: { type: 'integer' } }) @ApiPaging(50)
  list(
    @CurrentActor() actor: Actor,
    @Query('townshipId', optionalIntQuery('townshipId')) townshipId?: number,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ) {
    return this.consultations.list(actor, townshipId, limitQuery(limit, 50), cursor);
  }
}

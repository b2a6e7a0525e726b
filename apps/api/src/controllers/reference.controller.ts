import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_CATEGORIES, CHANNELS } from '@fuyi/cases';
import { ApiErrors } from '../http/api-errors.decorator';
import { ReferenceDataService } from '../services/reference-data.service';

@ApiTags('基础数据')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get('townships') @ApiOperation({ summary: '街乡镇（分中心）' }) @ApiErrors(401)
  townships() {
    return this.reference.townships();
  }

  @Get('departments') @ApiOperation({ summary: '被申请人（区级部门和街乡镇政府），含上一级主管部门' }) @ApiErrors(401)
  departments() {
    return this.reference.departments();
  }

  @Get('categories') @ApiOperation({ summary: '案件类别和申请方式' }) @ApiErrors(401)
  categories() {
    return { categories: CASE_CATEGORIES, channels: CHANNELS };
  }
}

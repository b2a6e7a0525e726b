import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

export class DismissClusterDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) version: number;
  @ApiProperty({ example: '经核实为不同项目的个别争议，不构成群体性纠纷', maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

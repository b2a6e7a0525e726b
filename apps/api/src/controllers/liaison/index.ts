import type { Type } from '@nestjs/common';

// Controllers of the liaison workflow, registered by AppModule.
export const LIAISON_CONTROLLERS: Type[] = [];

// Setup file: the ESM instances of @nestjs/common and @nestjs/core for nest-cjs-resolver.cjs's shims.
import * as common from '@nestjs/common';
import * as core from '@nestjs/core';

globalThis.__kefuNestEsm = { common, core };

// @nestjs/throttler is CommonJS and require()s @nestjs/common and @nestjs/core, which are ESM-only
// in NestJS 12. Plain Node 20.19+ allows that (require(esm)); jest on Node < 24.9 does not. So a
// require() of either from CommonJS resolves to a shim that hands out the very ESM instance the
// test already imported (nest-esm-instances.js, a setup file): one @nestjs/common per test file.
const SHIMS = { '@nestjs/common': 'nest-common.cjs', '@nestjs/core': 'nest-core.cjs' };

module.exports = (request, options) => {
  const shim = SHIMS[request];
  if (shim && options.conditions?.includes('require')) return `${__dirname}/nest-shims/${shim}`;
  return options.defaultResolver(request, options);
};

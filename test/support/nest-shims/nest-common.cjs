module.exports = globalThis.__kefuNestEsm.common;

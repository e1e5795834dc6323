module.exports = globalThis.__kefuNestEsm.core;

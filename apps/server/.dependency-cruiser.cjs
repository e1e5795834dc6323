// Dependency rules of the server (run by `npm run lint`: `nx run @kefu/server:lint`). README "Architecture" summarises them.
// Paths are relative to apps/server. A folder of src/ is either infrastructure or a domain module.
const INFRA = '(config|database|redis|queue|realtime|errors|auth|outbound|throttle|http|common|audit|text)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'infrastructure-not-to-domain',
      comment:
        'Infrastructure (config, database, redis, queue, realtime publisher + adapter, errors, auth guard/scope, outbound, throttle, http, shared helpers, audit log, text) is below every domain module: it imports no domain folder and no composition root.',
      severity: 'error',
      // Migrations are exempt: a data migration may reuse the pure function that computes its data (they run once, from the CLI).
      from: { path: `^src/${INFRA}/`, pathNot: '^src/database/migrations/' },
      to: { path: '^src/', pathNot: `^src/${INFRA}/` },
    },
    {
      name: 'sla-not-to-subjects',
      comment:
        'The SLA engine is a clock: it tells the subject kinds (conversation, ticket) through the handlers they register and imports nothing of theirs.',
      severity: 'error',
      from: { path: '^src/sla/' },
      to: { path: '^src/(conversation|ticket|message|customer-message)/' },
    },
    {
      name: 'not-to-composition-root',
      comment:
        'The files at the top of src/ (api/worker/core modules, the entity list, entry points) assemble the folders; no folder imports them back (the command-line tools in cli/ and seed/ start the app and may).',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: '^src/(cli|seed)/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'root-modules-import-modules',
      comment: 'api.module.ts and worker.module.ts list Nest modules only (each domain folder has one); what a folder provides is said in its own module.',
      severity: 'error',
      from: { path: '^src/(api|worker)\\.module\\.ts$' },
      // The config type and the channel adapter port (a test or an integration passes its own) are parameters, not providers.
      to: { path: '^src/', pathNot: ['\\.module\\.ts$', '^src/config/config\\.ts$', '^src/delivery/channel-adapter\\.ts$'] },
    },
    {
      name: 'no-circular',
      comment: 'Files import each other in one direction only (a cycle between files breaks ESM initialisation order and hides who depends on whom).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-spec',
      comment: 'Production code never imports a test.',
      severity: 'error',
      from: { pathNot: '\\.spec\\.ts$' },
      to: { path: '\\.spec\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every relative import resolves to a file (a moved file left a stale import behind).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^@kefu/' }, // the workspace libraries resolve once built
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    // Type-only imports count too: they couple the folders all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};

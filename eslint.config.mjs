// Lint for the whole workspace: typescript-eslint's recommended rules, the module boundaries
// of docs/adr/0002-module-boundaries.md (Nx tags in two dimensions, scope and type), and the
// import bans that keep workflow, domain and contract code free of frameworks and engines.
// Run it as `npx nx run-many -t lint` (each project: `eslint <root> --max-warnings=0`) or
// `npx eslint . --max-warnings=0`. No type-aware rules: lint must stay fast.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync, readCachedProjectGraph } from '@nx/devkit';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads the *cached* project graph and, when there is none,
// prints a notice and skips itself: lint would pass with no boundary checked at all. Inside an
// Nx task the graph has just been computed; anywhere else (plain `npx eslint .`, an editor)
// compute it here first, so the rule always sees the current projects and tags.
const projectGraph = process.env.NX_TASK_TARGET_PROJECT
  ? readCachedProjectGraph()
  : await createProjectGraphAsync({ exitOnError: false, resetDaemonClient: false });

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
/** Tests may import anything (Temporal's test environment and worker, engines, Node). */
const SPECS = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/*.e2e.ts', '**/testing/**'];

const NEST = { group: ['@nestjs/*'], message: 'Nest belongs in apps and feature/infra libs, not here.' };
const mongoose = { name: 'mongoose', message: 'Persistence belongs in infra-mongo libs and apps.' };
const kafkajs = { name: 'kafkajs', message: 'Kafka belongs in libs/platform and apps.' };

/** Every Node built-in, bare (`fs`, `fs/promises`) and with the `node:` prefix. */
const nodeBuiltins = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({
    name,
    message: 'Workflow code runs in the deterministic Temporal sandbox: no Node built-ins (do it in an activity).',
  }));

// ---------------------------------------------------------------------------------------------
// Module boundaries. Every project carries one `scope:*` and one `type:*` tag; a dependency must
// satisfy the rule of each tag of the importing project. A project whose tags match no rule
// may depend on nothing, so a missing or misspelt tag fails lint instead of passing it.
// There is deliberately no `*` rule in either dimension.
// ---------------------------------------------------------------------------------------------
const SERVICE_SCOPES = ['intake', 'planning', 'training', 'matching', 'followup', 'journey'];
const SCOPES = ['shared', ...SERVICE_SCOPES, 'gateway', 'staff-web', 'system-tests'];
const TYPES = ['app', 'e2e', 'feature', 'application', 'infra', 'domain', 'contract', 'workflow', 'activities', 'ui', 'util'];
/** Libraries a context publishes for clients in other scopes (ADR 0002). */
const PUBLISHED = ['published:journey'];

const scopeConstraints = [
  // Shared code (contracts, platform plumbing, ui) knows no bounded context.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // A service depends only on itself and shared code: services share nothing but contracts.
  ...SERVICE_SCOPES.map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
  // The gateway may also use what a context *publishes* for clients: today only
  // journey-workflows (workflow id, query/signal definitions), tagged `published:journey`.
  // Not journey-activities, not any other journey lib (ADR 0002).
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared', ...PUBLISHED] },
  // A published library is imported by other contexts, so it may not drag its context's
  // internals along: only shared code and other published libraries.
  ...PUBLISHED.map((tag) => ({ sourceTag: tag, onlyDependOnLibsWithTags: ['scope:shared', ...PUBLISHED] })),
  { sourceTag: 'scope:staff-web', onlyDependOnLibsWithTags: ['scope:staff-web', 'scope:shared'] },
  // Whole-stack tests drive the system from outside, as a client: shared code and what
  // contexts publish (e.g. querying a journey), never a context's internals.
  { sourceTag: 'scope:system-tests', onlyDependOnLibsWithTags: ['scope:shared', ...PUBLISHED] },
];

const ALL_LIB_TYPES = [
  'type:feature',
  'type:application',
  'type:infra',
  'type:domain',
  'type:contract',
  'type:workflow',
  'type:activities',
  'type:ui',
  'type:util',
];

const typeConstraints = [
  // Apps compose libraries; nothing imports an app (not even another app).
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ALL_LIB_TYPES },
  // Tests of the running system: contracts, test utilities, and published client definitions.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contract', 'type:util', ...PUBLISHED] },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:infra', 'type:contract', 'type:util', 'type:ui'],
  },
  // Layers point one way: feature → infra → application → domain (STYLE.md).
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contract', 'type:util'] },
  { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contract', 'type:util'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:util'] },
  { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:workflow', 'type:contract', 'type:domain'] },
  {
    sourceTag: 'type:activities',
    onlyDependOnLibsWithTags: ['type:activities', 'type:workflow', 'type:contract', 'type:util', 'type:domain'],
  },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:contract', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contract'] },
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract'] },
];

// A tag with no rule is silently unchecked in its dimension (a project tagged `scope:typo` and
// `type:app` would be held to the type rule only). So every project must carry exactly one
// known scope and one known type; anything else stops lint here, with the reason.
const tagProblems = Object.values(projectGraph.nodes).flatMap(({ name, data }) => {
  const tags = data.tags ?? [];
  const problems = [];
  for (const [dimension, known] of [['scope', SCOPES], ['type', TYPES]]) {
    const mine = tags.filter((t) => t.startsWith(`${dimension}:`));
    if (mine.length !== 1 || !known.includes(mine[0].slice(dimension.length + 1))) {
      problems.push(`${name}: needs exactly one of ${known.map((k) => `${dimension}:${k}`).join(', ')} (has ${mine.join(', ') || 'none'})`);
    }
  }
  const unknown = tags.filter((t) => !/^(scope|type):/.test(t) && !PUBLISHED.includes(t) && !t.startsWith('npm:'));
  if (unknown.length) problems.push(`${name}: unknown tag(s) ${unknown.join(', ')}`);
  return problems;
});
if (tagProblems.length) {
  throw new Error(`Nx project tags (see docs/adr/0002-module-boundaries.md):\n  ${tagProblems.join('\n  ')}`);
}

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.nx/**',
      '.run/**',
      'tmp/**',
      'test-output/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // TypeScript everywhere; plain JS (jest configs, tools) gets the same rules.
  {
    files: [...TS, ...JS],
    extends: [tseslint.configs.recommended],
    rules: {
      // The house habit for "deliberately unused": a leading underscore, or the rest sibling
      // of a destructuring that drops a field (`const { phone: _phone, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // CommonJS config files may `require`.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Module boundaries, in two dimensions.
  {
    files: [...TS, ...JS],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // Project jest configs spread the workspace preset, which belongs to no project.
          allow: ['^(\\.\\./)+jest\\.preset\\.js$'],
          depConstraints: [...scopeConstraints, ...typeConstraints],
        },
      ],
    },
  },

  // Workflow code: deterministic, bundled into Temporal's sandbox.
  {
    files: ['libs/journey/workflows/src/**/*.ts'],
    ignores: SPECS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins,
            ...['@temporalio/activity', '@temporalio/worker', '@temporalio/client'].map((name) => ({
              name,
              message: 'Workflows import only @temporalio/workflow (and activity types from ./activities).',
            })),
            kafkajs,
            mongoose,
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'Workflow code runs in the deterministic Temporal sandbox: no Node built-ins (do it in an activity).',
            },
            NEST,
          ],
        },
      ],
    },
  },

  // Domain libraries: pure rules.
  {
    files: ['libs/*/domain/**/*.ts', 'libs/*/domain/**/*.tsx'],
    ignores: SPECS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            mongoose,
            kafkajs,
            // Tagged type:util, which domain may use, but it is Nest plumbing (ADR 0002).
            { name: '@waypoint/platform', message: 'libs/platform is Nest plumbing: domain code stays pure.' },
          ],
          patterns: [
            NEST,
            { group: ['@temporalio/*'], message: 'Domain code knows nothing of Temporal.' },
            { group: ['@waypoint/platform/*'], message: 'libs/platform is Nest plumbing: domain code stays pure.' },
          ],
        },
      ],
    },
  },

  // Contracts: shared by every service and the browser; schemas and types only.
  {
    files: ['libs/contracts/**/*.ts'],
    ignores: SPECS,
    rules: {
      'no-restricted-imports': ['error', { paths: [mongoose, kafkajs], patterns: [NEST] }],
    },
  },
);

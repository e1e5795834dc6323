import { z } from 'zod';

// zod compiles its object parsers with `new Function` when it may, and finds out by trying: under
// the console's Content-Security-Policy (no 'unsafe-eval') that try is a policy violation. The
// console parses little, so it parses without compiling. Imported first by main.tsx.
z.config({ jitless: true });

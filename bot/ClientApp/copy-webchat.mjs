// Copies Web Chat's self-contained bundle next to the chat page, so the host serves it locally.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');
const target = join(here, '..', 'wwwroot', 'chat', 'webchat.js');
mkdirSync(dirname(target), { recursive: true });
copyFileSync(bundle, target);
console.log(`copied ${bundle} -> ${target}`);

export { main, processIo, memoryIo, EXIT } from './main.js';
export type { CliIo, CommandContext, CommandModule } from './main.js';
export { VERSION } from './version.js';

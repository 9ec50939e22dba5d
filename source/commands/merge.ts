import type {Command} from 'commander';
import type {CommandIo} from './io.js';

export function registerMergeCommands(_program: Command, _io: CommandIo, _setExit: (code: number) => void): void {}

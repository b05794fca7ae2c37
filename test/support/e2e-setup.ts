// The end-to-end files: the bot's own log lines show only after a test that failed.
import { printLogsOnFailure } from './quiet-logs.ts';

printLogsOnFailure();

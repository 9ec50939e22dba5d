// An app stand-in for server-process.test.ts: starts the embedded server's
// process, says where it is, and waits to be killed without closing it.
// Usage: node --import tsx test/server/server-process-owner.ts DATA_DIR
import {startServerProcess} from '../../source/server/server-process.js';

const server = await startServerProcess({dataDir: process.argv[2]!, port: 0});
process.stdout.write(`${JSON.stringify({pid: server.pid, url: server.url, token: server.token, org: server.org.uid})}\n`);
setInterval(() => undefined, 60_000);

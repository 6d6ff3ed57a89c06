// Preloaded into the yaml-language-server child process: any attempt to reach the network fails
// loudly (on stderr, which the test reads) instead of quietly depending on it.
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const tls = require('node:tls');

function refuse(what) {
  return function () {
    process.stderr.write(`NETWORK BLOCKED: ${what} ${JSON.stringify([...arguments].filter((a) => typeof a !== 'function')).slice(0, 200)}\n`);
    throw new Error(`network access refused in tests (${what})`);
  };
}
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
tls.connect = refuse('tls.connect');
globalThis.fetch = refuse('fetch');

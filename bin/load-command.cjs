'use strict';
// Loads the command's bundle (dist/cli-bundle/cli.cjs, scripts/build-cli.mjs says why it is one
// CommonJS file) as Node's require() would, but compiled with V8's code cache written beside it
// at build time: V8 then deserialises the bytecode of what `evaluate` runs instead of parsing and
// compiling it. The cache is named for the Node.js that wrote it; another Node finds none and
// compiles the bundle, and V8 itself rejects a cache that does not fit (other V8 flags) and
// compiles it all the same. Nothing is written at run time: the package's folder may be read-only.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli-bundle', 'cli.cjs');

/** The code cache's file for this Node.js: V8's cache is only for the V8 that wrote it. */
const codeCacheFile = () => join(dirname(BUNDLE), `cli-${process.version}-${process.arch}.code-cache`);

function readCodeCache() {
  try {
    return readFileSync(codeCacheFile());
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Compiles and runs the bundle, with `cachedData` if given: its exports, and the compiled script. */
function compileCommand(cachedData) {
  // Module.wrap: the function Node wraps a CommonJS file in, so the cache writer and every run compile the same text.
  const script = new Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), {
    filename: BUNDLE,
    // No importModuleDynamically: on Node 20 it needs --experimental-vm-modules and is lost with
    // the cache; the bundle imports the chart packages through a file of its own (import-module.cjs).
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script };
}

/** The command's main() and processIo(), compiled with the code cache when this Node can use it. */
function loadCommand() {
  return compileCommand(readCodeCache()).exports;
}

module.exports = { loadCommand, compileCommand, codeCacheFile };

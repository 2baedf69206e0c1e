#!/usr/bin/env node
// Test-only launcher: a Cosmos DB API server (@vercel/cosmosdb-server) on loopback, over HTTPS with
// a certificate the caller made, for the SalesCoach Cosmos conformance and cluster tests.
//
//   node launch.js --port 8081 --cert cert.pem --key key.pem [--host 127.0.0.1]
//
// Prints "cosmosdb-server listening on https://HOST:PORT/" once it accepts connections, and exits
// when its standard input closes, so a test run that dies never leaves it behind.
//
// The server is a faithful enough Cosmos DB REST API for our providers, with known gaps. Two of them
// matter to the providers and are corrected here, around the server's own handlers, and nowhere else:
//   1. A read of a missing item answered 500 (the handler dereferenced the missing item); Cosmos DB
//      answers 404, which is how a provider learns that a grain has no state or a reminder no row.
//   2. A query sent with a partition key header ran over every partition (and was refused unless the
//      WHERE clause named the partition key path); Cosmos DB runs it inside that logical partition.
//      Every query the reminder table makes is scoped to a partition key this way.
// Left as they are, on purpose:
//   - `If-Match: *` is compared literally: the providers never send it (a first write is a create).
//   - The query-plan request the .NET SDK sends on Linux before a cross-partition query is not
//     answered: the providers make no cross-partition query (the SDK sends no plan request for a query
//     scoped to a partition key), and a test that made one by mistake fails here instead of passing.
//   - The binary TransactionalBatch is refused: the providers do not use it.
//   - Data lives in this process's memory only: a test shows durability with a fresh provider over the
//     same running server.
"use strict";

const fs = require("fs");
const path = require("path");

const lib = path.dirname(require.resolve("@vercel/cosmosdb-server"));
const handler = name => require(path.join(lib, "handler", name));
const { parsePartitionKey } = require(path.join(lib, "utils", "get-partition-from-header"));
const getValue = require(path.join(lib, "utils", "get-value")).default;
const readJson = require(path.join(lib, "json")).default;
const readItems = require(path.join(lib, "handler", "_read-items")).default;

const PARTITION_KEY_HEADER = "x-ms-documentdb-partitionkey";

function args(argv) {
  const result = { host: "127.0.0.1", port: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case "--host": result.host = value; i += 1; break;
      case "--port": result.port = parseInt(value, 10); i += 1; break;
      case "--cert": result.cert = value; i += 1; break;
      case "--key": result.key = value; i += 1; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!result.cert || !result.key) {
    throw new Error("--cert and --key are required (PEM files)");
  }
  return result;
}

// The handlers are read by the route table when it is built, so they are replaced before the
// server module (and with it the route table) is loaded.
function wrap(name, correct) {
  const module = handler(name);
  const original = module.default;
  module.default = (account, req, res, params) => correct(original, account, req, res, params);
}

function notFound(res) {
  res.statusCode = 404;
  return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
}

function partitionKeyPath(collection) {
  const paths = ((collection.read() || {}).partitionKey || {}).paths || [];
  return (paths[0] || "/id").slice(1).split("/");
}

// 1. Missing item → 404.
wrap("read-document", (original, account, req, res, params) => {
  const collection = account.database(params.dbId).collection(params.collId);
  if (collection.read()) {
    const header = req.headers[PARTITION_KEY_HEADER];
    const partitionKey = header ? parsePartitionKey(header, params.docId) : params.docId;
    if (!collection.document(params.docId, partitionKey).read()) {
      return notFound(res);
    }
  }
  return original(account, req, res, params);
});

// 2. A query with a partition key header runs inside that logical partition.
wrap("query-documents", async (original, account, req, res, params) => {
  const header = req.headers[PARTITION_KEY_HEADER];
  const partitionKey = header ? JSON.parse(header) : [];
  if (!Array.isArray(partitionKey) || partitionKey.length === 0) {
    return original(account, req, res, params);
  }

  return readItems(req, res, "Documents", async ({ continuation, maxItemCount }) => {
    const body = await readJson(req);
    if (!body.query) {
      res.statusCode = 400;
      return { message: "missing query" };
    }
    const collection = account.database(params.dbId).collection(params.collId);
    if (!collection.read()) {
      return null;
    }
    // A view of the collection's items that holds only this logical partition's.
    const documents = collection.documents;
    const keyPath = partitionKeyPath(collection);
    const view = Object.create(documents);
    view._data = new Map([...documents._data].filter(([, item]) => getValue(keyPath, item.read()) === partitionKey[0]));
    try {
      return view.query(body, { continuation, maxItemCount });
    } catch (err) {
      if (err.badRequest) {
        res.statusCode = 400;
        return { message: err.message };
      }
      throw err;
    }
  });
});

// COSMOS_SERVER_TRACE=1 prints one line per request (method, path, size) to stderr, to count what a command costs.
if (process.env.COSMOS_SERVER_TRACE === "1") {
  const routes = require(path.join(lib, "routes"));
  const route = routes.default;
  routes.default = req => {
    process.stderr.write(`${req.method} ${req.url} ${req.headers["content-length"] || 0}\n`);
    return route(req);
  };
}

const options = args(process.argv.slice(2));
const { createHttpsServer } = require("@vercel/cosmosdb-server");

// keepAlive: the server otherwise closes the connection after every response.
const server = createHttpsServer({
  cert: fs.readFileSync(options.cert),
  key: fs.readFileSync(options.key),
  keepAlive: true
});
server.keepAliveTimeout = 60000;
server.listen(options.port, options.host, () => {
  const { port } = server.address();
  process.stdout.write(`cosmosdb-server listening on https://${options.host}:${port}/\n`);
});

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();

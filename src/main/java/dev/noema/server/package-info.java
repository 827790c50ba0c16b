/**
 * {@code noema serve}: one Jetty process (Fuseki main) that serves a knowledge base as a SPARQL 1.1
 * endpoint, a JSON HTTP API under {@code /api/} and a web page at {@code /}. It only wires: every
 * answer comes from the knowledge base, the store and the library packages; the server adds access
 * control, jobs and JSON.
 */
package dev.noema.server;

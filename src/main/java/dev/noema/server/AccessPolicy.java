package dev.noema.server;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may do what. Reads of the graph are open on loopback and need a token elsewhere; writes need
 * a token always, except uploads on a loopback server with no token configured (the page's own
 * import). The per-run secret of {@link ServerFile} (the local CLI) may do everything. Immutable
 * and thread-safe.
 *
 * @param loopback the server binds a loopback address only
 * @param userToken the bearer token users present ({@code --token} / {@code NOEMA_TOKEN}), or null
 * @param localSecret the per-run secret written to server.json, never null
 * @param allowUpdate SPARQL Update and graph store writes are open to the user token ({@code
 *     --allow-update})
 */
record AccessPolicy(boolean loopback, String userToken, String localSecret, boolean allowUpdate) {

  /** What a request asks for. */
  enum Need {
    NOTHING,
    READ,
    API_WRITE,
    SPARQL_WRITE
  }

  /** Why a request is refused, or null when it may proceed. */
  String refusal(HttpServletRequest request, Need need) {
    String presented = bearer(request);
    if (matches(presented, localSecret)) {
      return null;
    }
    boolean user = matches(presented, userToken);
    return switch (need) {
      case NOTHING -> null;
      case READ -> loopback || user ? null : "this server needs a bearer token to run queries";
      case API_WRITE ->
          user || (loopback && userToken == null)
              ? null
              : "writing needs the server's bearer token";
      case SPARQL_WRITE ->
          allowUpdate && user
              ? null
              : "the SPARQL endpoint is read-only (updates need noema serve --allow-update and a bearer token)";
    };
  }

  /** Whether a token was presented at all (401 when missing, 403 when wrong). */
  static boolean presentsToken(HttpServletRequest request) {
    return bearer(request) != null;
  }

  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).trim();
  }

  /** Constant-time comparison, so response timing says nothing about the token. */
  private static boolean matches(String presented, String expected) {
    return presented != null
        && expected != null
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}

/**
 * Who is calling: staff log in for an opaque bearer token, visitors carry a signed visitor token. Both travel in the
 * Authorization header (or the first WebSocket frame), never in a cookie, which is what makes the API CSRF-safe.
 */
@NullMarked
package dev.kefu.security;

import org.jspecify.annotations.NullMarked;
